package io.plus.summary.training;

import io.plus.summary.StatementBank;
import io.plus.summary.UserContexts;
import io.plus.summary.SummaryCheck;
import io.plus.summary.SummaryConditioner;
import io.plus.summary.UserContext;
import io.plus.summary.StyleClusterMiner;
import io.plus.summary.StatementMiner;
import io.plus.data.Dataset;
import io.plus.encoder.TextEncoder;
import io.plus.methods.Conditioning;
import io.plus.methods.EmbeddingTable;
import io.plus.methods.FittedModel;
import io.plus.methods.RewardMethod;
import io.plus.model.FeatureLayout;
import io.plus.model.MlpWeights;
import io.plus.model.RewardHead;
import io.plus.training.Calibration;
import io.plus.training.TrainConfig;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * PLUS: a summarizer trained with PPO against a summary-conditioned reward model trained at the
 * same time. With {@code trainSummarizer=false} it is the PLUS-untrained baseline: summaries come
 * from the initial policy and only the reward model learns.
 */
public final class PlusMethod implements RewardMethod {

    private final String name;
    private final TextEncoder encoder;
    private final boolean trainSummarizer;
    private final int iterations;
    private final Consumer<IterationLog> onIteration;
    private final Optional<Path> checkpoints;
    private final int checkpointEvery;

    public PlusMethod(String name, TextEncoder encoder, boolean trainSummarizer, int iterations) {
        this(name, encoder, trainSummarizer, iterations, log -> { });
    }

    /** {@code onIteration} hears every co-adaptation iteration (reward, accuracy, seconds): for progress logs. */
    public PlusMethod(String name, TextEncoder encoder, boolean trainSummarizer, int iterations,
                      Consumer<IterationLog> onIteration) {
        this(name, encoder, trainSummarizer, iterations, onIteration, Optional.empty(), 0);
    }

    private PlusMethod(String name, TextEncoder encoder, boolean trainSummarizer, int iterations,
                       Consumer<IterationLog> onIteration, Optional<Path> checkpoints, int checkpointEvery) {
        this.name = name;
        this.encoder = encoder;
        this.trainSummarizer = trainSummarizer;
        this.iterations = iterations;
        this.onIteration = onIteration;
        this.checkpoints = checkpoints;
        this.checkpointEvery = checkpointEvery;
    }

    /**
     * The same method, checkpointing co-adaptation into {@code folder} every {@code every} iterations and
     * at the end; a run given a folder that holds a checkpoint resumes after that checkpoint's iteration.
     */
    public PlusMethod withCheckpoints(Path folder, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("checkpoints are written every 1 or more iterations, not " + every);
        }
        return new PlusMethod(name, encoder, trainSummarizer, iterations, onIteration, Optional.of(folder), every);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FittedModel fit(Dataset dataset, EmbeddingTable embeddings, TrainConfig config, IntConsumer onEpoch) {
        Dataset visible = dataset.withoutTruth();
        StatementBank bank = StatementMiner.defaults().mine(visible)
                .extendedWith(StyleClusterMiner.defaults(config.seed()).mine(visible, embeddings));
        CoAdaptationConfig coAdaptation = CoAdaptationConfig.defaults(config.seed(), config)
                .withIterations(iterations).withTrainSummarizer(trainSummarizer);
        int epochs = config.epochs();
        CoAdaptationTrainer.Result result = new CoAdaptationTrainer(encoder, coAdaptation).train(visible, embeddings,
                bank, checkpoints, checkpointEvery, log -> {
                    onIteration.accept(log);
                    // progress in the bench's units: iterations mapped onto "epochs"
                    int before = (int) ((long) (log.iteration() - 1) * epochs / iterations);
                    int after = (int) ((long) log.iteration() * epochs / iterations);
                    for (int e = before + 1; e <= after; e++) {
                        onEpoch.accept(e);
                    }
                });
        Map<String, UserContext> contexts = UserContexts.of(visible, embeddings, bank);
        // the temperature is fitted on the prompts held out of co-adaptation, by the head that never saw them
        RewardHead settled = head(result.settledHead(), embeddings);
        Calibration calibration = new FittedModel(name, Conditioning.SUMMARY, settled, new SummaryConditioner(
                result.policy(), bank, contexts, encoder, SummaryCheck.of(settled, result.policy(), bank, encoder)))
                .calibrationOn(result.heldOutPairs(), embeddings);
        // the served head, scaled, is also the one that checks the summaries it reads (as a loaded bundle does)
        RewardHead served = head(result.rewardHead(), embeddings).withScaledRewards((float) calibration.scale());
        SummaryConditioner conditioner = new SummaryConditioner(result.policy(), bank, contexts, encoder,
                SummaryCheck.of(served, result.policy(), bank, encoder));
        return new FittedModel(name, Conditioning.SUMMARY, served, conditioner, calibration);
    }

    private static RewardHead head(MlpWeights weights, EmbeddingTable embeddings) {
        return new RewardHead(weights, FeatureLayout.CROSS, embeddings.dimension(), embeddings.dimension());
    }
}
