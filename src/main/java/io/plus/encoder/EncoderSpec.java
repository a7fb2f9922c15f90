package io.plus.encoder;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The sentence encoders shipped on the classpath (model + tokenizer.json at the jar root) and how
 * each must be run: window size, pooling, output width.
 */
public enum EncoderSpec {
    MINILM("all-minilm-l6-v2", "all-minilm-l6-v2", 384, 128, Pooling.MEAN, true),
    // int8 graphs quantize activations with one scale per batch tensor, so an embedding depends a
    // little on its batch mates (measured: cosine >= 0.985 batched vs alone; float is exact).
    MINILM_INT8("all-minilm-l6-v2-int8", "all-minilm-l6-v2-q", 384, 128, Pooling.MEAN, false),
    // bge recommends the [CLS] vector, not the mean, as its sentence embedding.
    BGE_SMALL("bge-small-en-v1.5", "bge-small-en-v1.5", 384, 512, Pooling.CLS, true),
    BGE_SMALL_INT8("bge-small-en-v1.5-int8", "bge-small-en-v1.5-q", 384, 512, Pooling.CLS, false);

    /** How token vectors become one sentence vector. */
    public enum Pooling {
        /** Mean over the real (unpadded) tokens, [CLS]/[SEP] included, as sentence-transformers does. */
        MEAN,
        /** The hidden state of the first token ([CLS]). */
        CLS
    }

    private final String id;
    private final String resourceBase;
    private final int dimension;
    private final int maxTokens;
    private final Pooling pooling;
    private final boolean batchInvariant;

    EncoderSpec(String id, String resourceBase, int dimension, int maxTokens, Pooling pooling, boolean batchInvariant) {
        this.id = id;
        this.resourceBase = resourceBase;
        this.dimension = dimension;
        this.maxTokens = maxTokens;
        this.pooling = pooling;
        this.batchInvariant = batchInvariant;
    }

    /** Stable id recorded with stored embeddings; differs between float and int8 on purpose. */
    public String id() {
        return id;
    }

    public int dimension() {
        return dimension;
    }

    /**
     * Whether a text's vector is the same, to the last bit, whatever it is batched with: true for the
     * float graphs (tested for each), false for int8 ones, which scale activations per batch.
     */
    public boolean batchInvariant() {
        return batchInvariant;
    }

    /** Longest token sequence (with [CLS]/[SEP]) the model sees in one forward pass. */
    public int maxTokens() {
        return maxTokens;
    }

    public Pooling pooling() {
        return pooling;
    }

    /** Classpath resource of the ONNX graph, e.g. {@code /all-minilm-l6-v2-q.onnx}. */
    public String modelResource() {
        return "/" + resourceBase + ".onnx";
    }

    /** Classpath resource of the HuggingFace tokenizer.json. */
    public String tokenizerResource() {
        return "/" + resourceBase + "-tokenizer.json";
    }

    /** File-name stem of the model, used for the cached copy. */
    String resourceBase() {
        return resourceBase;
    }

    /**
     * Looks a spec up by its {@link #id()} (or, for convenience, its enum name), ignoring case.
     *
     * @throws IllegalArgumentException naming the valid ids when nothing matches
     */
    public static EncoderSpec fromId(String id) {
        if (id != null) {
            String wanted = id.trim();
            for (EncoderSpec spec : values()) {
                if (spec.id.equalsIgnoreCase(wanted) || spec.name().equalsIgnoreCase(wanted)) {
                    return spec;
                }
            }
        }
        throw new IllegalArgumentException("Unknown encoder id '" + id + "'; valid ids: "
                + Arrays.stream(values()).map(EncoderSpec::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
