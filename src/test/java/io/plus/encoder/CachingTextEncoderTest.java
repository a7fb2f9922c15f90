package io.plus.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingTextEncoderTest {

    @TempDir
    Path dir;

    /** Deterministic stand-in that records every batch it is asked to embed. */
    static final class RecordingEncoder implements TextEncoder {
        final List<List<String>> calls = new ArrayList<>();
        boolean closed;

        @Override
        public String id() {
            return "fake";
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public synchronized float[][] embed(List<String> texts) {
            calls.add(List.copyOf(texts));
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < out.length; i++) {
                String t = texts.get(i);
                out[i] = Vectors.normalize(new float[] {t.length() + 1, t.hashCode() % 7, 1});
            }
            return out;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void callersRacingForTheSameMissAllGetTheVectorKept() throws Exception {
        // each call's vectors differ (as an encoder's may with their batch mates); both callers miss
        // "shared" before either stores it, and each must end with the one vector the cache keeps
        CyclicBarrier bothMissed = new CyclicBarrier(2);
        AtomicInteger calls = new AtomicInteger();
        TextEncoder perCall = new TextEncoder() {
            @Override
            public String id() {
                return "per-call";
            }

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public float[][] embed(List<String> texts) {
                float call = calls.incrementAndGet();
                try {
                    bothMissed.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return texts.stream().map(t -> new float[] {call, t.length()}).toArray(float[][]::new);
            }

            @Override
            public void close() {
            }
        };
        try (CachingTextEncoder cache = new CachingTextEncoder(perCall)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<float[][]> first = pool.submit(() -> cache.embed(List.of("shared", "only first")));
                Future<float[][]> second = pool.submit(() -> cache.embed(List.of("only second", "shared")));
                float[] fromFirst = first.get()[0];
                float[] fromSecond = second.get()[1];
                float[] kept = cache.embed(List.of("shared"))[0];
                assertArrayEquals(kept, fromFirst);
                assertArrayEquals(kept, fromSecond);
                assertEquals(2, calls.get(), "the lookup after both calls was a hit");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void embedsOnlyMissesOnceAndKeepsOrderAndDuplicates() {
        RecordingEncoder fake = new RecordingEncoder();
        try (CachingTextEncoder cache = new CachingTextEncoder(fake)) {
            float[][] first = cache.embed(List.of("a", "bb", "a", "ccc"));
            assertEquals(List.of(List.of("a", "bb", "ccc")), fake.calls);
            assertEquals(3, cache.misses());
            assertEquals(1, cache.hits());
            assertArrayEquals(first[0], first[2]);

            float[][] second = cache.embed(List.of("ccc", "dddd", "a", "ccc"));
            assertEquals(List.of("dddd"), fake.calls.get(1), "only the new text reaches the model");
            assertEquals(4, cache.misses());
            assertEquals(4, cache.hits());
            assertArrayEquals(first[3], second[0]);
            assertArrayEquals(first[0], second[2]);
            assertArrayEquals(second[0], second[3]);
            assertArrayEquals(fake.embed(List.of("dddd"))[0], second[1]);

            cache.embed(List.of("a"))[0][0] = 42f; // a caller's copy, not the cache's
            assertArrayEquals(first[0], cache.embed("a"));
        }
        assertTrue(fake.closed);
    }

    @Test
    void diskCacheServesAFreshProcess() throws Exception {
        RecordingEncoder fake = new RecordingEncoder();
        float[][] before;
        try (CachingTextEncoder cache = new CachingTextEncoder(fake,
                Optional.of(EmbeddingDiskStore.open(dir, "fake", 3)))) {
            before = cache.embed(List.of("x", "yy"));
        }
        RecordingEncoder again = new RecordingEncoder();
        try (CachingTextEncoder cache = new CachingTextEncoder(again,
                Optional.of(EmbeddingDiskStore.open(dir, "fake", 3)))) {
            float[][] after = cache.embed(List.of("yy", "x", "zzz"));
            assertEquals(List.of(List.of("zzz")), again.calls);
            assertArrayEquals(before[1], after[0]);
            assertArrayEquals(before[0], after[1]);
            assertEquals(2, cache.hits());
        }
    }

    @Test
    void realEncoderThroughTheFactory() throws Exception {
        List<String> texts = List.of("The cat sat on the mat.", "Quarterly revenue rose by four percent.",
                "The cat sat on the mat.");
        float[][] first;
        try (CachingTextEncoder enc = Encoders.open(EncoderSpec.MINILM_INT8, Optional.of(dir))) {
            assertEquals("all-minilm-l6-v2-int8", enc.id());
            first = enc.embed(texts);
            float[][] second = enc.embed(texts);
            assertEquals(2, enc.misses());
            assertEquals(4, enc.hits());
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(first[i], second[i]);
                assertNotSame(first[i], second[i]);
            }
            assertArrayEquals(first[0], first[2]);
        }
        try (EmbeddingDiskStore store = EmbeddingDiskStore.open(dir, "all-minilm-l6-v2-int8", 384)) {
            assertEquals(2, store.loaded().size());
            assertArrayEquals(first[1], store.loaded().get(ContentHash.of(texts.get(1))));
        }
    }
}
