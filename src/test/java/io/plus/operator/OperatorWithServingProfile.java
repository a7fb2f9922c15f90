package io.plus.operator;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * The operator against the fabric8 mock server beside the functions of the same test application:
 * ModelRollouts are applied through this application's own admin API, on a port chosen here so
 * the operator can be told where it is before the application starts.
 */
public class OperatorWithServingProfile implements QuarkusTestProfile {
    /** Chosen once: the overrides may be asked for more than once and must agree. */
    private static final int PORT = freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        int port = PORT;
        Map<String, String> config = new HashMap<>(new OperatorTestProfile().getConfigOverrides());
        config.remove("plus.serve.enabled");
        config.put("quarkus.http.test-port", Integer.toString(port));
        config.put("plus.operator.registry-url", "http://127.0.0.1:" + port);
        return config;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
