package io.plus.serve.feedback;

import io.plus.serve.CallerContext;
import io.plus.serve.problem.DatabaseFailures;
import io.plus.serve.problem.ProblemException;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Group commit for ingest: at most {@code lanes} transactions run at once; requests that arrive
 * while all are busy wait and are then stored together in the next free one (one watermark update,
 * one insert batch, one commit), each answered with its own receipts. With a lane free, a request
 * runs at once — no added latency. Several lanes overlap one transaction's commit flush with the
 * next one's statements; concurrent lanes lock users' rows in one order, so they cannot deadlock.
 * If a shared transaction fails for anything but an unreachable database (a reused event id, say),
 * its requests run again one by one, so one client's conflict never fails another's events.
 *
 * <p>A group holds one tenant's requests only: its transaction is bound to that tenant for
 * row-level security. The queue is bounded: a request that would take it past {@code maxQueued}
 * events is refused at once (503 overloaded, Retry-After), not left to wait behind a backlog
 * that PostgreSQL cannot clear.
 */
final class GroupCommit {
    /** At most this many events per shared transaction (one request may bring 1,000 alone). */
    private static final int MAX_EVENTS = 1000;

    private record Waiting(List<FeedbackInput> events, CompletableFuture<List<FeedbackIngest.Receipt>> result) {
    }

    private final Vertx vertx;
    private final Function<List<FeedbackInput>, Uni<List<FeedbackIngest.Receipt>>> store;
    private final int lanes;
    private final int maxQueued;
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    private int running;
    private int queuedEvents;

    GroupCommit(Vertx vertx, int lanes, int maxQueued,
                Function<List<FeedbackInput>, Uni<List<FeedbackIngest.Receipt>>> store) {
        if (lanes < 1) {
            throw new IllegalArgumentException("at least one transaction lane, got " + lanes);
        }
        this.vertx = vertx;
        this.lanes = lanes;
        this.maxQueued = maxQueued;
        this.store = store;
    }

    /** The receipts of {@code unique} (distinct events), after the commit that stored them. */
    Uni<List<FeedbackIngest.Receipt>> submit(List<FeedbackInput> unique) {
        Waiting waiting = new Waiting(unique, new CompletableFuture<>());
        boolean start;
        synchronized (this) {
            if (queuedEvents > 0 && queuedEvents + unique.size() > maxQueued) {
                return Uni.createFrom().failure(overloaded());
            }
            queue.add(waiting);
            queuedEvents += unique.size();
            start = running < lanes;
            if (start) {
                running++;
            }
        }
        if (start) {
            runNext();
        }
        return CallerContext.resumeOn(Uni.createFrom().completionStage(waiting.result()));
    }

    private void runNext() {
        List<Waiting> group = new ArrayList<>();
        synchronized (this) {
            if (queue.isEmpty()) {
                running--;
                return;
            }
            // the oldest request, and after it those of the same tenant that fit
            Waiting first = queue.poll();
            group.add(first);
            int events = first.events().size();
            String tenant = tenantOf(first);
            for (Iterator<Waiting> later = queue.iterator(); later.hasNext() && events < MAX_EVENTS; ) {
                Waiting next = later.next();
                if (tenantOf(next).equals(tenant) && events + next.events().size() <= MAX_EVENTS) {
                    later.remove();
                    group.add(next);
                    events += next.events().size();
                }
            }
            queuedEvents -= events;
        }
        // a context of its own, as a request has, for the transaction's database session
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Uni.createFrom().deferred(() -> run(group)).subscribe()
                .with(done -> finish(group, null), error -> finish(group, error)));
    }

    /** No request may wait forever, whatever went wrong; then this lane takes the next group. */
    private static String tenantOf(Waiting waiting) {
        return waiting.events().isEmpty() ? "" : waiting.events().get(0).tenant();
    }

    private ProblemException overloaded() {
        return ProblemException.overloaded("more than " + maxQueued + " feedback events are waiting to be stored on this instance");
    }

    private void finish(List<Waiting> group, Throwable error) {
        for (Waiting waiting : group) {
            if (!waiting.result().isDone()) {
                waiting.result().completeExceptionally(error != null ? error
                        : new IllegalStateException("the group commit ended without an answer"));
            }
        }
        runNext();
    }

    private Uni<Void> run(List<Waiting> group) {
        if (group.size() == 1) {
            return alone(group.get(0));
        }
        List<FeedbackInput> merged = new ArrayList<>();
        group.forEach(waiting -> merged.addAll(waiting.events()));
        FeedbackIngest.Deduplicated shared;
        try {
            shared = FeedbackIngest.Deduplicated.of(merged);
        } catch (RuntimeException differentContentUnderOneId) {
            return oneByOne(group);
        }
        return store.apply(shared.unique()).map(shared::answerAll).invoke(receipts -> {
            int at = 0;
            for (Waiting waiting : group) {
                waiting.result().complete(List.copyOf(receipts.subList(at, at + waiting.events().size())));
                at += waiting.events().size();
            }
        }).replaceWithVoid().onFailure().recoverWithUni(error -> {
            if (DatabaseFailures.isUnavailable(error)) {
                group.forEach(waiting -> waiting.result().completeExceptionally(error));
                return Uni.createFrom().voidItem();
            }
            return oneByOne(group);
        });
    }

    private Uni<Void> oneByOne(List<Waiting> group) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Waiting waiting : group) {
            chain = chain.chain(() -> alone(waiting));
        }
        return chain;
    }

    private Uni<Void> alone(Waiting waiting) {
        return store.apply(waiting.events()).invoke(receipts -> waiting.result().complete(receipts))
                .onFailure().invoke(error -> waiting.result().completeExceptionally(error))
                .replaceWithVoid().onFailure().recoverWithNull();
    }
}
