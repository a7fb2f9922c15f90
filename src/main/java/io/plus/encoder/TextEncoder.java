package io.plus.encoder;

import java.util.List;

/**
 * Turns texts into fixed-size, L2-normalised sentence embeddings. Implementations must be
 * thread-safe and must embed texts of any length (long texts are windowed and pooled, not cut).
 */
public interface TextEncoder extends AutoCloseable {

    /** Stable identifier recorded wherever embeddings are stored, e.g. {@code all-minilm-l6-v2}. */
    String id();

    int dimension();

    /** One embedding per input text, in input order. */
    float[][] embed(List<String> texts);

    default float[] embed(String text) {
        return embed(List.of(text))[0];
    }

    @Override
    void close();
}
