package io.plus.methods;

import io.plus.data.ContextItem;
import io.plus.data.Dataset;
import io.plus.data.PreferencePair;
import io.plus.encoder.TextEncoder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Every distinct text of a dataset embedded once, so that all methods train and evaluate on the
 * same vectors. Records which encoder made them.
 */
public final class EmbeddingTable {
    private static final int CHUNK = 256;

    private final String encoderId;
    private final int dimension;
    private final Map<String, float[]> byText;

    private EmbeddingTable(String encoderId, int dimension, Map<String, float[]> byText) {
        this.encoderId = encoderId;
        this.dimension = dimension;
        this.byText = byText;
    }

    /** Embeds all prompts, responses and context texts; {@code onProgress} gets texts done so far. */
    public static EmbeddingTable embed(Dataset dataset, TextEncoder encoder, IntConsumer onProgress) {
        List<String> texts = new ArrayList<>(distinctTexts(dataset));
        Map<String, float[]> byText = new HashMap<>(texts.size() * 2);
        for (int start = 0; start < texts.size(); start += CHUNK) {
            List<String> chunk = texts.subList(start, Math.min(texts.size(), start + CHUNK));
            float[][] vectors = encoder.embed(chunk);
            for (int i = 0; i < chunk.size(); i++) {
                byText.put(chunk.get(i), vectors[i]);
            }
            onProgress.accept(Math.min(texts.size(), start + CHUNK));
        }
        return new EmbeddingTable(encoder.id(), encoder.dimension(), byText);
    }

    /** Embeds the given texts (duplicates once), for a handful of texts outside a dataset. */
    public static EmbeddingTable embed(java.util.Collection<String> texts, TextEncoder encoder) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(texts));
        float[][] vectors = distinct.isEmpty() ? new float[0][] : encoder.embed(distinct);
        Map<String, float[]> byText = new HashMap<>(distinct.size() * 2);
        for (int i = 0; i < distinct.size(); i++) {
            byText.put(distinct.get(i), vectors[i]);
        }
        return new EmbeddingTable(encoder.id(), encoder.dimension(), byText);
    }

    public static Set<String> distinctTexts(Dataset dataset) {
        Set<String> texts = new LinkedHashSet<>();
        for (PreferencePair pair : dataset.pairs()) {
            texts.add(pair.prompt());
            texts.add(pair.chosen());
            texts.add(pair.rejected());
        }
        for (ContextItem item : dataset.contextItems()) {
            texts.add(item.text());
        }
        return texts;
    }

    public float[] of(String text) {
        float[] vector = byText.get(text);
        if (vector == null) {
            throw new IllegalArgumentException("text was not embedded: "
                    + (text.length() > 60 ? text.substring(0, 60) + "…" : text));
        }
        return vector;
    }

    public String encoderId() {
        return encoderId;
    }

    public int dimension() {
        return dimension;
    }

    public int size() {
        return byText.size();
    }
}
