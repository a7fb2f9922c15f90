package io.plus.summary.training;

import io.plus.summary.SummaryScoring;
import io.plus.summary.SummaryShape;
import io.plus.summary.PolicyNetwork;
import io.plus.summary.UserContext;
import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.plus.model.MlpWeights;
import io.plus.training.DjlMlp;
import io.plus.training.DjlSetup;
import io.plus.training.ExclusiveGradientCollector;
import io.plus.training.GraphScalars;
import io.plus.training.SeededInitialization;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The trainable summarizer: samples summaries statement by statement and improves itself with
 * PPO (clipped objective, value baseline, GAE, normalised advantages, KL penalty to the reference
 * policy it started from, length cost, entropy bonus). Sampling runs on the plain-Java
 * {@link PolicyNetwork}; only the PPO update uses DJL.
 */
public final class SummarizerPolicy implements AutoCloseable {
    static {
        DjlSetup.ensure();
    }

    private final SummaryShape shape;
    private final PpoConfig config;
    private final float[][] statementEmbeddings;
    private final int[] statementWords;
    private final int[] featureGroups;
    private final Model model;
    private final Trainer trainer;
    private final PolicyNetwork reference;

    /** Statistics of one PPO update. */
    public record UpdateStats(double policyLoss, double valueLoss, double entropy, double clippedShare) {
    }

