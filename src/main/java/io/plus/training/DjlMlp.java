package io.plus.training;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.plus.model.MlpWeights;

import java.util.ArrayList;
import java.util.List;

/** Builds ReLU MLPs as DJL blocks and moves their parameters to and from {@link MlpWeights}. */
public final class DjlMlp {
    private DjlMlp() {
    }

    public static SequentialBlock build(int hiddenUnits, int hiddenLayers, int outputs) {
        SequentialBlock block = new SequentialBlock();
        for (int i = 0; i < hiddenLayers; i++) {
            block.add(Linear.builder().setUnits(hiddenUnits).build());
            block.add(Activation.reluBlock());
        }
        block.add(Linear.builder().setUnits(outputs).build());
        return block;
    }

    /** Copies the block's parameters into plain arrays (Linear weight is [out, in], row-major). */
    public static MlpWeights export(Block block, int inputDimension) {
        List<MlpWeights.Layer> layers = new ArrayList<>();
        int inputs = inputDimension;
        for (Linear linear : linears(block)) {
            float[] weight = linear.getParameters().get("weight").getArray().toFloatArray();
            float[] bias = linear.getParameters().get("bias").getArray().toFloatArray();
            layers.add(new MlpWeights.Layer(inputs, bias.length, weight, bias));
            inputs = bias.length;
        }
        return new MlpWeights(layers);
    }

    /** Overwrites an initialised block's parameters (same shapes) with saved weights, e.g. to resume. */
    public static void load(Block block, MlpWeights weights) {
        List<Linear> linears = linears(block);
        if (linears.size() != weights.layers().size()) {
            throw new IllegalArgumentException("block has " + linears.size() + " layers, weights have "
                    + weights.layers().size());
        }
        for (int i = 0; i < linears.size(); i++) {
            MlpWeights.Layer layer = weights.layers().get(i);
            var weight = linears.get(i).getParameters().get("weight").getArray();
            var bias = linears.get(i).getParameters().get("bias").getArray();
            if (weight.size() != layer.weight().length || bias.size() != layer.bias().length) {
                throw new IllegalArgumentException("layer " + i + " shape differs from the saved weights");
            }
            weight.set(layer.weight());
            bias.set(layer.bias());
        }
    }

    private static List<Linear> linears(Block block) {
        List<Linear> linears = new ArrayList<>();
        for (Block child : block.getChildren().values()) {
            if (child instanceof Linear linear) {
                linears.add(linear);
            }
        }
        return linears;
    }
}
