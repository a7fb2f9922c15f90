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
 * the result as a new immutable model bundle whose manifest carries the metrics.
 */
public final class TrainPipeline {
    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private TrainPipeline() {
    }

    public record Outcome(Path bundle, String modelVersion, List<SplitMetrics> metrics, FittedModel model) {
    }

    public static Outcome run(Dataset dataset, TextEncoder encoder, RewardMethod method, TrainConfig config,
                              Path bundleRoot, Optional<String> version, IntConsumer onEpoch) {
        EmbeddingTable embeddings = EmbeddingTable.embed(dataset, encoder, done -> { });
        FittedModel fitted = method.fit(dataset, embeddings, config, onEpoch);
        Map<String, byte[]> extraFiles = BundleBinding.extraFiles(fitted);
        List<SplitMetrics> metrics = Evaluator.evaluate(fitted, dataset, embeddings);
        Instant now = Instant.now();
        String modelVersion = version.orElse(method.name().toLowerCase() + "-" + VERSION_TIME.format(now));
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, modelVersion, method.name(),
                fitted.conditioning(), fitted.conditioner().dimension(), fitted.head().layout().name(),
                new BundleManifest.EncoderInfo(encoder.id(), encoder.dimension()), config.asMap(), dataset.name(),
                DatasetFingerprint.of(dataset), metricsMap(metrics), Map.of(), now.toString());
        Path bundle = BundleStore.write(bundleRoot, manifest, fitted.head().weights(), extraFiles);
        return new Outcome(bundle, modelVersion, metrics, fitted);
    }

    static Map<String, Object> metricsMap(List<SplitMetrics> metrics) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (SplitMetrics split : metrics) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("pairs", split.all().count());
            values.put("accuracy", split.all().accuracy());
            values.put("nll", split.all().nll());
            values.put("controversialPairs", split.controversial().count());
            if (split.controversial().count() > 0) {
                values.put("controversialAccuracy", split.controversial().accuracy());
            }
            map.put(split.split().wireName(), values);
        }
        return map;
    }
}
