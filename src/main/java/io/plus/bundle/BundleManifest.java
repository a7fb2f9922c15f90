package io.plus.bundle;

import java.util.Map;

/**
 * {@code manifest.json} of a model bundle: what the model is, what it was trained on and with, how
 * well it did, and the SHA-256 of every other file in the bundle. {@code trainingData} says where the
 * training data came from when it was stored feedback (tenants, snapshot, what was held out, the
 * model it was compared with); it is null for a bundle trained on a dataset folder.
 */
public record BundleManifest(
        int formatVersion,
        String modelVersion,
        String method,
        String conditioning,
        int conditioningDimension,
        String featureLayout,
        EncoderInfo encoder,
        Map<String, Object> hyperParameters,
        String datasetName,
        String datasetFingerprint,
        Map<String, Object> metrics,
        Map<String, Object> trainingData,
        Map<String, String> files,
        String createdAt) {

    /**
     * 2: a summary-conditioned model reads its summary sentence by sentence ({@code SummaryEncoding});
     * 3: as the sum of its sentences, no longer their unit mean.
     */
    public static final int FORMAT_VERSION = 3;
    public static final String FILE_NAME = "manifest.json";

    /** The text encoder whose embeddings the model reads; a bundle only works with that encoder. */
    public record EncoderInfo(String id, int dimension) {
    }

    BundleManifest withFiles(Map<String, String> newFiles) {
        return new BundleManifest(formatVersion, modelVersion, method, conditioning, conditioningDimension,
                featureLayout, encoder, hyperParameters, datasetName, datasetFingerprint, metrics, trainingData, newFiles,
                createdAt);
    }
}
