package io.plus.trainrun;

import io.plus.bundle.BundleException;
import io.plus.bundle.BundleManifest;
import io.plus.bundle.BundleStore;
import io.plus.bundle.ModelBundle;
import io.plus.bundle.Sha256;
import io.plus.encoder.TextEncoder;
import io.plus.eval.Evaluator;
import io.plus.methods.EmbeddingTable;
import io.plus.methods.FittedModel;
import io.plus.pipeline.BundleBinding;
import io.plus.pipeline.TrainPipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The model serving now, evaluated on the new model's held-out users and pairs, so the gate compares
 * like with like. The active model never trained on the unseen users either: they are chosen by the
 * same stable hash in every run. A baseline that cannot be loaded is reported, not fatal.
 */
final class BaselineEvaluation {
    /** The active model's metrics, or why there are none. */
    record Baseline(String version, Map<String, Object> metrics, String unavailable) {
    }

    private BaselineEvaluation() {
    }

    static Baseline of(RegisteredVersion active, TrainPipeline.Trained trained, Function<String, TextEncoder> encoders) {
        Path location = Path.of(active.location());
        try {
            String digest = Sha256.of(location.resolve(BundleManifest.FILE_NAME));
            if (!digest.equals(active.manifestSha256())) {
                return new Baseline(active.version(), null, "its bundle changed since it was registered");
            }
            ModelBundle bundle = BundleStore.read(location, Optional.empty());
            String encoderId = bundle.manifest().encoder().id();
            if (encoderId.equals(trained.encoder().id())) {
                return measured(active, bundle, trained, trained.encoder(), trained.embeddings());
            }
            try (TextEncoder encoder = encoders.apply(encoderId)) {
                return measured(active, bundle, trained, encoder, EmbeddingTable.embed(trained.dataset(), encoder, n -> { }));
            }
        } catch (IOException | BundleException | IllegalArgumentException e) {
            return new Baseline(active.version(), null, "cannot be evaluated: " + e.getMessage());
        }
    }

    private static Baseline measured(RegisteredVersion active, ModelBundle bundle, TrainPipeline.Trained trained,
                                     TextEncoder encoder, EmbeddingTable embeddings) {
        FittedModel model = BundleBinding.bind(bundle, trained.dataset(), embeddings, encoder);
        return new Baseline(active.version(),
                TrainPipeline.metricsMap(Evaluator.evaluate(model, trained.dataset(), embeddings)), null);
    }
}
