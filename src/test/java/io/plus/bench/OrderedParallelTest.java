package io.plus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class OrderedParallelTest {

    @Test
    void resultsComeBackInTheOrderGivenWhateverOrderTheyFinishIn() {
        // the first task waits for the last one: finishing order is the reverse of the order given
        CountDownLatch lastDone = new CountDownLatch(1);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Supplier<Integer>> tasks = new ArrayList<>();
        tasks.add(() -> {
            threads.add(Thread.currentThread().getName());
            await(lastDone);
            return 0;
        });
        for (int i = 1; i < 4; i++) {
            int value = i;
            tasks.add(() -> {
                threads.add(Thread.currentThread().getName());
                if (value == 3) {
                    lastDone.countDown();
                }
                return value;
            });
        }
        assertEquals(List.of(0, 1, 2, 3), OrderedParallel.run(tasks, 2, "test-run"));
        assertTrue(threads.stream().allMatch(name -> name.startsWith("test-run-")), threads.toString());
        assertEquals(2, threads.size(), "two threads shared the four tasks: " + threads);
    }

    @Test
    void oneThreadRunsOnTheCallersThread() {
        String caller = Thread.currentThread().getName();
        assertEquals(List.of(caller, caller),
                OrderedParallel.run(List.of(() -> Thread.currentThread().getName(), () -> Thread.currentThread().getName()),
                        1, "test-run"));
    }

    @Test
    void aFailureIsRethrownAsItWasThrown() {
        IllegalArgumentException failure = new IllegalArgumentException("no training pairs");
        List<Supplier<Integer>> tasks = List.of(() -> 1, () -> {
            throw failure;
        }, () -> 3);
        assertSame(failure, assertThrows(IllegalArgumentException.class, () -> OrderedParallel.run(tasks, 2, "test-run")));
    }

    @Test
    void aFailureStopsTheTasksNotStartedAndWaitsForThoseRunning() {
        CountDownLatch slowStarted = new CountDownLatch(1);
        AtomicBoolean slowFinished = new AtomicBoolean();
        AtomicInteger laterTasksRun = new AtomicInteger();
        List<Supplier<Integer>> tasks = new ArrayList<>();
        tasks.add(() -> {
            slowStarted.countDown();
            sleep(300); // still running when its neighbour fails
            slowFinished.set(true);
            return 0;
        });
        tasks.add(() -> {
            await(slowStarted);
            throw new IllegalStateException("run 1 failed");
        });
        for (int i = 2; i < 10; i++) {
            tasks.add(laterTasksRun::incrementAndGet);
        }
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> OrderedParallel.run(tasks, 2, "test-run"));
        assertEquals("run 1 failed", thrown.getMessage());
        assertTrue(slowFinished.get(), "the running task had ended before the failure reached the caller");
        assertEquals(0, laterTasksRun.get(), "no task started after the failure");
    }

    @Test
    void refusesNoThreads() {
        assertThrows(IllegalArgumentException.class, () -> OrderedParallel.run(List.of(() -> 1), 0, "test-run"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "a task waited 10 s for another that never ran beside it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
