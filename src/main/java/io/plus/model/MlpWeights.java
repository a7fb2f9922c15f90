package io.plus.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The weights of a ReLU multilayer perceptron, as plain arrays. This is the serving form of the
 * reward heads and the summarizer policy: scoring and summarising run on it without libtorch, and
 * it is what a model bundle stores.
 */
public record MlpWeights(List<Layer> layers) {
    private static final int MAGIC = 0x504C5553; // "PLUS"
    private static final int FORMAT = 1;
    /** Inputs per block of {@link #forwardBatch}: the block's activations stay in cache while a layer's weights stream past. */
    private static final int BATCH_BLOCK = 64;

    /** One dense layer: {@code weight} is row-major {@code [outputs][inputs]}. */
    public record Layer(int inputs, int outputs, float[] weight, float[] bias) {
        public Layer {
            if (weight.length != inputs * outputs || bias.length != outputs) {
                throw new IllegalArgumentException("layer " + inputs + "->" + outputs + " has "
                        + weight.length + " weights and " + bias.length + " biases");
            }
        }
    }

    public MlpWeights {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("an MLP needs at least one layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).inputs() != layers.get(i - 1).outputs()) {
                throw new IllegalArgumentException("layer " + i + " expects " + layers.get(i).inputs()
                        + " inputs but layer " + (i - 1) + " gives " + layers.get(i - 1).outputs());
            }
        }
    }

    public int inputDimension() {
        return layers.get(0).inputs();
    }

    public int outputDimension() {
        return layers.get(layers.size() - 1).outputs();
    }

    /** Forward pass of a scalar-output network. */
    public float forward(float[] input) {
        if (outputDimension() != 1) {
            throw new IllegalStateException("network has " + outputDimension() + " outputs");
        }
        return forwardAll(input)[0];
    }

    /** Forward pass: ReLU between layers, linear output. */
    public float[] forwardAll(float[] input) {
        if (input.length != inputDimension()) {
            throw new IllegalArgumentException("expected " + inputDimension() + " features, got " + input.length);
        }
        float[] activation = input;
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            float[] next = new float[layer.outputs()];
            boolean hidden = l < layers.size() - 1;
            for (int o = 0; o < layer.outputs(); o++) {
                float sum = layer.bias()[o];
                int row = o * layer.inputs();
                for (int i = 0; i < layer.inputs(); i++) {
                    sum += layer.weight()[row + i] * activation[i];
                }
                next[o] = hidden ? Math.max(0f, sum) : sum;
            }
            activation = next;
        }
        return activation;
    }

    /**
     * The scalar outputs for many inputs at once, bit-identical to {@link #forward} on each: every
     * output still sums bias then {@code w[i] * x[i]} in input order, but with the batch as the
     * innermost loop the JIT vectorises it (several times faster when evaluating thousands of pairs).
     */
    public float[] forwardBatch(List<float[]> inputs) {
        if (outputDimension() != 1) {
            throw new IllegalStateException("network has " + outputDimension() + " outputs");
        }
        float[] outputs = new float[inputs.size()];
        for (int from = 0; from < inputs.size(); from += BATCH_BLOCK) {
            List<float[]> block = inputs.subList(from, Math.min(inputs.size(), from + BATCH_BLOCK));
            System.arraycopy(forwardBlock(block), 0, outputs, from, block.size());
        }
        return outputs;
    }

    private float[] forwardBlock(List<float[]> block) {
        int n = block.size();
        // activations batch-innermost: activation[feature * n + row]
        float[] activation = new float[inputDimension() * n];
        for (int row = 0; row < n; row++) {
            float[] input = block.get(row);
            if (input.length != inputDimension()) {
                throw new IllegalArgumentException("expected " + inputDimension() + " features, got " + input.length);
            }
            for (int i = 0; i < input.length; i++) {
                activation[i * n + row] = input[i];
            }
        }
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            float[] weight = layer.weight();
            float[] next = new float[layer.outputs() * n];
            for (int o = 0; o < layer.outputs(); o++) {
                int at = o * n;
                Arrays.fill(next, at, at + n, layer.bias()[o]);
                int row = o * layer.inputs();
                for (int i = 0; i < layer.inputs(); i++) {
                    float w = weight[row + i];
                    int src = i * n;
                    for (int b = 0; b < n; b++) {
                        next[at + b] += w * activation[src + b];
                    }
                }
                if (l < layers.size() - 1) {
                    for (int b = at; b < at + n; b++) {
                        next[b] = Math.max(0f, next[b]);
                    }
                }
            }
            activation = next;
        }
        return activation;
    }

    public void writeTo(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(FORMAT);
        data.writeInt(layers.size());
        for (Layer layer : layers) {
            data.writeInt(layer.inputs());
            data.writeInt(layer.outputs());
            for (float w : layer.weight()) {
                data.writeFloat(w);
            }
            for (float b : layer.bias()) {
                data.writeFloat(b);
            }
        }
        data.flush();
    }

    public static MlpWeights readFrom(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC) {
            throw new IOException("not a PLUS weights file (bad magic number)");
        }
        int format = data.readInt();
        if (format != FORMAT) {
            throw new IOException("unsupported weights format " + format + " (this build reads " + FORMAT + ")");
        }
        int count = data.readInt();
        if (count < 1 || count > 64) {
            throw new IOException("implausible layer count " + count);
        }
        List<Layer> layers = new ArrayList<>(count);
        for (int l = 0; l < count; l++) {
            int inputs = data.readInt();
            int outputs = data.readInt();
            if (inputs < 1 || outputs < 1 || (long) inputs * outputs > 50_000_000L) {
                throw new IOException("implausible layer shape " + inputs + "x" + outputs);
            }
            float[] weight = new float[inputs * outputs];
            for (int i = 0; i < weight.length; i++) {
                weight[i] = data.readFloat();
            }
            float[] bias = new float[outputs];
            for (int i = 0; i < outputs; i++) {
                bias[i] = data.readFloat();
            }
            layers.add(new Layer(inputs, outputs, weight, bias));
        }
        if (data.read() != -1) {
            throw new IOException("trailing bytes after the last layer");
        }
        return new MlpWeights(layers);
    }
}
