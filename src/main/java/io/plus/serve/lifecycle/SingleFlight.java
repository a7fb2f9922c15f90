package io.plus.serve.lifecycle;

import io.smallrye.mutiny.Uni;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs an asynchronous job at most once at a time. A caller that arrives while a run is under way
 * waits for that run and gets its outcome: it neither starts a second run nor goes on before the
 * first has finished. A caller that arrives after a run has finished starts a new one.
 */
final class SingleFlight {
    private final Supplier<Uni<? extends Void>> job;
    private final AtomicReference<CompletableFuture<Void>> running = new AtomicReference<>();

    SingleFlight(Supplier<Uni<? extends Void>> job) {
        this.job = job;
    }

    /** The run under way, or a new one; subscribing to it starts the new run. */
    Uni<Void> join() {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> current = running.compareAndExchange(null, mine);
            if (current == null) {
                current = mine;
                Uni.createFrom().<Void>deferred(job).subscribe().with(
                        done -> finish(mine, null),
                        failure -> finish(mine, failure));
            }
            // a copy: a caller that gives up waiting (a timeout cancels it) leaves the run and the other callers alone
            return Uni.createFrom().completionStage(current.copy());
        });
    }

    /** Cleared before completing, so a caller told of this outcome that tries again starts a new run. */
    private void finish(CompletableFuture<Void> run, Throwable failure) {
        running.compareAndSet(run, null);
        if (failure == null) {
            run.complete(null);
        } else {
            run.completeExceptionally(failure);
        }
    }
}
