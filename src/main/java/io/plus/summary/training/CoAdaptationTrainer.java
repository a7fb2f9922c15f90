package io.plus.summary.training;

import io.plus.summary.Statement;
import io.plus.summary.SummaryText;
import io.plus.summary.StatementBank;
import io.plus.summary.SummaryShape;
import io.plus.summary.PolicyNetwork;
import io.plus.summary.SummaryEncoding;
import io.plus.summary.UserContexts;
import io.plus.summary.SummaryRenderer;
import io.plus.summary.UserContext;
import io.plus.data.Dataset;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.encoder.TextEncoder;
import io.plus.methods.ConditionedRewardMethod;
import io.plus.methods.EmbeddingTable;
import io.plus.methods.UserConditioner;
import io.plus.model.FeatureLayout;
import io.plus.model.MlpWeights;
import io.plus.training.LabelledFeatures;
import io.plus.training.RewardModelSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * PLUS co-adaptation. Each iteration, for a batch of training users: sample one summary per user
 * from the summarizer; score it with the current reward model as the mean log-likelihood
 * {@code log σ(r(chosen|z) − r(rejected|z))} of the user's training pairs (never their context
 * pairs), clipped; update the summarizer with PPO; then take Bradley–Terry steps on the reward
 * model over the same users' training pairs conditioned on those same summaries. The training
 * pairs are split once ({@link RewardPairSplit}): a few prompts are held out of co-adaptation, and
 * of the rest a share of each user's pairs scores summaries while the others train the reward model.
 */
public final class CoAdaptationTrainer {
    private final TextEncoder encoder;
    private final CoAdaptationConfig config;

    /**
     * What a run produces: the summarizer, the reward head, the bank they share and the log; and for
     * calibration the held-out pairs ({@link RewardPairSplit}) with {@code settledHead}, the head as it
     * was before they were folded into {@code rewardHead}: only that head never saw them.
     */
    public record Result(PolicyNetwork policy, MlpWeights rewardHead, StatementBank bank, List<IterationLog> log,
                         List<PreferencePair> heldOutPairs, MlpWeights settledHead) {
    }

    public CoAdaptationTrainer(TextEncoder encoder, CoAdaptationConfig config) {
        this.encoder = encoder;
        this.config = config;
    }

