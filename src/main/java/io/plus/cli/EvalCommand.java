package io.plus.cli;

import io.plus.bundle.BundleManifest;
import io.plus.bundle.BundleStore;
import io.plus.bundle.ModelBundle;
import io.plus.data.Dataset;
import io.plus.data.io.DatasetReader;
import io.plus.encoder.TextEncoder;
import io.plus.eval.Evaluator;
import io.plus.eval.SplitMetrics;
import io.plus.methods.EmbeddingTable;
import io.plus.methods.FittedModel;
import io.plus.pipeline.BundleBinding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a model bundle on the test splits of a dataset folder.")
public class EvalCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "Dataset folder.")
    Path data;

    @Option(names = "--bundle", required = true, description = "Model bundle folder (holds manifest.json).")
    Path bundle;

    @Mixin
    EncoderOptions encoderOptions;

    @Override
    public Integer call() throws Exception {
        BundleManifest manifest = BundleStore.read(bundle, Optional.empty()).manifest();
        Dataset dataset = DatasetReader.read(data, data.getFileName().toString());
        // The bundle names the encoder it was trained with; embeddings must come from that one.
        try (TextEncoder encoder = encoderOptions.open(manifest.encoder().id())) {
            ModelBundle model = BundleStore.read(bundle,
                    Optional.of(new BundleManifest.EncoderInfo(encoder.id(), encoder.dimension())));
            EmbeddingTable embeddings = EmbeddingTable.embed(dataset, encoder, done -> { });
            FittedModel fitted = BundleBinding.bind(model, dataset, embeddings, encoder);
            System.out.println("model " + manifest.modelVersion() + " (" + manifest.method() + ") on " + dataset.name());
            for (SplitMetrics split : Evaluator.evaluate(fitted, dataset, embeddings)) {
                System.out.println(describe(split));
            }
        }
        return 0;
    }

    static String describe(SplitMetrics split) {
        String controversial = split.controversial().count() == 0 ? ""
                : String.format(Locale.ROOT, ", controversial %.1f%% of %d", 100 * split.controversial().accuracy(),
                split.controversial().count());
        return String.format(Locale.ROOT, "%-20s accuracy %.1f%% of %d pairs, NLL %.3f%s", split.split().wireName(),
                100 * split.all().accuracy(), split.all().count(), split.all().nll(), controversial);
    }
}
