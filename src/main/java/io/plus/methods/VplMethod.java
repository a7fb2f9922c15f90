package io.plus.methods;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
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
import io.plus.data.Dataset;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.model.BradleyTerry;
import io.plus.model.FeatureLayout;
import io.plus.model.MlpWeights;
import io.plus.model.RewardHead;
import io.plus.training.BradleyTerryLoss;
import io.plus.training.DjlMlp;
import io.plus.training.DjlSetup;
import io.plus.training.EarlyStopping;
import io.plus.training.ExclusiveGradientCollector;
import io.plus.training.GraphScalars;
import io.plus.training.SeededInitialization;
import io.plus.training.Shuffle;
import io.plus.training.TrainConfig;
import io.plus.training.ValidationSplit;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * VPL (variational preference learning): an encoder maps the user's context pairs (the mean
 * direction from rejected to chosen responses) to a Gaussian posterior over a small latent user
 * vector; the reward model is conditioned on a sample of it. Loss: Bradley–Terry plus a KL term to
 * the standard normal prior whose weight is annealed up from zero. At evaluation the posterior
 * mean is used. Like the other reward heads it keeps the epoch with the lowest validation loss on
 * held-out prompts and stops early.
 */
public final class VplMethod implements RewardMethod {
    static {
        DjlSetup.ensure();
    }

    private static final int LATENT = 8;
    private static final int ENCODER_HIDDEN = 64;
    private static final float KL_WEIGHT = 0.01f;

    @Override
    public String name() {
        return "VPL";
    }

    @Override
    public FittedModel fit(Dataset dataset, EmbeddingTable embeddings, TrainConfig config, IntConsumer onEpoch) {
        Dataset visible = dataset.withoutTruth();
        int d = embeddings.dimension();
        Map<String, ContextEncoder.Encoding> contexts = ContextEncoder.encodeAll(visible, embeddings);
        float[] noContext = new float[d];
        List<PreferencePair> pairs = visible.pairs(Split.TRAIN);
        FeatureLayout layout = FeatureLayout.BASIC;
        int featureDim = layout.dimension(d, 0);
        Device device = Engine.getEngine("PyTorch").defaultDevice();
        try (Model encoderModel = Model.newInstance("vpl-encoder", device, "PyTorch");
             Model rewardModel = Model.newInstance("vpl-reward", device, "PyTorch")) {
            encoderModel.setBlock(DjlMlp.build(ENCODER_HIDDEN, 1, 2 * LATENT));
            rewardModel.setBlock(DjlMlp.build(config.hiddenUnits(), config.hiddenLayers(), 1));
            List<Trainer> trainers = SeededInitialization.run(config.seed(), () -> List.of(
                    newTrainer(encoderModel, config, device, new Shape(1, d)),
                    newTrainer(rewardModel, config, device, new Shape(1, featureDim + LATENT))));
            try (Trainer encoder = trainers.get(0); Trainer reward = trainers.get(1)) {
                Random random = new Random(config.seed());
                // pairs of a tenth of the prompts choose the epoch, as for the other reward heads
                boolean[] heldOut = ValidationSplit.heldOut(ConditionedRewardMethod.promptGroups(pairs), config.seed());
                List<PreferencePair> fit = new java.util.ArrayList<>();
                List<PreferencePair> validation = new java.util.ArrayList<>();
                for (int i = 0; i < pairs.size(); i++) {
                    (heldOut[i] ? validation : fit).add(pairs.get(i));
                }
                FittedModel best = null;
                EarlyStopping stopping = new EarlyStopping();
                int[] order = Shuffle.identity(fit.size());
                for (int epoch = 1; epoch <= config.epochs() && !stopping.shouldStop(); epoch++) {
                    // KL weight annealed from 0 to its full value over the first half of training
                    float beta = KL_WEIGHT * Math.min(1f, 2f * (epoch - 1) / Math.max(1, config.epochs()));
                    Shuffle.inPlace(order, random);
                    for (int start = 0; start < order.length; start += config.batchSize()) {
                        int rows = Math.min(config.batchSize(), order.length - start);
                        float[] context = new float[rows * d];
                        float[] chosen = new float[rows * featureDim];
                        float[] rejected = new float[rows * featureDim];
                        float[] noise = new float[rows * LATENT];
                        for (int r = 0; r < rows; r++) {
                            PreferencePair pair = fit.get(order[start + r]);
                            System.arraycopy(preferenceDirection(contexts, pair.user(), noContext), 0, context, r * d, d);
                            float[] prompt = embeddings.of(pair.prompt());
                            layout.writeInto(chosen, r * featureDim, prompt, embeddings.of(pair.chosen()), new float[0]);
                            layout.writeInto(rejected, r * featureDim, prompt, embeddings.of(pair.rejected()), new float[0]);
                            for (int l = 0; l < LATENT; l++) {
                                noise[r * LATENT + l] = (float) random.nextGaussian();
                            }
                        }
                        step(encoder, reward, context, chosen, rejected, noise, rows, d, featureDim, beta);
                    }
                    FittedModel current = snapshot(encoderModel, rewardModel, layout, d, featureDim, contexts, noContext);
                    if (validation.isEmpty() || stopping.isBest(meanLoss(current, validation, embeddings))) {
                        best = current;
                    }
                    onEpoch.accept(epoch);
                }
                return best.calibratedOn(validation, embeddings);
            }
        }
    }