    /**
     * Trains on the dataset's training users. {@code checkpointDir}, when given, receives a checkpoint
     * every {@code checkpointEvery} iterations and at the end, and a run resumes from it if present.
     */
    public Result train(Dataset visible, EmbeddingTable embeddings, StatementBank bank, Optional<Path> checkpointDir,
                        int checkpointEvery, Consumer<IterationLog> onIteration) {
        if (!visible.truth().isEmpty()) {
            throw new IllegalArgumentException("co-adaptation must not see hidden labels: pass dataset.withoutTruth()");
        }
        int d = embeddings.dimension();
        SummaryShape shape = new SummaryShape(d, config.maxStatements(), config.wordBudget(), config.evidenceWeight());
        float[][] statementEmbeddings = encoder.embed(bank.texts());
        int[] statementWords = bank.all().stream().mapToInt(Statement::words).toArray();
        Map<String, List<PreferencePair>> byUser = new TreeMap<>();
        for (PreferencePair pair : visible.pairs(Split.TRAIN)) {
            byUser.computeIfAbsent(pair.user(), u -> new ArrayList<>()).add(pair);
        }
        // A summary is scored on pairs the reward model never fits: otherwise the reward model
        // memorises each user's pairs under any summary and every summary looks equally good.
        RewardPairSplit.Result split = RewardPairSplit.of(byUser, config.rewardShare(), config.seed());
        Map<String, List<PreferencePair>> trainPairs = split.fitted();
        Map<String, List<PreferencePair>> rewardPairs = split.reward();
        List<PreferencePair> heldOut = split.settlePairs();
        Map<String, UserContext> contexts = UserContexts.of(visible, embeddings, bank);
        List<String> users = new ArrayList<>(trainPairs.keySet());
        if (users.isEmpty()) {
            throw new IllegalArgumentException("dataset " + visible.name() + " has no training users");
        }
        UserContext noContext = new UserContext(new float[2 * d], new float[bank.size()]);
        FeatureLayout layout = FeatureLayout.CROSS;
        try (SummarizerPolicy policy = new SummarizerPolicy(shape, config.ppo(), statementEmbeddings, statementWords,
                PolicyNetwork.featureGroups(bank), config.seed());
             RewardModelSession rewardModel = new RewardModelSession(config.rewardModel(), layout.dimension(d, d))) {
            List<IterationLog> log = new ArrayList<>();
            int start = 1;
            Optional<Checkpoint> resumed = checkpointDir.flatMap(CoAdaptationTrainer::readCheckpoint);
            if (resumed.isPresent()) {
                Checkpoint checkpoint = resumed.get();
                if (!checkpoint.statementIds().equals(bank.all().stream().map(Statement::id).toList())) {
                    throw new IllegalArgumentException("checkpoint in " + checkpointDir.get()
                            + " was made with another statement bank; use a fresh checkpoint folder");
                }
                policy.loadWeights(checkpoint.policy());
                rewardModel.loadWeights(checkpoint.rewardHead());
                log.addAll(checkpoint.log());
                start = checkpoint.iteration() + 1;
            }
            for (int iteration = start; iteration <= config.iterations(); iteration++) {
                long t0 = System.nanoTime();
                // seeded per iteration, so a resumed run samples what an uninterrupted one would
                Random random = new Random(config.seed() * 1_000_003L + iteration);
                List<String> batch = sampleUsers(users, random);
                List<UserContext> batchContexts = batch.stream().map(u -> contexts.getOrDefault(u, noContext)).toList();
                List<Episode> episodes = policy.sample(batch, batchContexts, random);
                List<String> texts = episodes.stream()
                        .map(e -> SummaryRenderer.trainingVariant(bank, e.statements(), random)).toList();
                float[][] summaries = SummaryEncoding.of(encoder, texts);

                double[] scored = scoreSummaries(rewardModel, layout, batch, summaries, rewardPairs, embeddings, random,
                        episodes);
                double entropy = Double.NaN;
                // The reward model first learns to read the initial policy's summaries; only then does
                // the policy learn, so it improves on a reward that already understands its words.
                if (config.trainSummarizer() && iteration > config.warmupIterations()) {
                    entropy = policy.update(episodes).entropy();
                }
                double loss = trainRewardModel(rewardModel, layout, batch, summaries, trainPairs, embeddings);
                double words = texts.stream().mapToInt(SummaryText::wordCount).average().orElse(0);
                double kl = episodes.stream().mapToDouble(Episode::klToReference).average().orElse(0);
                IterationLog entry = new IterationLog(iteration, scored[0], kl, entropy, scored[1], words, loss,
                        (System.nanoTime() - t0) / 1e9);
                log.add(entry);
                onIteration.accept(entry);
                if (checkpointDir.isPresent() && (iteration % checkpointEvery == 0 || iteration == config.iterations())) {
                    writeCheckpoint(checkpointDir.get(), new Checkpoint(iteration,
                            bank.all().stream().map(Statement::id).toList(), policy.network().weights(),
                            rewardModel.exportWeights(), log));
                }
            }
            PolicyNetwork finalPolicy = policy.network();
            Settled settled = settle(rewardModel, layout, finalPolicy, bank, contexts, noContext, trainPairs,
                    heldOut, embeddings);
            return new Result(finalPolicy, settled.foldedIn(), bank, log, heldOut, settled.head());
        }
    }

    /** The settled head, and the same head after one more epoch that also fits the held-out pairs. */
    private record Settled(MlpWeights head, MlpWeights foldedIn) {
    }

    /**
     * Once the summarizer has settled, the reward model takes a few more epochs on all of its
     * training pairs conditioned on the summaries the summarizer now writes (greedily, in random
     * training wordings); the epoch whose summaries best explain the held-out pairs is kept.
     * During co-adaptation it only ever saw sampled, still-changing summaries. Then one epoch over
     * every pair, the held-out ones included, gives their answers back to the model: without it,
     * PLUS-untrained lost 3.6 points on dsp's seen users (3 seeds), the held-out tenth of the
     * queries being a tenth of the answers it could learn.
     */
    private Settled settle(RewardModelSession rewardModel, FeatureLayout layout, PolicyNetwork policy,
                           StatementBank bank, Map<String, UserContext> contexts, UserContext noContext,
                           Map<String, List<PreferencePair>> trainPairs, List<PreferencePair> heldPairs,
                           EmbeddingTable embeddings) {
        Random random = new Random(config.seed() * 7_919L);
        List<String> users = new ArrayList<>(trainPairs.keySet());
        Map<String, List<Integer>> written = new TreeMap<>();
        for (String user : users) {
            written.put(user, policy.greedy(contexts.getOrDefault(user, noContext)));
        }
        float[][] canonical = SummaryEncoding.of(encoder, users.stream().map(u -> SummaryRenderer.canonical(bank, written.get(u))).toList());
        List<PreferencePair> fitPairs = new ArrayList<>();
        for (String user : users) {
            fitPairs.addAll(trainPairs.get(user));
        }
        LabelledFeatures held = ConditionedRewardMethod.features(heldPairs, embeddings, bySummary(users, canonical), layout);
        MlpWeights best = rewardModel.exportWeights();
        double bestLoss = rewardModel.meanLoss(held);
        for (int epoch = 0; epoch < config.settleEpochs(); epoch++) {
            trainOneEpoch(rewardModel, layout, fitPairs, users, written, bank, random, embeddings);
            double heldLoss = rewardModel.meanLoss(held);
            if (heldLoss < bestLoss) {
                bestLoss = heldLoss;
                best = rewardModel.exportWeights();
            }
        }
        rewardModel.loadWeights(best);
        List<PreferencePair> every = new ArrayList<>(fitPairs);
        every.addAll(heldPairs);
        trainOneEpoch(rewardModel, layout, every, users, written, bank, random, embeddings);
        return new Settled(best, rewardModel.exportWeights());
    }

