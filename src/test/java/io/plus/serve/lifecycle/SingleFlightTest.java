package io.plus.serve.lifecycle;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

class SingleFlightTest {
    /** Each run the job starts, left for the test to finish. */
    private final List<CompletableFuture<Void>> runs = new ArrayList<>();
    private final SingleFlight flight = new SingleFlight(() -> {
        CompletableFuture<Void> run = new CompletableFuture<>();
        runs.add(run);
        return Uni.createFrom().completionStage(run);
    });

    @Test
    void aCallerArrivingDuringARunWaitsForItInsteadOfStartingAnother() {
        UniAssertSubscriber<Void> first = flight.join().subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<Void> second = flight.join().subscribe().withSubscriber(UniAssertSubscriber.create());

        assertEquals(1, runs.size(), "one run");
        second.assertNotTerminated(); // it does not go on before the run is done
        runs.get(0).complete(null);
        first.assertCompleted();
        second.assertCompleted();
    }

    @Test
    void everyCallerOfAFailedRunGetsItsFailureAndTheNextCallStartsAFreshRun() {
        UniAssertSubscriber<Void> first = flight.join().subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<Void> second = flight.join().subscribe().withSubscriber(UniAssertSubscriber.create());
        IllegalStateException failure = new IllegalStateException("database away");
        runs.get(0).completeExceptionally(failure);
        assertSame(failure, first.assertFailedWith(IllegalStateException.class).getFailure());
        assertSame(failure, second.assertFailedWith(IllegalStateException.class).getFailure());

        UniAssertSubscriber<Void> retry = flight.join().subscribe().withSubscriber(UniAssertSubscriber.create());
        assertEquals(2, runs.size(), "a new run after the failed one");
        runs.get(1).complete(null);
        retry.assertCompleted();
    }

    @Test
    void aCallerThatStopsWaitingLeavesTheRunToTheOthers() {
        UniAssertSubscriber<Void> impatient = flight.join().ifNoItem().after(Duration.ofMillis(10)).fail()
                .subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<Void> patient = flight.join().subscribe().withSubscriber(UniAssertSubscriber.create());
        impatient.awaitFailure();

        assertFalse(runs.get(0).isDone(), "the run goes on");
        runs.get(0).complete(null);
        patient.assertCompleted();
        flight.join().subscribe().withSubscriber(UniAssertSubscriber.create());
        assertEquals(2, runs.size(), "the finished run is not handed out again");
    }
}
