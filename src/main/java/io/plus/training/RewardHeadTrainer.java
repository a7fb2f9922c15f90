package io.plus.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.plus.model.MlpWeights;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Trains a reward head with the Bradley–Terry loss in DJL (PyTorch engine; GPU when the engine
 * has one) and returns its weights in serving form. Deterministic for a given seed on one device.
 */
public final class RewardHeadTrainer {
    /** Runs before the first DJL call so nothing tries to download an engine. */
    static {
        DjlOffline.ensure();
    }

    private final TrainConfig config;

    public RewardHeadTrainer(TrainConfig config) {
        this.config = config;
    }

    public MlpWeights train(LabelledFeatures data) {
        return train(data, epoch -> { });
    }

    /** Trains and reports each finished epoch to {@code onEpoch} (for progress display). */
    public MlpWeights train(LabelledFeatures data, IntConsumer onEpoch) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("no training pairs");
        }
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) config.seed());
        Device device = engine.defaultDevice();
        try (Model model = Model.newInstance("reward-head", device, "PyTorch")) {
            model.setBlock(buildBlock());
            DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.l2Loss()) // loss unused: ours is pairwise
                    .optOptimizer(Optimizer.adam()
                            .optLearningRateTracker(Tracker.fixed(config.learningRate()))
                            .optWeightDecays(config.weightDecay())
                            .build())
                    .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                    .optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(new Shape(config.batchSize(), data.dimension()));
                runEpochs(trainer, data, onEpoch);
                return exportWeights(model.getBlock(), data.dimension());
            }
        }
    }

    private Block buildBlock() {
        SequentialBlock block = new SequentialBlock();
        for (int i = 0; i < config.hiddenLayers(); i++) {
            block.add(Linear.builder().setUnits(config.hiddenUnits()).build());
            block.add(Activation.reluBlock());
        }
        block.add(Linear.builder().setUnits(1).build());
        return block;
    }

    private void runEpochs(Trainer trainer, LabelledFeatures data, IntConsumer onEpoch) {
        int n = data.size();
        int d = data.dimension();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(config.seed());
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            shuffle(order, random);
            for (int start = 0; start < n; start += config.batchSize()) {
                int rows = Math.min(config.batchSize(), n - start);
                // chosen rows then rejected rows in one forward pass
                float[] batch = new float[2 * rows * d];
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(data.chosen(), order[start + r] * d, batch, r * d, d);
                    System.arraycopy(data.rejected(), order[start + r] * d, batch, (rows + r) * d, d);
                }
                step(trainer, batch, rows, d);
            }
            onEpoch.accept(epoch + 1);
        }
    }

    private static void step(Trainer trainer, float[] batch, int rows, int d) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDArray input = scope.create(batch, new Shape(2L * rows, d));
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray rewards = trainer.forward(new NDList(input)).singletonOrThrow().reshape(2L * rows);
                NDArray loss = BradleyTerryLoss.mean(rewards.get("0:" + rows), rewards.get(rows + ":"));
                collector.backward(loss);
            }
            trainer.step();
        }
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }

    /** Copies the trained DJL parameters into plain arrays (Linear weight is [out, in], row-major). */
    static MlpWeights exportWeights(Block block, int inputDimension) {
        List<MlpWeights.Layer> layers = new ArrayList<>();
        int inputs = inputDimension;
        for (Block child : block.getChildren().values()) {
            if (child instanceof Linear linear) {
                float[] weight = linear.getParameters().get("weight").getArray().toFloatArray();
                float[] bias = linear.getParameters().get("bias").getArray().toFloatArray();
                layers.add(new MlpWeights.Layer(inputs, bias.length, weight, bias));
                inputs = bias.length;
            }
        }
        return new MlpWeights(layers);
    }
}
