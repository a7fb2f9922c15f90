package io.plus.encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic stand-in encoder for tests of code that only needs distinct, repeatable unit
 * vectors (not meaning): each text gets a Gaussian vector seeded by its hash. It records every
 * text it was asked to embed.
 */
public final class HashedTextEncoder implements TextEncoder {
    private final int dimension;
    private final List<String> embedded = new ArrayList<>();

    public HashedTextEncoder(int dimension) {
        this.dimension = dimension;
    }

    /** Every text embedded so far, in call order. */
    public List<String> embedded() {
        return embedded;
    }

    @Override
    public String id() {
        return "hashed-test-" + dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[][] embed(List<String> texts) {
        embedded.addAll(texts);
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            Random random = new Random(texts.get(i).hashCode());
            float[] v = new float[dimension];
            for (int k = 0; k < dimension; k++) {
                v[k] = (float) random.nextGaussian();
            }
            out[i] = Vectors.normalize(v);
        }
        return out;
    }

    @Override
    public void close() {
    }
}
