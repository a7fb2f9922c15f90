package io.plus.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The weights of a ReLU multilayer perceptron, as plain arrays. This is the serving form of the
 * reward heads and the summarizer policy: scoring and summarising run on it without libtorch, and
 * it is what a model bundle stores.
 */
public record MlpWeights(List<Layer> layers) {
    private static final int MAGIC = 0x504C5553; // "PLUS"
    private static final int FORMAT = 1;

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

    /**
     * The same network with its output multiplied by {@code factor}: the last layer's weights and
     * bias scaled, so a calibrated reward head needs no other serving code.
     */
    public MlpWeights withScaledOutput(float factor) {
        List<Layer> scaled = new ArrayList<>(layers);
        Layer last = layers.get(layers.size() - 1);
        float[] weight = last.weight().clone();
        float[] bias = last.bias().clone();
        for (int i = 0; i < weight.length; i++) {
            weight[i] *= factor;
        }
        for (int i = 0; i < bias.length; i++) {
            bias[i] *= factor;
        }
        scaled.set(scaled.size() - 1, new Layer(last.inputs(), last.outputs(), weight, bias));
        return new MlpWeights(scaled);
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

    /**
     * Forward pass: ReLU between layers, linear output. The reference form, one dot product per
     * output; hot paths use {@link MlpForward}, which gives the same bits faster.
     */
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
