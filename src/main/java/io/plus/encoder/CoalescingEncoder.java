package io.plus.encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

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
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread worker;

    public CoalescingEncoder(TextEncoder delegate, int maxTexts, String threadName) {
        if (maxTexts < 1) {
            throw new IllegalArgumentException("maxTexts must be >= 1, got " + maxTexts);
        }
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.maxTexts = maxTexts;
        this.worker = new Thread(this::run, threadName);
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** The embeddings of {@code texts}, in order, once a batch holding them has run. */
    public CompletableFuture<float[][]> embed(List<String> texts) {
        Pending pending = new Pending(List.copyOf(texts), new CompletableFuture<>());
        if (!worker.isAlive()) {
            pending.result().completeExceptionally(new IllegalStateException("encoder is closed"));
            return pending.result();
        }
        queue.add(pending);
        return pending.result();
    }

    private void run() {
        try {
            while (true) {
                Pending first = queue.take();
                if (first == STOP) {
                    return;
                }
                List<Pending> batch = new ArrayList<>();
                batch.add(first);
                int size = first.texts().size();
                Pending next;
                while ((next = queue.peek()) != null && next != STOP && size + next.texts().size() <= maxTexts) {
                    batch.add(queue.poll());
                    size += next.texts().size();
                }
                runBatch(batch, size);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Pending left;
            while ((left = queue.poll()) != null) {
                left.result().completeExceptionally(new IllegalStateException("encoder is closed"));
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

    /** Stops the worker after the batches already queued; does not close the delegate. */
    @Override
    public void close() {
        queue.add(STOP);
    }
}
