package io.plus.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"GET each URL and report its status: exit 0 when every one answers 2xx, 1 otherwise. "
                + "The Helm chart's `helm test` uses it to check the functions behind the gateway."})
public class ProbeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "URL", description = "http(s) URLs to GET")
    List<URI> urls;

    @Override
    public Integer call() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int failed = 0;
        for (URI url : urls) {
            String outcome;
            try {
                int status = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                outcome = Integer.toString(status);
                if (status < 200 || status >= 300) {
                    failed++;
                }
            } catch (IOException | IllegalArgumentException e) {
                outcome = "unreachable (" + e.getMessage() + ")";
                failed++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
            System.out.println(url + " " + outcome);
        }
        return failed == 0 ? 0 : 1;
    }
}
