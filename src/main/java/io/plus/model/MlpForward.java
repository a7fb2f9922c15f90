package io.plus.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The forward pass of {@link MlpWeights}, bit for bit, several times faster. Each layer's weights
 * are kept input-major (one array of outputs per input), so a layer is a sum of
 * {@code activation[i] * column i} updates: every output still adds bias, then input 0, 1, 2 … in
 * order, exactly as {@link MlpWeights#forwardAll} does, but the update of all outputs by one input is
 * a loop the JIT vectorises (a dot product, whose order must be kept, is not). Batches go a few
 * rows at a time so each weight column is reused while it is in cache.
 */
public final class MlpForward {
    /** Rows of a batch that share each pass over the weights. */
    private static final int ROWS_PER_PASS = 8;

    private final MlpWeights weights;
    /** Per layer, {@code [input][output]}: whole arrays, so the vectorised loops start at offset 0. */
    private final List<float[][]> inputMajor;

    public MlpForward(MlpWeights weights) {
        this.weights = weights;
        this.inputMajor = new ArrayList<>(weights.layers().size());
        for (MlpWeights.Layer layer : weights.layers()) {
            float[][] columns = new float[layer.inputs()][layer.outputs()];
            for (int o = 0; o < layer.outputs(); o++) {
                int row = o * layer.inputs();
                for (int i = 0; i < layer.inputs(); i++) {
                    columns[i][o] = layer.weight()[row + i];
                }
            }
            inputMajor.add(columns);
        }
    }

    public MlpWeights weights() {
        return weights;
    }

    /** All outputs for one input: ReLU between layers, linear output. */
    public float[] forward(float[] input) {
        return forwardRows(0, List.of(input))[0];
    }

    /** The single output of a scalar network for each input. */
    public float[] forwardScalars(List<float[]> inputs) {
        return scalarsFrom(0, inputs);
    }

    /**
     * The same as {@link #forwardScalars} for inputs whose first layer someone else computed: the
     * rows are its outputs before the ReLU (they are overwritten).
     */
    float[] forwardScalarsAfterFirstLayer(List<float[]> firstLayerOutputs) {
        if (inputMajor.size() > 1) { // the first layer is not the output: ReLU, as between any two
            for (float[] row : firstLayerOutputs) {
                relu(row);
            }
        }
        return scalarsFrom(1, firstLayerOutputs);
    }

    /** Layer {@code l}'s weights input-major, {@code [input][output]}: shared, read only. */
    float[][] columns(int layer) {
        return inputMajor.get(layer);
    }

    private float[] scalarsFrom(int firstLayer, List<float[]> inputs) {
        if (weights.outputDimension() != 1) {
            throw new IllegalStateException("network has " + weights.outputDimension() + " outputs");
        }
        float[] outputs = new float[inputs.size()];
        for (int from = 0; from < inputs.size(); from += ROWS_PER_PASS) {
            float[][] rows = forwardRows(firstLayer, inputs.subList(from, Math.min(inputs.size(), from + ROWS_PER_PASS)));
            for (int r = 0; r < rows.length; r++) {
                outputs[from + r] = rows[r][0];
            }
        }
        return outputs;
    }

    /** Runs layers {@code firstLayer} onwards; the inputs are what that layer reads. */
    private float[][] forwardRows(int firstLayer, List<float[]> inputs) {
        int expected = firstLayer < inputMajor.size() ? weights.layers().get(firstLayer).inputs()
                : weights.outputDimension();
        float[][] activation = new float[inputs.size()][];
        for (int r = 0; r < activation.length; r++) {
            activation[r] = inputs.get(r);
            if (activation[r].length != expected) {
                throw new IllegalArgumentException("expected " + expected + " features, got "
                        + activation[r].length);
            }
        }
        for (int l = firstLayer; l < inputMajor.size(); l++) {
            MlpWeights.Layer layer = weights.layers().get(l);
            float[][] columns = inputMajor.get(l);
            float[][] next = new float[activation.length][];
            for (int r = 0; r < next.length; r++) {
                next[r] = layer.bias().clone();
            }
            for (int i = 0; i < columns.length; i++) {
                for (int r = 0; r < next.length; r++) {
                    addScaled(next[r], columns[i], activation[r][i]);
                }
            }
            if (l < inputMajor.size() - 1) {
                for (float[] row : next) {
                    relu(row);
                }
            }
            activation = next;
        }
        return activation;
    }

    /** {@code target += scale * column}; kept small and offset-free so the JIT vectorises it. */
    static void addScaled(float[] target, float[] column, float scale) {
        for (int o = 0; o < target.length; o++) {
            target[o] += scale * column[o];
        }
    }

    private static void relu(float[] values) {
        for (int o = 0; o < values.length; o++) {
            values[o] = Math.max(0f, values[o]);
        }
    }
}
