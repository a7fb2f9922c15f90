package io.plus.encoder;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoalescingEncoderTest {

    /** Embeds a text as {its length, call number}; the first call waits until released. */
    private static final class RecordingEncoder implements TextEncoder {
        final List<List<String>> calls = new ArrayList<>();
        final CountDownLatch firstCallStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String id() {
            return "recording";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public float[][] embed(List<String> texts) {
            int call;
            synchronized (calls) {
                calls.add(List.copyOf(texts));
                call = calls.size();
            }
            if (call == 1) {
                firstCallStarted.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (texts.contains("boom")) {
                throw new IllegalStateException("cannot embed boom");
            }
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = new float[]{texts.get(i).length(), call};
            }
            return out;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void requestsArrivingWhileTheEncoderIsBusyShareOneCallAndGetTheirOwnVectors() throws Exception {
        RecordingEncoder delegate = new RecordingEncoder();
        try (CoalescingEncoder encoder = new CoalescingEncoder(delegate, 5, "test-encoder")) {
            CompletableFuture<float[][]> first = encoder.embed(List.of("a"));
            assertTrue(delegate.firstCallStarted.await(5, TimeUnit.SECONDS));
            CompletableFuture<float[][]> second = encoder.embed(List.of("bb", "ccc"));
            CompletableFuture<float[][]> third = encoder.embed(List.of("dddd", "eeeee"));
            CompletableFuture<float[][]> fourth = encoder.embed(List.of("ffffff", "ggggggg")); // would make 6 texts
            delegate.release.countDown();

            assertArrayEquals(new float[]{1, 1}, first.get(5, TimeUnit.SECONDS)[0]);
            float[][] secondVectors = second.get(5, TimeUnit.SECONDS);
            float[][] thirdVectors = third.get(5, TimeUnit.SECONDS);
            assertArrayEquals(new float[]{2, 2}, secondVectors[0]);
            assertArrayEquals(new float[]{3, 2}, secondVectors[1]);
            assertArrayEquals(new float[]{4, 2}, thirdVectors[0]);
            assertArrayEquals(new float[]{5, 2}, thirdVectors[1]);
            assertArrayEquals(new float[]{7, 3}, fourth.get(5, TimeUnit.SECONDS)[1]);
            assertEquals(List.of(List.of("a"), List.of("bb", "ccc", "dddd", "eeeee"),
                    List.of("ffffff", "ggggggg")), delegate.calls);
        }
    }

    @Test
    void aFailingRequestFailsAloneAndTheOthersInItsBatchAreAnswered() throws Exception {
        RecordingEncoder delegate = new RecordingEncoder();
        try (CoalescingEncoder encoder = new CoalescingEncoder(delegate, 10, "test-encoder")) {
            CompletableFuture<float[][]> blocker = encoder.embed(List.of("x"));
            assertTrue(delegate.firstCallStarted.await(5, TimeUnit.SECONDS));
            CompletableFuture<float[][]> bad = encoder.embed(List.of("boom"));
            CompletableFuture<float[][]> sameBatch = encoder.embed(List.of("fine"));
            delegate.release.countDown();
            blocker.get(5, TimeUnit.SECONDS);
            assertThrows(ExecutionException.class, () -> bad.get(5, TimeUnit.SECONDS));
            assertArrayEquals(new float[]{4, 4}, sameBatch.get(5, TimeUnit.SECONDS)[0]);
            assertEquals(List.of(List.of("x"), List.of("boom", "fine"), List.of("boom"), List.of("fine")), delegate.calls);
            assertArrayEquals(new float[]{5, 5}, encoder.embed(List.of("later")).get(5, TimeUnit.SECONDS)[0]);
        }
    }

    @Test
    void stopWaitsForTheBatchInProgressAndFailsTheQueuedRequests() throws Exception {
        RecordingEncoder delegate = new RecordingEncoder();
        CoalescingEncoder encoder = new CoalescingEncoder(delegate, 1, "test-encoder");
        CompletableFuture<float[][]> running = encoder.embed(List.of("a"));
        assertTrue(delegate.firstCallStarted.await(5, TimeUnit.SECONDS));
        CompletableFuture<float[][]> queued = encoder.embed(List.of("bb")); // over maxTexts: next batch

        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> encoder.stop(java.time.Duration.ofSeconds(10)));
        Thread.sleep(200);
        assertTrue(!stopped.isDone(), "stop must wait while a batch is still in the encoder");
        delegate.release.countDown();

        assertTrue(stopped.get(5, TimeUnit.SECONDS), "the worker stops once its batch is done");
        assertArrayEquals(new float[]{1, 1}, running.get(5, TimeUnit.SECONDS)[0]);
        ExecutionException refused = assertThrows(ExecutionException.class, () -> queued.get(5, TimeUnit.SECONDS));
        assertTrue(refused.getCause() instanceof IllegalStateException);
        assertEquals(List.of(List.of("a")), delegate.calls, "no batch may start after stop");
    }

    @Test
    void workPastTheBoundIsRefusedAtOnceAndAcceptedAgainOnceAnswered() throws Exception {
        RecordingEncoder delegate = new RecordingEncoder();
        try (CoalescingEncoder encoder = new CoalescingEncoder(delegate, 1, 10, java.time.Duration.ZERO, "test-encoder")) {
            CompletableFuture<float[][]> running = encoder.embed(List.of("aaaaaaaa")); // 8 characters, alone: accepted
            assertTrue(delegate.firstCallStarted.await(5, TimeUnit.SECONDS));
            CompletableFuture<float[][]> fits = encoder.embed(List.of("bb")); // 10 in all: at the bound
            CompletableFuture<float[][]> over = encoder.embed(List.of("c")); // 11: refused
            assertTrue(over.isCompletedExceptionally(), "refused without waiting");
            ExecutionException refused = assertThrows(ExecutionException.class, () -> over.get(1, TimeUnit.SECONDS));
            assertTrue(refused.getCause() instanceof CoalescingEncoder.Overloaded, refused.getCause().toString());

            delegate.release.countDown();
            assertArrayEquals(new float[]{8, 1}, running.get(5, TimeUnit.SECONDS)[0]);
            assertArrayEquals(new float[]{2, 2}, fits.get(5, TimeUnit.SECONDS)[0]);
            assertArrayEquals(new float[]{1, 3}, encoder.embed(List.of("c")).get(5, TimeUnit.SECONDS)[0],
                    "with the work answered, the same request is accepted");
            assertEquals(List.of(List.of("aaaaaaaa"), List.of("bb"), List.of("c")), delegate.calls);
        }
    }
}
