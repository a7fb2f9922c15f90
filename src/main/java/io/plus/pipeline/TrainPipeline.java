package io.plus.pipeline;

import io.plus.bundle.BundleManifest;
import io.plus.bundle.BundleStore;
import io.plus.data.Dataset;
import io.plus.data.io.DatasetFingerprint;
import io.plus.encoder.TextEncoder;
import io.plus.eval.Evaluator;
import io.plus.eval.SplitMetrics;
import io.plus.methods.RewardMethod;
import io.plus.methods.EmbeddingTable;
import io.plus.methods.FittedModel;
import io.plus.training.Calibration;
import io.plus.training.TrainConfig;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * The {@code train} job: embed a dataset, fit a method, evaluate it on the test splits and write
 * the result as a new immutable model bundle whose manifest carries the metrics. {@code train-run}
 * uses the two halves apart, to compare the new model with the active one before writing.
 */
public final class TrainPipeline {
    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private TrainPipeline() {
    }

    public record Outcome(Path bundle, String modelVersion, List<SplitMetrics> metrics, FittedModel model) {
    }

    /** A model fitted and evaluated, not yet written. */
    public record Trained(Dataset dataset, TextEncoder encoder, EmbeddingTable embeddings, String method,
                          TrainConfig config, FittedModel model, List<SplitMetrics> metrics) {
    }

    public static Outcome run(Dataset dataset, TextEncoder encoder, RewardMethod method, TrainConfig config,
                              Path bundleRoot, Optional<String> version, IntConsumer onEpoch) {
        Trained trained = train(dataset, encoder, method, config, onEpoch);
        String modelVersion = version.orElse(defaultVersion(method.name(), Instant.now()));
        Path bundle = write(trained, bundleRoot, modelVersion, null, Map.of());
        return new Outcome(bundle, modelVersion, trained.metrics(), trained.model());
    }

    public static Trained train(Dataset dataset, TextEncoder encoder, RewardMethod method, TrainConfig config,
                                IntConsumer onEpoch) {
        EmbeddingTable embeddings = EmbeddingTable.embed(dataset, encoder, done -> { });
        FittedModel fitted = method.fit(dataset, embeddings, config, onEpoch);
        List<SplitMetrics> metrics = Evaluator.evaluate(fitted, dataset, embeddings);
        return new Trained(dataset, encoder, embeddings, method.name(), config, fitted, metrics);
    }

    /**
     * Writes {@code trained} as bundle {@code modelVersion} under {@code bundleRoot}, with
     * {@code trainingData} in its manifest and {@code moreFiles} beside the model's own files.
     */
    public static Path write(Trained trained, Path bundleRoot, String modelVersion, Map<String, Object> trainingData,
                             Map<String, byte[]> moreFiles) {
        FittedModel fitted = trained.model();
        Map<String, byte[]> files = new LinkedHashMap<>(BundleBinding.extraFiles(fitted));
        files.putAll(moreFiles);
        TextEncoder encoder = trained.encoder();
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, modelVersion, trained.method(),
                fitted.conditioning().name(), fitted.conditioner().dimension(), fitted.head().layout().name(),
                new BundleManifest.EncoderInfo(encoder.id(), encoder.dimension()), trained.config().asMap(),
                trained.dataset().name(), DatasetFingerprint.of(trained.dataset()),
                metricsMap(trained.metrics(), fitted.calibration()),
                trainingData, Map.of(), Instant.now().toString());
        return BundleStore.write(bundleRoot, manifest, fitted.head().weights(), files);
    }

    /** {@code method} and the UTC time, e.g. {@code plus-20261202-101500}. */
    public static String defaultVersion(String method, Instant now) {
        return method.toLowerCase() + "-" + VERSION_TIME.format(now);
    }

    /**
     * The manifest's {@code metrics}: per split, and under {@code calibration} the factor the rewards
     * were scaled by after training (already in the weights) and what it was fitted on.
     */
    public static Map<String, Object> metricsMap(List<SplitMetrics> metrics, Calibration calibration) {
        Map<String, Object> map = metricsMap(metrics);
        if (calibration.fitted()) {
            map.put("calibration", Map.of("rewardScale", calibration.scale(), "heldOutPairs", calibration.pairs(),
                    "heldOutNllBefore", calibration.nllBefore(), "heldOutNllAfter", calibration.nllAfter()));
        }
        return map;
    }

    public static Map<String, Object> metricsMap(List<SplitMetrics> metrics) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (SplitMetrics split : metrics) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("pairs", split.all().count());
            values.put("accuracy", split.all().accuracy());
            values.put("nll", split.all().nll());
            values.put("expectedCalibrationError", split.all().ece());
            values.put("controversialPairs", split.controversial().count());
            if (split.controversial().count() > 0) {
                values.put("controversialAccuracy", split.controversial().accuracy());
            }
            map.put(split.split().wireName(), values);
        }
        return map;
    }
}
