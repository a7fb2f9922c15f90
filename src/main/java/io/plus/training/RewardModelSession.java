package io.plus.training;

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
import io.plus.model.BradleyTerry;
import io.plus.model.MlpWeights;

import java.util.Random;
import java.util.function.IntConsumer;

/**
 * A reward head being trained with the Bradley–Terry loss in DJL (PyTorch engine; GPU when the
 * engine has one). It lives across calls so co-adaptation can interleave reward-model steps with
 * summarizer updates; {@link #exportWeights()} gives the serving form at any time.
 * Deterministic for a given seed on one device.
 */
public final class RewardModelSession implements AutoCloseable {
    static {
        DjlSetup.ensure();
    }

    private final TrainConfig config;
    private final int inputDimension;
    private final Model model;
    private final Trainer trainer;
    private final Random random;

    public RewardModelSession(TrainConfig config, int inputDimension) {
        this.config = config;
        this.inputDimension = inputDimension;
        this.random = new Random(config.seed());
        Device device = Engine.getEngine("PyTorch").defaultDevice();
        this.model = Model.newInstance("reward-head", device, "PyTorch");
        model.setBlock(DjlMlp.build(config.hiddenUnits(), config.hiddenLayers(), 1));
        DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.l2Loss()) // unused: our loss is pairwise
                .optOptimizer(Optimizer.adam()
                        .optLearningRateTracker(Tracker.fixed(config.learningRate()))
                        .optWeightDecays(config.weightDecay())
                        .build())
                .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                .optDevices(new Device[] {device});
        this.trainer = SeededInitialization.run(config.seed(), () -> {
            Trainer initialized = model.newTrainer(trainingConfig);
            initialized.initialize(new Shape(config.batchSize(), inputDimension));
            return initialized;
        });
    }

    /** Full passes over {@code data} in shuffled minibatches; {@code onEpoch} hears each finished epoch. */
    public void trainEpochs(LabelledFeatures data, int epochs, IntConsumer onEpoch) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("no training pairs");
        }
        checkDimension(data.dimension());
        int[] order = Shuffle.identity(data.size());
        for (int epoch = 0; epoch < epochs; epoch++) {
            Shuffle.inPlace(order, random);
            for (int start = 0; start < data.size(); start += config.batchSize()) {
                step(data, order, start, Math.min(config.batchSize(), data.size() - start));
            }
            onEpoch.accept(epoch + 1);
        }
    }

    /** One optimiser step on {@code rows} rows of {@code data} picked by {@code order[start…]}; returns the loss. */
    public float step(LabelledFeatures data, int[] order, int start, int rows) {
        int d = data.dimension();
        // chosen rows then rejected rows in one forward pass
        float[] batch = new float[2 * rows * d];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(data.chosen(), order[start + r] * d, batch, r * d, d);
            System.arraycopy(data.rejected(), order[start + r] * d, batch, (rows + r) * d, d);
        }
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDArray input = scope.create(batch, new Shape(2L * rows, d));
            float loss;
            try (GradientCollector collector = ExclusiveGradientCollector.open(trainer)) {
                NDArray rewards = trainer.forward(new NDList(input)).singletonOrThrow().reshape(2L * rows);
                NDArray value = BradleyTerryLoss.mean(rewards.get("0:" + rows), rewards.get(rows + ":"));
                loss = value.getFloat();
                collector.backward(value);
            }
            trainer.step();
            return loss;
        }
    }

    /** Rewards of {@code rows} feature rows, without tracking gradients. */
    public float[] rewards(float[] features, int rows) {
        checkDimension(features.length / Math.max(1, rows));
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDArray input = scope.create(features, new Shape(rows, inputDimension));
            return trainer.evaluate(new NDList(input)).singletonOrThrow().reshape(rows).toFloatArray();
        }
    }

    /** Mean Bradley–Terry loss of the current model on labelled pairs (no gradients). */
    public double meanLoss(LabelledFeatures data) {
        float[] chosen = rewards(data.chosen(), data.size());
        float[] rejected = rewards(data.rejected(), data.size());
        double total = 0;
        for (int i = 0; i < chosen.length; i++) {
            total += BradleyTerry.loss(chosen[i] - rejected[i]);
        }
        return total / Math.max(1, chosen.length);
    }

    /** The current parameters in serving form. */
    public MlpWeights exportWeights() {
        return DjlMlp.export(model.getBlock(), inputDimension);
    }

    /** Replaces the parameters with saved ones (resuming from a checkpoint; optimiser moments restart). */
    public void loadWeights(MlpWeights weights) {
        DjlMlp.load(model.getBlock(), weights);
    }

    public int[] shuffledOrder(int size) {
        return Shuffle.permutation(size, random);
    }

    private void checkDimension(int dimension) {
        if (dimension != inputDimension) {
            throw new IllegalArgumentException("features have " + dimension + " values, the head takes " + inputDimension);
        }
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
