package io.plus.methods;

import io.plus.data.ContextItem;
import io.plus.data.Dataset;
import io.plus.data.PreferencePair;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Encodes what a user's context shows about them, in the text-embedding space: the mean direction
 * from rejected to chosen responses over the labelled context pairs, and the mean embedding of the
 * unlabelled context items. Shared by ICL (which conditions on it directly) and the summarizer
 * (which reads it to write a summary).
 */
public final class ContextEncoder {
    private ContextEncoder() {
    }

    /** {@code [preference direction, items mean]}, each of the embedding size (zeros where absent). */
    public record Encoding(float[] preferenceDirection, float[] itemsMean) {
        /** Both parts in one vector of twice the embedding size. */
        public float[] concatenated() {
            float[] out = new float[preferenceDirection.length + itemsMean.length];
            System.arraycopy(preferenceDirection, 0, out, 0, preferenceDirection.length);
            System.arraycopy(itemsMean, 0, out, preferenceDirection.length, itemsMean.length);
            return out;
        }

        /** Both parts summed, in the embedding space itself. */
        public float[] summed() {
            float[] out = new float[preferenceDirection.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = preferenceDirection[i] + itemsMean[i];
            }
            return out;
        }
    }

    public static Encoding encode(List<PreferencePair> contextPairs, List<ContextItem> items, EmbeddingTable embeddings) {
        int d = embeddings.dimension();
        float[] direction = new float[d];
        for (PreferencePair pair : contextPairs) {
            float[] chosen = embeddings.of(pair.chosen());
            float[] rejected = embeddings.of(pair.rejected());
            for (int i = 0; i < d; i++) {
                direction[i] += (chosen[i] - rejected[i]) / contextPairs.size();
            }
        }
        float[] itemsMean = new float[d];
        for (ContextItem item : items) {
            float[] vector = embeddings.of(item.text());
            for (int i = 0; i < d; i++) {
                itemsMean[i] += vector[i] / items.size();
            }
        }
        return new Encoding(direction, itemsMean);
    }

    /** Encodings of every user of a dataset that has any context. */
    public static Map<String, Encoding> encodeAll(Dataset dataset, EmbeddingTable embeddings) {
        Map<String, List<PreferencePair>> pairs = dataset.contextPairsByUser();
        Map<String, List<ContextItem>> items = dataset.contextItemsByUser();
        Set<String> users = new TreeSet<>(pairs.keySet());
        users.addAll(items.keySet());
        Map<String, Encoding> out = new LinkedHashMap<>();
        for (String user : users) {
            out.put(user, encode(pairs.getOrDefault(user, List.of()), items.getOrDefault(user, List.of()), embeddings));
        }
        return out;
    }

}
