package io.plus.serve.encoding;

import io.plus.encoder.CachingTextEncoder;
import io.plus.encoder.EncoderSpec;
import io.plus.encoder.OnnxSentenceEncoder;
import io.plus.encoder.TextEncoder;
import io.plus.serve.ServeConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The serving process's text encoders (ONNX Runtime, never libtorch), one per encoder id, each
 * behind a bounded memory cache, and the worker lane that runs encoder-bound work off the event
 * loop. Each encoder call already uses every core, so only a few run at once.
 */
@ApplicationScoped
public class ServingEncoders {
    private final Map<String, TextEncoder> byId = new ConcurrentHashMap<>();
    private final Semaphore permits;
    private final int cacheEntries;
    private final Vertx vertx;

    @Inject
    public ServingEncoders(ServeConfig config, Vertx vertx) {
        this.permits = new Semaphore(config.encoderConcurrency(), true);
        this.cacheEntries = config.embeddingCacheEntries();
        this.vertx = vertx;
    }

    public TextEncoder encoder(String encoderId) {
        return byId.computeIfAbsent(encoderId, id -> CachingTextEncoder.bounded(
                OnnxSentenceEncoder.open(EncoderSpec.fromId(id)), cacheEntries));
    }

    /** Runs {@code work} on a worker thread, at most the configured number at once; the result comes back on the caller's context. */
    public <T> Uni<T> run(Supplier<T> work) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            permits.acquireUninterruptibly();
            try {
                return work.get();
            } finally {
                permits.release();
            }
        }), false);
    }

    @PreDestroy
    void close() {
        byId.values().forEach(TextEncoder::close);
    }
}
