package io.plus.trainrun;

/** A row of the model registry as train-run reads it; metrics are JSON text. */
public record RegisteredVersion(String version, String location, String manifestSha256, String status,
                                String metrics, String baselineVersion, String baselineMetrics, String trainingRun) {
}