    /** One epoch over {@code pairs}, each user's summary in a random training wording. */
    private void trainOneEpoch(RewardModelSession rewardModel, FeatureLayout layout, List<PreferencePair> pairs,
                               List<String> users, Map<String, List<Integer>> written, StatementBank bank,
                               Random random, EmbeddingTable embeddings) {
        List<String> texts = users.stream()
                .map(u -> SummaryRenderer.trainingVariant(bank, written.get(u), random)).toList();
        float[][] summaries = SummaryEncoding.of(encoder, texts);
        rewardModel.trainEpochs(ConditionedRewardMethod.features(pairs, embeddings, bySummary(users, summaries),
                layout), 1, done -> { });
    }

    private List<String> sampleUsers(List<String> users, Random random) {
        List<String> pool = new ArrayList<>(users);
        java.util.Collections.shuffle(pool, random);
        return pool.subList(0, Math.min(config.usersPerBatch(), pool.size()));
    }

    /** Sets each episode's terminal reward; returns {mean reward, accuracy on the scored pairs}. */
    private double[] scoreSummaries(RewardModelSession rewardModel, FeatureLayout layout, List<String> batch,
                                    float[][] summaries, Map<String, List<PreferencePair>> trainPairs,
                                    EmbeddingTable embeddings, Random random, List<Episode> episodes) {
        List<List<PreferencePair>> picked = new ArrayList<>();
        List<PreferencePair> all = new ArrayList<>();
        for (String user : batch) {
            List<PreferencePair> pool = new ArrayList<>(trainPairs.get(user));
            java.util.Collections.shuffle(pool, random);
            List<PreferencePair> chosen = pool.subList(0, Math.min(config.rewardPairsPerUser(), pool.size()));
            picked.add(chosen);
            all.addAll(chosen);
        }
        LabelledFeatures features = ConditionedRewardMethod.features(all, embeddings, bySummary(batch, summaries), layout);
        float[] chosenRewards = rewardModel.rewards(features.chosen(), features.size());
        float[] rejectedRewards = rewardModel.rewards(features.rejected(), features.size());
        double total = 0;
        double correct = 0;
        int row = 0;
        for (int u = 0; u < batch.size(); u++) {
            int from = row;
            for (int i = 0; i < picked.get(u).size(); i++, row++) {
                correct += chosenRewards[row] > rejectedRewards[row] ? 1 : 0;
            }
            double reward = SummaryReward.of(chosenRewards, rejectedRewards, from, row, config.rewardClip());
            episodes.get(u).setTerminalReward(reward);
            total += reward;
        }
        return new double[] {total / batch.size(), correct / Math.max(1, row)};
    }

    /** One pass of Bradley–Terry minibatch steps over the batch users' training pairs; returns the mean loss. */
    private double trainRewardModel(RewardModelSession rewardModel, FeatureLayout layout, List<String> batch,
                                    float[][] summaries, Map<String, List<PreferencePair>> trainPairs,
                                    EmbeddingTable embeddings) {
        List<PreferencePair> pairs = new ArrayList<>();
        for (String user : batch) {
            pairs.addAll(trainPairs.get(user));
        }
        LabelledFeatures features = ConditionedRewardMethod.features(pairs, embeddings, bySummary(batch, summaries), layout);
        int[] order = rewardModel.shuffledOrder(features.size());
        int batchSize = config.rewardModel().batchSize();
        int limit = Math.min(features.size(), config.rewardModelPairsPerIteration());
        double loss = 0;
        int steps = 0;
        for (int start = 0; start < limit; start += batchSize) {
            loss += rewardModel.step(features, order, start, Math.min(batchSize, limit - start));
            steps++;
        }
        return loss / Math.max(1, steps);
    }

    /** Conditions each user on the summary at the same position. */
    private static UserConditioner bySummary(List<String> users, float[][] summaries) {
        Map<String, float[]> byUser = new java.util.HashMap<>();
        for (int u = 0; u < users.size(); u++) {
            byUser.put(users.get(u), summaries[u]);
        }
        return UserConditioner.of(summaries.length == 0 ? 0 : summaries[0].length, byUser::get);
    }

    private static Optional<Checkpoint> readCheckpoint(Path directory) {
        try {
            return Checkpoint.read(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + directory, e);
        }
    }

    private static void writeCheckpoint(Path directory, Checkpoint checkpoint) {
        try {
            checkpoint.write(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + directory, e);
        }
    }
}
