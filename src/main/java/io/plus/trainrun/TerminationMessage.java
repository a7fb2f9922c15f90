package io.plus.trainrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON a finished run leaves for whoever started it: Kubernetes copies {@code /dev/termination-log}
 * into the pod's status, where the operator reads it. Outside Kubernetes it is written only where asked.
 */
public final class TerminationMessage {
    public static final Path KUBERNETES_DEFAULT = Path.of("/dev/termination-log");
    /** Kubernetes keeps at most 4,096 bytes of it. */
    static final int MAX_BYTES = 4096;

    private TerminationMessage() {
    }

    /** The path given, else {@code PLUS_TERMINATION_LOG}, else the Kubernetes file when the pod has one. */
    public static Optional<Path> destination(Path given) {
        if (given != null) {
            return Optional.of(given);
        }
        String env = System.getenv("PLUS_TERMINATION_LOG");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env));
        }
        return Files.isWritable(KUBERNETES_DEFAULT) ? Optional.of(KUBERNETES_DEFAULT) : Optional.empty();
    }

    public static void write(Path path, Map<String, Object> message) throws IOException {
        String json = TrainRunJob.json(message);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) { // keep what the operator needs: the outcome and why
            bytes = TrainRunJob.json(Map.of("outcome", message.get("outcome"), "exitCode", message.get("exitCode"),
                    "message", String.valueOf(message.get("message")), "truncated", true)).getBytes(StandardCharsets.UTF_8);
        }
        Files.write(path, bytes);
    }
}
