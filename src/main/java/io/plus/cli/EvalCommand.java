package io.plus.cli;

import io.plus.eval.Evaluator;
import io.plus.eval.SplitMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
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
        try (BundleOnDataset bound = BundleOnDataset.open(bundle, data, encoderOptions)) {
            System.out.println("model " + bound.manifest().modelVersion() + " (" + bound.manifest().method() + ") on "
                    + bound.dataset().name());
            for (SplitMetrics split : Evaluator.evaluate(bound.model(), bound.dataset(), bound.embeddings())) {
                System.out.println(describe(split));
            }
        }
        return 0;
    }

    static String describe(SplitMetrics split) {
        String controversial = split.controversial().count() == 0 ? ""
                : String.format(Locale.ROOT, ", controversial %.1f%% of %d", 100 * split.controversial().accuracy(),
                split.controversial().count());
        return String.format(Locale.ROOT, "%-20s accuracy %.1f%% of %d pairs, NLL %.3f, ECE %.1f%s",
                split.split().wireName(), 100 * split.all().accuracy(), split.all().count(), split.all().nll(),
                100 * split.all().ece(), controversial);
    }
}
