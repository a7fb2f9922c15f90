package io.plus.encoder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets many concurrent callers share encoder calls: texts submitted while the encoder is busy wait
 * and then go through in one batch (up to {@code maxTexts}). Bigger batches are sorted by length
 * and padded less, so under load the throughput approaches the encoder's best batched rate
 * instead of its rate on one small request at a time. One thread runs the encoder.
 */
public final class CoalescingEncoder implements AutoCloseable {
    private record Pending(List<String> texts, CompletableFuture<float[][]> result) {
    }

    private static final Pending STOP = new Pending(List.of(), new CompletableFuture<>());

    private final TextEncoder delegate;
    private final int maxTexts;
    private final long maxWaitingCharacters;
    /** Characters of the texts submitted and not yet answered (waiting or in the running batch). */
    private final AtomicLong waitingCharacters = new AtomicLong();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private final Duration linger;
    /** Set by {@link #stop}: no new batch starts, the batch in progress finishes. */
    private volatile boolean stopping;
    /** Worker-thread state: requests in the last batch, and a request taken but left for the next batch. */
    private int lastBatchRequests;
    private Pending carried;

    public CoalescingEncoder(TextEncoder delegate, int maxTexts, String threadName) {
        this(delegate, maxTexts, Long.MAX_VALUE, Duration.ofMillis(5), threadName);
    }

    /**
     * @param maxWaitingCharacters the work, in characters of text, that may wait or run at once;
     *                             a request beyond it is refused ({@link Overloaded}) rather than queued
     * @param linger how long a busy encoder waits for more requests before running a small batch
     */
    public CoalescingEncoder(TextEncoder delegate, int maxTexts, long maxWaitingCharacters, Duration linger,
                             String threadName) {
        this.maxWaitingCharacters = maxWaitingCharacters;
        this.linger = Objects.requireNonNull(linger, "linger");
        if (maxTexts < 1) {
            throw new IllegalArgumentException("maxTexts must be >= 1, got " + maxTexts);
        }
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.maxTexts = maxTexts;
        this.worker = new Thread(this::run, threadName);
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Refused work: the encoder already has as much waiting as it may. */
    public static final class Overloaded extends RuntimeException {
        Overloaded(long waiting, long limit) {
            super(waiting + " characters of text are waiting for the encoder (limit " + limit + ")");
        }
    }

    /**
     * The embeddings of {@code texts}, in order, once a batch holding them has run; fails at once
     * with {@link Overloaded} when the work waiting would pass its bound (one request alone always
     * goes through).
     */
    public CompletableFuture<float[][]> embed(List<String> texts) {
        Pending pending = new Pending(List.copyOf(texts), new CompletableFuture<>());
        if (!worker.isAlive()) {
            pending.result().completeExceptionally(closed());
            return pending.result();
        }
        long characters = texts.stream().mapToLong(String::length).sum();
        long before = waitingCharacters.getAndUpdate(w -> w > 0 && w + characters > maxWaitingCharacters ? w : w + characters);
        if (before > 0 && before + characters > maxWaitingCharacters) {
            pending.result().completeExceptionally(new Overloaded(before, maxWaitingCharacters));
            return pending.result();
        }
        pending.result().whenComplete((vectors, error) -> waitingCharacters.addAndGet(-characters));
        queue.add(pending);
        return pending.result();
    }

    private void run() {
        try {
            while (true) {
                Pending first = carried != null ? carried : queue.take();
                carried = null;
                if (first == STOP || stopping) {
                    if (first != STOP) {
                        first.result().completeExceptionally(closed());
                    }
                    return;
                }
                List<Pending> batch = new ArrayList<>();
                batch.add(first);
                int size = first.texts().size();
                // Under load, the callers of the last batch send their next requests a moment after
                // their answers: wait briefly for them rather than run a lone small batch (which
                // costs nearly as much as a full one). Without load there is no wait.
                long lingerUntil = lastBatchRequests > 1 ? System.nanoTime() + linger.toNanos() : 0;
                while (size < maxTexts) {
                    Pending next = queue.peek();
                    if (next == null && lingerUntil != 0 && System.nanoTime() < lingerUntil) {
                        next = queue.poll(lingerUntil - System.nanoTime(), TimeUnit.NANOSECONDS);
                        if (next != null) {
                            if (next == STOP || size + next.texts().size() > maxTexts) {
                                carried = next;
                                break;
                            }
                            batch.add(next);
                            size += next.texts().size();
                        }
                        continue;
                    }
                    if (next == null || next == STOP || size + next.texts().size() > maxTexts) {
                        break;
                    }
                    batch.add(queue.poll());
                    size += next.texts().size();
                }
                lastBatchRequests = batch.size();
                if (stopping) {
                    batch.forEach(pending -> pending.result().completeExceptionally(closed()));
                    return;
                }
                runBatch(batch, size);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (carried != null && carried != STOP) {
                carried.result().completeExceptionally(closed());
            }
            Pending left;
            while ((left = queue.poll()) != null) {
                left.result().completeExceptionally(closed());
            }
        }
    }

    private void runBatch(List<Pending> batch, int size) {
        List<String> texts = new ArrayList<>(size);
        batch.forEach(pending -> texts.addAll(pending.texts()));
        float[][] vectors;
        try {
            vectors = delegate.embed(texts);
        } catch (RuntimeException | Error e) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(e);
            } else {
                // one request's texts must not fail the others that happened to share its batch
                batch.forEach(pending -> runBatch(List.of(pending), pending.texts().size()));
            }
            return;
        }
        int at = 0;
        for (Pending pending : batch) {
            float[][] mine = new float[pending.texts().size()][];
            System.arraycopy(vectors, at, mine, 0, mine.length);
            at += mine.length;
            pending.result().complete(mine);
        }
    }

    private static IllegalStateException closed() {
        return new IllegalStateException("encoder is closed");
    }

    /**
     * Stops the worker: the batch in progress finishes (its callers get their answers), requests
     * still queued fail. Waits up to {@code wait} for that; true when the worker has stopped, so
     * the delegate may be closed (closing it under a running batch frees memory the native
     * encoder is still using: the JVM crashed that way at shutdown). Does not close the delegate.
     */
    public boolean stop(Duration wait) {
        stopping = true;
        queue.add(STOP);
        try {
            worker.join(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !worker.isAlive();
    }

    /** {@link #stop} with up to 30 seconds for the batch in progress. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
