package io.plus.serve.summary;

import io.plus.serve.CallerContext;
import io.smallrye.mutiny.Uni;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Concurrent requests for the same key share one computation: the first starts it, the others
 * wait for its result. Each waiter gets the result back on its own Vert.x context, so it can go
 * on using its own database session.
 */
final class SingleFlight<K, V> {
    private final Map<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

    /** The shared result and whether this caller started the computation. */
    record Flight<V>(Uni<V> result, boolean leader) {
    }

    Flight<V> join(K key, Supplier<Uni<V>> work) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return new Flight<>(CallerContext.resumeOn(Uni.createFrom().completionStage(running)), false);
        }
        Uni<V> result = work.get().onItemOrFailure().invoke((item, failure) -> {
            inFlight.remove(key, mine);
            if (failure != null) {
                mine.completeExceptionally(failure);
            } else {
                mine.complete(item);
            }
        }).onCancellation().invoke(() -> {
            inFlight.remove(key, mine);
            mine.completeExceptionally(new java.util.concurrent.CancellationException("the request building it went away"));
        });
        return new Flight<>(result, true);
    }
}
