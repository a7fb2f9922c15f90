package io.plus.encoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers embeddings by the SHA-256 of their text, so repeated texts (the same responses scored
 * again and again) run through the model once. Misses of a call are embedded in one batched call
 * to the delegate. An optional {@link EmbeddingDiskStore} carries the cache across runs.
 *
 * <p>Counters: a <em>hit</em> is an input served without the model (including a repeat of a text
 * embedded earlier in the same call); a <em>miss</em> is a distinct text sent to the model.
 * Owns and closes the delegate and the store. A long-running server bounds the memory cache
 * ({@link #bounded}); it then forgets the least recently used texts first.
 */
public final class CachingTextEncoder implements TextEncoder {

    private final TextEncoder delegate;
    private final EmbeddingDiskStore store;
    private final Map<ContentHash, float[]> memory;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public CachingTextEncoder(TextEncoder delegate) {
        this(delegate, Optional.empty());
    }

    /** @param store must be for the delegate's id and dimension; its records seed the memory cache */
    public CachingTextEncoder(TextEncoder delegate, Optional<EmbeddingDiskStore> store) {
        this(delegate, store, new ConcurrentHashMap<>());
    }

    /** Memory-only cache that keeps at most {@code maxEntries} texts, least recently used evicted first. */
    public static CachingTextEncoder bounded(TextEncoder delegate, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be >= 1, got " + maxEntries);
        }
        return new CachingTextEncoder(delegate, Optional.empty(), Collections.synchronizedMap(
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<ContentHash, float[]> eldest) {
                        return size() > maxEntries;
                    }
                }));
    }

    private CachingTextEncoder(TextEncoder delegate, Optional<EmbeddingDiskStore> store,
                               Map<ContentHash, float[]> memory) {
        this.memory = memory;
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.store = store.orElse(null);
        if (this.store != null) {
            if (!this.store.encoderId().equals(delegate.id()) || this.store.dimension() != delegate.dimension()) {
                throw new IllegalArgumentException("store " + this.store.file() + " is for "
                        + this.store.encoderId() + "/" + this.store.dimension() + ", encoder is "
                        + delegate.id() + "/" + delegate.dimension());
            }
            memory.putAll(this.store.loaded());
        }
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public float[][] embed(List<String> texts) {
        // Look each text up once and keep what was found: a bounded cache may evict between calls.
        float[][] out = new float[texts.size()][];
        Map<ContentHash, List<Integer>> toEmbed = new LinkedHashMap<>();
        List<String> missingTexts = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            ContentHash key = ContentHash.of(texts.get(i));
            float[] known = memory.get(key);
            if (known != null) {
                out[i] = known.clone(); // callers may scribble on their copy
                continue;
            }
            List<Integer> positions = toEmbed.get(key);
            if (positions == null) {
                positions = new ArrayList<>(1);
                toEmbed.put(key, positions);
                missingTexts.add(texts.get(i));
            }
            positions.add(i);
        }
        if (!toEmbed.isEmpty()) {
            float[][] fresh = delegate.embed(missingTexts);
            int k = 0;
            for (Map.Entry<ContentHash, List<Integer>> entry : toEmbed.entrySet()) {
                float[] vector = fresh[k++];
                float[] earlier = memory.putIfAbsent(entry.getKey(), vector);
                if (earlier != null) {
                    // another caller embedded it meanwhile: everyone gets the one vector kept
                    vector = earlier;
                } else if (store != null) {
                    store.append(entry.getKey(), vector);
                }
                for (int position : entry.getValue()) {
                    out[position] = vector.clone();
                }
            }
        }
        misses.addAndGet(toEmbed.size());
        hits.addAndGet(out.length - toEmbed.size());
        return out;
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    /** Distinct texts held in memory. */
    public int size() {
        return memory.size();
    }

    public Optional<EmbeddingDiskStore> diskStore() {
        return Optional.ofNullable(store);
    }

    /** Writes embeddings computed since the last flush to the disk store, if any. */
    public void flush() {
        if (store != null) {
            try {
                store.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write embedding cache " + store.file(), e);
            }
        }
    }

    @Override
    public void close() {
        try {
            if (store != null) {
                store.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write embedding cache " + store.file(), e);
        } finally {
            delegate.close();
        }
    }
}
