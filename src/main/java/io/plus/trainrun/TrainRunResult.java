package io.plus.trainrun;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a training run reports: in its log, as its exit code, and as the JSON termination message the
 * operator reads. {@code metrics} and {@code baselineMetrics} are measured on the same held-out
 * users and pairs; {@code baselineVersion} is null when no model was active.
 */
public record TrainRunResult(TrainRunOutcome outcome, String message, String modelVersion, String location,
                             Map<String, Object> metrics, String baselineVersion, Map<String, Object> baselineMetrics,
                             Map<String, Object> snapshot, String device, double seconds) {

    public static TrainRunResult insufficient(String message, Map<String, Object> snapshot, double seconds) {
        return new TrainRunResult(TrainRunOutcome.INSUFFICIENT_DATA, message, null, null, null, null, null, snapshot,
                null, seconds);
    }

    public static TrainRunResult failed(String message, double seconds) {
        return new TrainRunResult(TrainRunOutcome.FAILED, message, null, null, null, null, null, null, null, seconds);
    }

    /** The termination message: small (Kubernetes keeps 4 KB of it), nulls left out. */
    public Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", outcome.wireName());
        json.put("exitCode", outcome.exitCode());
        json.put("message", message);
        putIfPresent(json, "modelVersion", modelVersion);
        putIfPresent(json, "location", location);
        putIfPresent(json, "metrics", metrics);
        putIfPresent(json, "baselineVersion", baselineVersion);
        putIfPresent(json, "baselineMetrics", baselineMetrics);
        putIfPresent(json, "snapshot", snapshot);
        putIfPresent(json, "device", device);
        json.put("seconds", Math.round(seconds * 10) / 10.0);
        return json;
    }

    private static void putIfPresent(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
