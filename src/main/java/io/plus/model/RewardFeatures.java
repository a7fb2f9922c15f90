package io.plus.model;

/**
 * The reward model's input for one (prompt, response, user-conditioning) triple:
 * {@code [prompt, response, prompt ⊙ response, conditioning]}. The element-wise product lets a
 * small network see how well the response fits the prompt; the conditioning (empty for BTL, the
 * true type for the Oracle, a summary embedding for PLUS) is what personalises the reward.
 */
public final class RewardFeatures {
    private RewardFeatures() {
    }

    public static int dimension(int embeddingDimension, int conditioningDimension) {
        return 3 * embeddingDimension + conditioningDimension;
    }

    public static float[] build(float[] prompt, float[] response, float[] conditioning) {
        return writeInto(new float[dimension(prompt.length, conditioning.length)], 0, prompt, response, conditioning);
    }

    /** Writes the features at {@code offset} of {@code target} (lets trainers fill batch buffers without copies). */
    public static float[] writeInto(float[] target, int offset, float[] prompt, float[] response, float[] conditioning) {
        if (prompt.length != response.length) {
            throw new IllegalArgumentException("prompt and response embeddings differ in size: "
                    + prompt.length + " vs " + response.length);
        }
        int d = prompt.length;
        System.arraycopy(prompt, 0, target, offset, d);
        System.arraycopy(response, 0, target, offset + d, d);
        for (int i = 0; i < d; i++) {
            target[offset + 2 * d + i] = prompt[i] * response[i];
        }
        System.arraycopy(conditioning, 0, target, offset + 3 * d, conditioning.length);
        return target;
    }
}
