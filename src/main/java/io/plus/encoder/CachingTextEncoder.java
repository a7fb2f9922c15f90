package io.plus.encoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
 * Owns and closes the delegate and the store.
 */
public final class CachingTextEncoder implements TextEncoder {

    private final TextEncoder delegate;
    private final EmbeddingDiskStore store;
    private final Map<ContentHash, float[]> memory = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public CachingTextEncoder(TextEncoder delegate) {
        this(delegate, Optional.empty());
    }

    /** @param store must be for the delegate's id and dimension; its records seed the memory cache */
    public CachingTextEncoder(TextEncoder delegate, Optional<EmbeddingDiskStore> store) {
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
        ContentHash[] keys = new ContentHash[texts.size()];
        Map<ContentHash, String> toEmbed = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ContentHash.of(texts.get(i));
            if (!memory.containsKey(keys[i])) {
                toEmbed.putIfAbsent(keys[i], texts.get(i));
            }
        }
        if (!toEmbed.isEmpty()) {
            float[][] fresh = delegate.embed(new ArrayList<>(toEmbed.values()));
            int i = 0;
            for (ContentHash key : toEmbed.keySet()) {
                if (memory.putIfAbsent(key, fresh[i]) == null && store != null) {
                    store.append(key, fresh[i]);
                }
                i++;
            }
        }
        misses.addAndGet(toEmbed.size());
        hits.addAndGet(keys.length - toEmbed.size());
        float[][] out = new float[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            out[i] = memory.get(keys[i]).clone(); // callers may scribble on their copy
        }
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
