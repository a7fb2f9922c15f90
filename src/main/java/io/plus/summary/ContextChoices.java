package io.plus.summary;

import io.plus.data.PreferencePair;
import io.plus.methods.EmbeddingTable;

import java.util.List;

/**
 * A user's labelled context as the reward model reads it: for each pair the prompt, the chosen
 * and the rejected response embedded. What a written summary is checked against.
 */
public record ContextChoices(float[][] prompts, float[][] chosen, float[][] rejected) {
    public static final ContextChoices NONE = new ContextChoices(new float[0][], new float[0][], new float[0][]);

    public ContextChoices {
        if (prompts.length != chosen.length || chosen.length != rejected.length) {
            throw new IllegalArgumentException("one prompt, chosen and rejected response per pair");
        }
    }

    public static ContextChoices of(List<PreferencePair> pairs, EmbeddingTable embeddings) {
        int n = pairs.size();
        float[][] prompts = new float[n][];
        float[][] chosen = new float[n][];
        float[][] rejected = new float[n][];
        for (int i = 0; i < n; i++) {
            PreferencePair pair = pairs.get(i);
            prompts[i] = embeddings.of(pair.prompt());
            chosen[i] = embeddings.of(pair.chosen());
            rejected[i] = embeddings.of(pair.rejected());
        }
        return new ContextChoices(prompts, chosen, rejected);
    }

    public int size() {
        return prompts.length;
    }
}
