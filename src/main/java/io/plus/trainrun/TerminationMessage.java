package io.plus.trainrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
        Files.write(path, fitted(message).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The message as JSON within Kubernetes' limit. What the operator needs (outcome, version,
     * metrics) is kept longest: first the snapshot summary, location and device go, then the
     * message text is shortened.
     */
    static String fitted(Map<String, Object> message) {
        Map<String, Object> kept = new LinkedHashMap<>(message);
        for (String optional : List.of("snapshot", "location", "device")) {
            if (size(kept) <= MAX_BYTES) {
                return TrainRunJob.json(kept);
            }
            kept.remove(optional);
            kept.put("truncated", true);
        }
        String text = String.valueOf(kept.get("message"));
        while (size(kept) > MAX_BYTES && text.length() > 16) {
            text = text.substring(0, text.length() / 2) + "…";
            kept.put("message", text);
        }
        return TrainRunJob.json(kept);
    }

    private static int size(Map<String, Object> message) {
        return TrainRunJob.json(message).getBytes(StandardCharsets.UTF_8).length;
    }
}