    /** The model as it stands: at evaluation the posterior mean stands for the user. */
    private FittedModel snapshot(Model encoderModel, Model rewardModel, FeatureLayout layout, int d, int featureDim,
                                 Map<String, ContextEncoder.Encoding> contexts, float[] noContext) {
        MlpWeights encoderWeights = DjlMlp.export(encoderModel.getBlock(), d);
        MlpWeights rewardWeights = DjlMlp.export(rewardModel.getBlock(), featureDim + LATENT);
        RewardHead head = new RewardHead(rewardWeights, layout, d, LATENT);
        UserConditioner conditioner = ContextConditioner.of(latents(encoderWeights, contexts, noContext),
                (visible, embeddings) -> latents(encoderWeights, ContextEncoder.encodeAll(visible, embeddings), noContext));
        return new FittedModel(name(), Conditioning.VPL_LATENT, head, conditioner);
    }

    /** Each user's posterior mean from their context's preference direction. */
    private static UserConditioner latents(MlpWeights encoderWeights, Map<String, ContextEncoder.Encoding> contexts,
                                           float[] noContext) {
        return UserConditioner.of(LATENT, user -> java.util.Arrays.copyOf(
                encoderWeights.forwardAll(preferenceDirection(contexts, user, noContext)), LATENT));
    }

    private static float[] preferenceDirection(Map<String, ContextEncoder.Encoding> contexts, String user,
                                               float[] noContext) {
        ContextEncoder.Encoding encoding = contexts.get(user);
        return encoding == null ? noContext : encoding.preferenceDirection();
    }

    private static double meanLoss(FittedModel model, List<PreferencePair> pairs, EmbeddingTable embeddings) {
        double total = 0;
        for (double margin : model.margins(pairs, embeddings)) {
            total += BradleyTerry.loss(margin);
        }
        return total / Math.max(1, pairs.size());
    }

    private static Trainer newTrainer(Model model, TrainConfig config, Device device, Shape input) {
        Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()) // unused: the loss is ours
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(config.learningRate()))
                        .optWeightDecays(config.weightDecay()).build())
                .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                .optDevices(new Device[] {device}));
        trainer.initialize(input);
        return trainer;
    }

    private static void step(Trainer encoder, Trainer reward, float[] context, float[] chosen, float[] rejected,
                             float[] noise, int rows, int d, int featureDim, float beta) {
        try (NDManager scope = encoder.getManager().newSubManager()) {
            NDArray contextArray = scope.create(context, new Shape(rows, d));
            NDArray noiseArray = scope.create(noise, new Shape(rows, LATENT));
            try (GradientCollector collector = ExclusiveGradientCollector.open(encoder)) {
                NDArray posterior = encoder.forward(new NDList(contextArray)).singletonOrThrow();
                NDArray mean = posterior.get(":, 0:" + LATENT);
                NDArray logVariance = posterior.get(":, " + LATENT + ":");
                NDArray latent = mean.add(GraphScalars.times(logVariance, 0.5, scope).exp().mul(noiseArray));
                NDArray chosenInput = scope.create(chosen, new Shape(rows, featureDim)).concat(latent, 1);
                NDArray rejectedInput = scope.create(rejected, new Shape(rows, featureDim)).concat(latent, 1);
                NDArray rewards = reward.forward(new NDList(chosenInput.concat(rejectedInput, 0))).singletonOrThrow()
                        .reshape(2L * rows);
                NDArray bt = BradleyTerryLoss.mean(rewards.get("0:" + rows), rewards.get(rows + ":"));
                // KL(N(mean, var) || N(0, 1)) summed over latent dimensions, averaged over the batch
                NDArray kl = GraphScalars.times(mean.square().add(logVariance.exp()).sub(logVariance).sub(1)
                        .sum(new int[] {1}), 0.5, scope).mean();
                collector.backward(bt.add(GraphScalars.times(kl, beta, scope)));
            }
            encoder.step();
            reward.step();
        }
    }
}
