package io.plus.model;

/**
 * How a reward head's input is laid out from the prompt embedding {@code p}, the response
 * embedding {@code r} and the user conditioning {@code c}. The element-wise product {@code p ⊙ r}
 * lets a small network see how well the response fits the prompt; {@code r ⊙ c} (for conditioning
 * that lives in the text-embedding space, such as an embedded summary) lets it see directly how
 * well the response fits what is known about the user.
 */
public enum FeatureLayout {
    /** {@code [p, r, p ⊙ r, c]}: any conditioning (none, a type vector, a latent). */
    BASIC,
    /** {@code [p, r, p ⊙ r, c, r ⊙ c]}: conditioning in the embedding space (summaries, raw context). */
    CROSS;

    public int dimension(int embeddingDimension, int conditioningDimension) {
        if (this == CROSS && conditioningDimension != embeddingDimension) {
            throw new IllegalArgumentException("cross features need conditioning of the embedding size "
                    + embeddingDimension + ", got " + conditioningDimension);
        }
        return 3 * embeddingDimension + (this == CROSS ? 2 : 1) * conditioningDimension;
    }

    public float[] build(float[] prompt, float[] response, float[] conditioning) {
        return writeInto(new float[dimension(prompt.length, conditioning.length)], 0, prompt, response, conditioning);
    }

    /** Writes the features at {@code offset} of {@code target} (lets trainers fill batch buffers without copies). */
    public float[] writeInto(float[] target, int offset, float[] prompt, float[] response, float[] conditioning) {
        if (prompt.length != response.length) {
            throw new IllegalArgumentException("prompt and response embeddings differ in size: "
                    + prompt.length + " vs " + response.length);
        }
        int d = prompt.length;
        int c = conditioning.length;
        System.arraycopy(prompt, 0, target, offset, d);
        System.arraycopy(response, 0, target, offset + d, d);
        for (int i = 0; i < d; i++) {
            target[offset + 2 * d + i] = prompt[i] * response[i];
        }
        System.arraycopy(conditioning, 0, target, offset + 3 * d, c);
        if (this == CROSS) {
            int at = offset + 3 * d + c;
            for (int i = 0; i < c; i++) {
                target[at + i] = response[i] * conditioning[i];
            }
        }
        return target;
    }
}