    public SummarizerPolicy(SummaryShape shape, PpoConfig config, float[][] statementEmbeddings, int[] statementWords,
                            int[] featureGroups, long seed) {
        this.shape = shape;
        this.config = config;
        this.statementEmbeddings = statementEmbeddings;
        this.statementWords = statementWords;
        this.featureGroups = featureGroups;
        Device device = Engine.getEngine("PyTorch").defaultDevice();
        this.model = Model.newInstance("summarizer", device, "PyTorch");
        model.setBlock(DjlMlp.build(config.hiddenUnits(), 2, shape.outputDimension()));
        this.trainer = SeededInitialization.run(seed, () -> {
            Trainer initialized = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()) // unused: the PPO loss is ours
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(config.learningRate())).build())
                    .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                    .optDevices(new Device[] {device}));
            initialized.initialize(new Shape(1, shape.stateDimension()));
            return initialized;
        });
        this.reference = network();
    }

    /** Continue from saved weights (a checkpoint); the reference stays the policy this run started from. */
    public void loadWeights(MlpWeights weights) {
        DjlMlp.load(model.getBlock(), weights);
    }

    /** The current policy in plain-Java form. */
    public PolicyNetwork network() {
        return new PolicyNetwork(DjlMlp.export(model.getBlock(), shape.stateDimension()), shape, statementEmbeddings,
                statementWords, featureGroups);
    }

    /** Samples one summary per user from the current policy. */
    public List<Episode> sample(List<String> users, List<UserContext> contexts, Random random) {
        PolicyNetwork current = network();
        List<Episode> episodes = new ArrayList<>(users.size());
        int k = statementEmbeddings.length;
        for (int u = 0; u < users.size(); u++) {
            Episode episode = new Episode(users.get(u), contexts.get(u));
            boolean[] written = new boolean[k];
            float[] writtenMean = new float[shape.embeddingDimension()];
            int words = 0;
            for (int step = 0; ; step++) {
                float[] state = PolicyNetwork.state(shape, episode.context.encoding(), writtenMean, step);
                boolean[] allowed = PolicyNetwork.allowed(k, written, words, step, statementWords, featureGroups, shape);
                float[] evidence = episode.context.evidence();
                float[] logits = current.logitsAndValue(state, evidence);
                double[] logProbs = SummaryScoring.logSoftmax(logits, allowed);
                int action = draw(logProbs, allowed, random);
                double[] referenceLogProbs = SummaryScoring.logSoftmax(reference.logitsAndValue(state, evidence), allowed);
                episode.states.add(state);
                episode.allowed.add(allowed);
                episode.actions.add(action);
                episode.logProbs.add(logProbs[action]);
                episode.referenceLogProbs.add(referenceLogProbs[action]);
                episode.values.add((double) logits[k + 1]);
                if (action == k) {
                    break;
                }
                written[action] = true;
                words += statementWords[action];
                episode.statements.add(action);
                episode.statementWords.add(statementWords[action]);
                SummaryScoring.updateMean(writtenMean, statementEmbeddings[action], episode.statements.size());
            }
            episodes.add(episode);
        }
        return episodes;
    }

    private static int draw(double[] logProbs, boolean[] allowed, Random random) {
        double u = random.nextDouble();
        double cumulative = 0;
        int last = -1;
        for (int a = 0; a < logProbs.length; a++) {
            if (allowed[a]) {
                cumulative += Math.exp(logProbs[a]);
                last = a;
                if (u < cumulative) {
                    return a;
                }
            }
        }
        return last; // rounding: the remaining mass belongs to the last allowed action
    }

    /** PPO update on scored episodes (each has its terminal reward set). */
    public UpdateStats update(List<Episode> episodes) {
        int k = statementEmbeddings.length;
        int actions = k + 1;
        int n = episodes.stream().mapToInt(Episode::steps).sum();
        int sd = shape.stateDimension();
        float[] states = new float[n * sd];
        float[] mask = new float[n * actions];
        float[] evidence = new float[n * k];
        float[] oneHot = new float[n * actions];
        float[] oldLogProbs = new float[n];
        float[] advantages = new float[n];
        float[] returns = new float[n];
        int row = 0;
        for (Episode episode : episodes) {
            double[] adv = advantages(episode);
            for (int t = 0; t < episode.steps(); t++, row++) {
                System.arraycopy(episode.states.get(t), 0, states, row * sd, sd);
                boolean[] allowed = episode.allowed.get(t);
                for (int a = 0; a < actions; a++) {
                    mask[row * actions + a] = allowed[a] ? 0f : PolicyNetwork.MASKED;
                }
                oneHot[row * actions + episode.actions.get(t)] = 1f;
                System.arraycopy(episode.context.evidence(), 0, evidence, row * k, k);
                oldLogProbs[row] = episode.logProbs.get(t).floatValue();
                advantages[row] = (float) adv[t];
                returns[row] = (float) (adv[t] + episode.values.get(t));
            }
        }
        normalise(advantages);
        UpdateStats stats = null;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            stats = step(states, mask, evidence, oneHot, oldLogProbs, advantages, returns, n);
        }
        return stats;
    }

    /** GAE(λ) with γ = 1 over one episode: per-step KL penalty and length cost, the summary's reward at the end. */
    double[] advantages(Episode episode) {
        int steps = episode.steps();
        double[] rewards = new double[steps];
        for (int t = 0; t < steps; t++) {
            double kl = episode.logProbs.get(t) - episode.referenceLogProbs.get(t);
            int words = t < episode.statementWords.size() ? episode.statementWords.get(t) : 0;
            rewards[t] = -config.klCoefficient() * kl - config.lengthCostPerWord() * words;
        }
        rewards[steps - 1] += episode.terminalReward;
        double[] advantages = new double[steps];
        double running = 0;
        for (int t = steps - 1; t >= 0; t--) {
            double nextValue = t + 1 < steps ? episode.values.get(t + 1) : 0;
            double delta = rewards[t] + nextValue - episode.values.get(t);
            running = delta + config.gaeLambda() * running;
            advantages[t] = running;
        }
        return advantages;
    }

    private static void normalise(float[] values) {
        double mean = 0;
        for (float v : values) {
            mean += v / values.length;
        }
        double var = 0;
        for (float v : values) {
            var += (v - mean) * (v - mean) / values.length;
        }
        double std = Math.sqrt(var) + 1e-8;
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((values[i] - mean) / std);
        }
    }

    private UpdateStats step(float[] states, float[] mask, float[] evidence, float[] oneHot, float[] oldLogProbs, float[] advantages,
                             float[] returns, int n) {
        int d = shape.embeddingDimension();
        int k = statementEmbeddings.length;
        float[] flatEmbeddings = new float[k * d];
        for (int s = 0; s < k; s++) {
            System.arraycopy(statementEmbeddings[s], 0, flatEmbeddings, s * d, d);
        }
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDArray input = scope.create(states, new Shape(n, shape.stateDimension()));
            NDArray bank = scope.create(flatEmbeddings, new Shape(k, d));
            NDArray maskArray = scope.create(mask, new Shape(n, k + 1));
            NDArray evidenceArray = scope.create(evidence, new Shape(n, k)).mul(shape.evidenceWeight());
            NDArray actionArray = scope.create(oneHot, new Shape(n, k + 1));
            NDArray oldLog = scope.create(oldLogProbs);
            NDArray adv = scope.create(advantages);
            NDArray ret = scope.create(returns);
            double policyLoss;
            double valueLoss;
            double entropy;
            double clipped;
            try (GradientCollector collector = ExclusiveGradientCollector.open(trainer)) {
                NDArray out = trainer.forward(new NDList(input)).singletonOrThrow();
                NDArray query = out.get(":, 0:" + d);
                NDArray stop = out.get(":, " + d + ":" + (d + 1));
                NDArray value = out.get(":, " + (d + 1)).reshape(n);
                NDArray logits = NDArrays.concat(new NDList(query.matMul(bank.transpose()).add(evidenceArray), stop), 1).add(maskArray);
                NDArray logProbs = logits.logSoftmax(1);
                NDArray chosen = logProbs.mul(actionArray).sum(new int[] {1});
                NDArray ratio = chosen.sub(oldLog).exp();
                NDArray unclipped = ratio.mul(adv);
                NDArray clippedRatio = ratio.clip(1 - config.clip(), 1 + config.clip());
                NDArray surrogate = unclipped.minimum(clippedRatio.mul(adv)).mean().neg();
                NDArray valueError = value.sub(ret).square().mean();
                NDArray entropyValue = logProbs.exp().mul(logProbs).sum(new int[] {1}).mean().neg();
                NDArray loss = surrogate.add(GraphScalars.times(valueError, config.valueCoefficient(), scope))
                        .sub(GraphScalars.times(entropyValue, config.entropyCoefficient(), scope));
                collector.backward(loss);
                policyLoss = surrogate.getFloat();
                valueLoss = valueError.getFloat();
                entropy = entropyValue.getFloat();
                clipped = ratio.sub(1).abs().gt(config.clip()).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                        .mean().getFloat();
            }
            trainer.step();
            return new UpdateStats(policyLoss, valueLoss, entropy, clipped);
        }
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
