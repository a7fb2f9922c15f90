package io.plus.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs tasks on a few threads and hands their results back in the order the tasks were given, so a
 * report built from them does not depend on which finished first. A failure stops the tasks not yet
 * started; once every task has ended (nothing still runs when the caller cleans up), the first
 * failure in task order is rethrown as it was thrown.
 */
final class OrderedParallel {
    private OrderedParallel() {
    }

    static <T> List<T> run(List<Supplier<T>> tasks, int threads, String threadName) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (threads == 1 || tasks.size() <= 1) {
            return tasks.stream().map(Supplier::get).toList(); // no pool: stack traces stay plain
        }
        AtomicBoolean failed = new AtomicBoolean();
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), task -> {
            Thread thread = new Thread(task, threadName + "-" + count.incrementAndGet());
            thread.setDaemon(true); // a failed run must not keep the JVM alive
            return thread;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Supplier<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    if (failed.get()) {
                        throw new Skipped();
                    }
                    try {
                        return task.get();
                    } catch (RuntimeException | Error e) {
                        failed.set(true);
                        throw e;
                    }
                }));
            }
            List<T> results = new ArrayList<>(tasks.size());
            Throwable firstFailure = null;
            for (Future<T> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    if (firstFailure == null && !(e.getCause() instanceof Skipped)) {
                        firstFailure = e.getCause();
                    }
                }
            }
            if (firstFailure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (firstFailure instanceof Error error) {
                throw error;
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + threadName + " tasks", e);
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
        }
    }

    /** A task not started because another had failed. */
    private static final class Skipped extends RuntimeException {
        Skipped() {
            super("not started: another task failed", null, false, false);
        }
    }

    /** Waits for running tasks to end, keeping an interrupt for the caller. */
    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (!pool.isTerminated()) {
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
