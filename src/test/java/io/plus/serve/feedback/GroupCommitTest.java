package io.plus.serve.feedback;

import io.plus.serve.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import org.eclipse.microprofile.context.spi.ContextManagerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The group commit on its own: who shares a transaction, and what a full queue answers. */
class GroupCommitTest {
    private final Vertx vertx = Vertx.vertx();
    /** The event ids of each transaction, in the order they ran. */
    private final List<List<String>> transactions = Collections.synchronizedList(new ArrayList<>());
    /** The first transaction waits for this, so that later requests queue up behind it. */
    private final CompletableFuture<Void> firstMayCommit = new CompletableFuture<>();

    /** Context propagation registers its manager on first use; two threads doing it at once collide. */
    @BeforeAll
    static void registerContextPropagationOnce() {
        ContextManagerProvider.instance().getContextManager();
    }

    @AfterEach
    void closeVertx() {
        vertx.close();
    }

    @Test
    void requestsWaitingTogetherShareATransactionWithTheirOwnTenantOnly() throws Exception {
        GroupCommit commit = new GroupCommit(vertx, 1, 100, recordingStore());
        CompletableFuture<List<FeedbackIngest.Receipt>> first = submit(commit, event("acme", "a1"));
        CompletableFuture<List<FeedbackIngest.Receipt>> second = submit(commit, event("acme", "a2"));
        CompletableFuture<List<FeedbackIngest.Receipt>> other = submit(commit, event("globex", "g1"));
        CompletableFuture<List<FeedbackIngest.Receipt>> third = submit(commit, event("acme", "a3"), event("acme", "a4"));
        firstMayCommit.complete(null);

        assertEquals(List.of("a1"), ids(first.get(10, TimeUnit.SECONDS)));
        assertEquals(List.of("a2"), ids(second.get(10, TimeUnit.SECONDS)));
        assertEquals(List.of("a3", "a4"), ids(third.get(10, TimeUnit.SECONDS)), "each request gets its own receipts");
        assertEquals(List.of("g1"), ids(other.get(10, TimeUnit.SECONDS)));
        assertEquals(List.of(List.of("a1"), List.of("a2", "a3", "a4"), List.of("g1")), transactions,
                "acme's waiting requests share one transaction; globex's, queued between them, runs in its own");
    }

    @Test
    void aRequestThatWouldOverfillTheQueueIsRefusedAtOnceAndTheQueuedOnesAreStored() throws Exception {
        GroupCommit commit = new GroupCommit(vertx, 1, 3, recordingStore());
        CompletableFuture<List<FeedbackIngest.Receipt>> running = submit(commit, event("acme", "r1"));
        CompletableFuture<List<FeedbackIngest.Receipt>> queued = submit(commit,
                event("acme", "q1"), event("acme", "q2"), event("acme", "q3"));
        CompletableFuture<List<FeedbackIngest.Receipt>> refused = submit(commit, event("acme", "x1"));

        Throwable error = refused.handle((ok, failure) -> failure).get(1, TimeUnit.SECONDS);
        ProblemException problem = assertInstanceOf(ProblemException.class, error);
        assertEquals(503, problem.status());
        assertEquals("1", problem.headers().get("Retry-After"));
        assertTrue(!queued.isDone(), "the queued request still waits its turn");

        firstMayCommit.complete(null);
        assertEquals(List.of("r1"), ids(running.get(10, TimeUnit.SECONDS)));
        assertEquals(List.of("q1", "q2", "q3"), ids(queued.get(10, TimeUnit.SECONDS)));
        assertEquals(List.of(List.of("r1"), List.of("q1", "q2", "q3")), transactions, "the refused event was never stored");
        // with the queue drained, the same request is accepted
        assertEquals(List.of("x1"), ids(submit(commit, event("acme", "x1")).get(10, TimeUnit.SECONDS)));
    }

    /** Stores nothing: answers each event with a receipt and records the transaction's ids. */
    private Function<List<FeedbackInput>, Uni<List<FeedbackIngest.Receipt>>> recordingStore() {
        return events -> {
            boolean first = transactions.isEmpty();
            transactions.add(events.stream().map(FeedbackInput::eventId).toList());
            List<FeedbackIngest.Receipt> receipts = events.stream()
                    .map(e -> new FeedbackIngest.Receipt(e.eventId(), e.tenant(), e.user(), 1, false)).toList();
            return first ? Uni.createFrom().completionStage(firstMayCommit.thenApply(ignored -> receipts))
                    : Uni.createFrom().item(receipts);
        };
    }

    private static CompletableFuture<List<FeedbackIngest.Receipt>> submit(GroupCommit commit, FeedbackInput... events) {
        return commit.submit(List.of(events)).subscribeAsCompletionStage();
    }

    private static FeedbackInput event(String tenant, String id) {
        return new FeedbackInput("/0", tenant, "u1", id, OffsetDateTime.parse("2026-12-01T10:00:00Z"), "preference",
                "prompt", "chosen " + id, "rejected", null);
    }

    private static List<String> ids(List<FeedbackIngest.Receipt> receipts) {
        return receipts.stream().map(FeedbackIngest.Receipt::eventId).toList();
    }
}
