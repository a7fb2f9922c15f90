package io.plus.cli;

import io.plus.bench.BenchConfig;
import io.plus.bench.BenchReport;
import io.plus.bench.BenchResult;
import io.plus.bench.BenchRunner;
import io.plus.bench.DatasetCatalog;
import io.plus.bench.DatasetFolder;
import io.plus.bench.DatasetSource;
import io.plus.bench.MarkdownTable;
import io.plus.bench.Progress;
import io.plus.encoder.EncoderSpec;
import io.plus.encoder.TextEncoder;
import io.plus.methods.catalog.MethodRegistry;
import io.plus.methods.RewardMethod;
import io.plus.training.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Generate the benchmark datasets, train every method on the same embeddings and splits, "
                + "and report accuracy per dataset and split (Markdown on the console, results.json, results.svg).")
public class BenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "Smaller datasets and one seed: a few minutes.")
    boolean quick;

    @Option(names = "--seeds", description = "Number of seeds (default: 3, or 1 with --quick).")
    Integer seeds;

    @Option(names = "--epochs", description = "Training epochs per method (default: 20).")
    Integer epochs;

    @Option(names = "--datasets", split = ",", description = "Datasets to run (default: all available: "
            + "pets, pets-ood, attributes, attributes-mix, and dsp when its file is given).")
    List<String> datasets;

    @Option(names = "--data", split = ",", paramLabel = "DIR", description = "Dataset folders of your own "
            + "(pairs.jsonl, optionally truth.jsonl; as `plus import` writes them), benchmarked like the built-in sets: "
            + "their splits are used as they are. Given alone, only these run; add --datasets for built-in ones too.")
    List<Path> data;

    @Option(names = "--methods", split = ",", description = "Methods to run (default: all registered).")
    List<String> methods;

    @Option(names = "--dsp-file", description = "The real DSP file domain_specific_preference.test.json "
            + "(default: $PLUS_DSP_FILE; dsp is skipped without it).")
    Path dspFile;

    @Option(names = "--parallel", paramLabel = "N", description = "Runs (one method on one dataset and seed) "
            + "trained at once, each on one thread; with a float encoder results do not depend on it (default: the "
            + "number of cores; 1 with an int8 encoder, whose vectors depend a little on what they are batched with, "
            + "so that runs side by side may change each other's results).")
    Integer parallel;

    @Option(names = "--out", defaultValue = "plus-out/bench", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    EncoderOptions encoderOptions;

    @Override
    public Integer call() throws Exception {
        List<DatasetSource> sources = new ArrayList<>();
        Optional<Path> dsp = DatasetCatalog.dspFile(dspFile);
        if (datasets != null || data == null) {
            if (dsp.isEmpty() && datasets == null) {
                System.err.println("note: dsp skipped (give --dsp-file or set PLUS_DSP_FILE to include the real DSP data)");
            }
            (datasets == null ? DatasetCatalog.defaultNames(dsp.isPresent()) : datasets)
                    .forEach(name -> sources.add(DatasetCatalog.source(name, quick, dsp)));
        }
        for (Path folder : data == null ? List.<Path>of() : data) {
            sources.add(DatasetFolder.read(folder)); // read and checked now: a bad folder fails before training
        }
        int seedCount = seeds != null ? seeds : quick ? 1 : 3;
        // runs embed summaries as they go: side by side they batch them differently, which only a
        // batch-invariant encoder ignores
        EncoderSpec encoderSpec = encoderOptions.spec();
        int runsAtOnce = parallel != null ? parallel
                : encoderSpec.batchInvariant() ? Runtime.getRuntime().availableProcessors() : 1;
        if (runsAtOnce < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1, got " + runsAtOnce);
        }
        if (runsAtOnce > 1 && !encoderSpec.batchInvariant()) {
            System.err.println("note: " + encoderSpec.id() + " embeds a text a little differently beside "
                    + "other texts, so with --parallel " + runsAtOnce + " results may differ from run to run");
        }
        TrainConfig training = TrainConfig.defaults(1);
        if (epochs != null) {
            training = training.withEpochs(epochs);
        }
        try (TextEncoder encoder = encoderOptions.open()) {
            MethodRegistry registry = MethodRegistry.standard(encoder);
            List<String> methodNames = methods != null ? methods
                    : registry.all().stream().map(RewardMethod::name).toList();
            BenchConfig config = new BenchConfig(sources, methodNames,
                    LongStream.rangeClosed(1, seedCount).boxed().toList(), training, out, runsAtOnce);
            Progress progress = new Progress(System.err, BenchRunner.units(config), Duration.ofSeconds(2));
            BenchResult result = new BenchRunner(encoder, registry).run(config, progress);
            System.out.println();
            System.out.println(MarkdownTable.render(result));
            BenchReport.Written written = BenchReport.write(result, config.outputDirectory());
            System.out.println("results: " + written.markdown() + ", " + written.json() + ", " + written.chart()
                    + (written.coldStartCharts().isEmpty() ? "" : ", cold-start curves " + written.coldStartCharts())
                    + ", reliability diagrams " + written.reliabilityCharts());
        }
        return 0;
    }
}
