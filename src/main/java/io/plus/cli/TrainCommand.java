package io.plus.cli;

import io.plus.data.Dataset;
import io.plus.data.io.DatasetReader;
import io.plus.encoder.TextEncoder;
import io.plus.eval.SplitMetrics;
import io.plus.methods.RewardMethod;
import io.plus.methods.catalog.MethodRegistry;
import io.plus.pipeline.TrainPipeline;
import io.plus.summary.training.Checkpoint;
import io.plus.summary.training.PlusMethod;
import io.plus.training.Calibration;
import io.plus.training.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a reward model on a dataset folder and write it as a new model bundle.")
public class TrainCommand implements Callable<Integer> {
    private static final int DEFAULT_CHECKPOINT_EVERY = 10;

    @Option(names = "--data", required = true, description = "Dataset folder (pairs.jsonl, optional truth.jsonl).")
    Path data;

    @Option(names = "--method", defaultValue = "PLUS",
            description = "PLUS, PLUS-untrained, BTL, ICL or Oracle (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--bundles", defaultValue = "plus-out/models",
            description = "Folder that holds model bundles (default: ${DEFAULT-VALUE}).")
    Path bundles;

    @Option(names = "--model-version", description = "Version name of the new bundle (default: method and UTC time).")
    String version;

    @Option(names = "--checkpoints", paramLabel = "DIR", description = "PLUS and PLUS-untrained: checkpoint co-adaptation into DIR; "
            + "run the same command again to resume a stopped run after its last checkpoint.")
    Path checkpoints;

    @Option(names = "--checkpoint-every", description = "Iterations between checkpoints (default: "
            + DEFAULT_CHECKPOINT_EVERY + "; one is always written at the end).")
    Integer checkpointEvery;

    @Mixin
    TrainingOptions training;

    @Mixin
    EncoderOptions encoderOptions;

    @Override
    public Integer call() throws Exception {
        Dataset dataset = DatasetReader.read(data, data.getFileName().toString());
        TrainConfig config = training.config();
        int total = config.epochs();
        try (TextEncoder encoder = encoderOptions.open()) {
            RewardMethod chosen = MethodRegistry.standard(encoder, training.iterations).require(method);
            if (checkpoints != null) {
                chosen = checkpointed(chosen);
            } else if (checkpointEvery != null) {
                throw new IllegalArgumentException("--checkpoint-every needs --checkpoints DIR");
            }
            TrainPipeline.Outcome outcome = TrainPipeline.run(dataset, encoder, chosen, config, bundles,
                    Optional.ofNullable(version), epoch -> System.err.printf("epoch %d/%d%n", epoch, total));
            Calibration calibration = outcome.model().calibration();
            if (calibration.fitted()) {
                System.out.printf(Locale.ROOT, "rewards scaled by %.3f, fitted on %d held-out training pairs "
                        + "(their NLL %.3f -> %.3f)%n", calibration.scale(), calibration.pairs(), calibration.nllBefore(),
                        calibration.nllAfter());
            }
            for (SplitMetrics split : outcome.metrics()) {
                System.out.println(EvalCommand.describe(split));
            }
            System.out.println("model bundle " + outcome.modelVersion() + " -> " + outcome.bundle());
        }
        return 0;
    }

    private RewardMethod checkpointed(RewardMethod chosen) throws IOException {
        if (!(chosen instanceof PlusMethod plus)) {
            throw new IllegalArgumentException("--checkpoints is for PLUS and PLUS-untrained (co-adaptation); "
                    + chosen.name() + " trains its reward model in one go");
        }
        Optional<Checkpoint> last = Checkpoint.read(checkpoints);
        if (last.isPresent()) {
            if (last.get().iteration() > training.iterations) {
                throw new IllegalArgumentException("the checkpoint in " + checkpoints + " is at iteration "
                        + last.get().iteration() + ", past --iterations " + training.iterations
                        + ": give at least that many, or a fresh checkpoint folder");
            }
            System.err.printf("resuming co-adaptation after iteration %d (checkpoint in %s)%n",
                    last.get().iteration(), checkpoints);
        }
        return plus.withCheckpoints(checkpoints, checkpointEvery != null ? checkpointEvery : DEFAULT_CHECKPOINT_EVERY);
    }
}
