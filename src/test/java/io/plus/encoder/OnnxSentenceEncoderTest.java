package io.plus.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Float and int8 MiniLM, each loaded once for the class. */
class OnnxSentenceEncoderTest {

    private static OnnxSentenceEncoder minilm;
    private static OnnxSentenceEncoder minilmInt8;

    @BeforeAll
    static void load() {
        minilm = OnnxSentenceEncoder.open(EncoderSpec.MINILM);
        minilmInt8 = OnnxSentenceEncoder.open(EncoderSpec.MINILM_INT8);
    }

    @AfterAll
    static void close() {
        minilm.close();
        minilmInt8.close();
    }

    static String longText(int words) {
        String[] vocab = ("the committee reviewed budget proposals for river restoration while volunteers "
                + "planted willow trees along muddy banks and engineers measured water quality every "
                + "morning before school children visited the new wetland observation deck").split(" ");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(vocab[(i * 7) % vocab.length]).append(i % 12 == 11 ? ". " : " ");
        }
        return sb.toString().trim();
    }

    @Test
    void similarSentencesAreCloserThanUnrelated() {
        float[][] e = minilm.embed(List.of("The cat sat on the mat.", "A cat was sitting on a mat.",
                "Quarterly revenue rose by four percent."));
        double similar = Vectors.cosine(e[0], e[1]);
        double unrelated = Vectors.cosine(e[0], e[2]);
        assertTrue(similar > unrelated + 0.3, "similar " + similar + " vs unrelated " + unrelated);
        for (float[] v : e) {
            assertEquals(384, v.length);
            assertEquals(1.0, Vectors.norm(v), 1e-5);
        }
    }

    @Test
    void batchedEqualsOneAtATimeForMixedLengths() {
        List<String> texts = List.of("Hi.", "The cat sat on the mat.", longText(60),
                "Quarterly revenue rose by four percent, beating analyst expectations in every region.",
                "", longText(20), "A cat was sitting on a mat.", longText(300));
        float[][] batched = minilm.embed(texts);
        assertTrue(EncoderSpec.MINILM.batchInvariant());
        for (int i = 0; i < texts.size(); i++) {
            // to the bit: the bench's runs side by side embed their summaries in whatever batches they meet
            assertArrayEquals(minilm.embed(texts.get(i)), batched[i], "text " + i);
            assertArrayEquals(minilm.embed(List.of(texts.get(i), texts.get((i + 3) % texts.size())))[0], batched[i],
                    "text " + i + " beside another");
        }
    }

    @Test
    void longTextIsWindowedNotTruncated() {
        String text = longText(400);
        assertTrue(minilm.segments(List.of(text)).size() >= 3, "expected several windows");
        float[] whole = minilm.embed(text);
        for (float x : whole) {
            assertTrue(Float.isFinite(x));
        }
        assertEquals(1.0, Vectors.norm(whole), 1e-5);
        String first100 = String.join(" ", List.of(text.split(" ")).subList(0, 100));
        double cos = Vectors.cosine(whole, minilm.embed(first100));
        assertTrue(cos < 0.9999, "long text embedded like its first 100 words: " + cos);
    }

    @Test
    void int8AgreesWithFloat() {
        String s = "The committee approved the new budget for river restoration.";
        double cos = Vectors.cosine(minilm.embed(s), minilmInt8.embed(s));
        assertTrue(cos > 0.95, "cosine " + cos);
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertEquals(0, minilmInt8.embed(List.of()).length);
    }

    @Test
    void concurrentCallsGiveTheSameAnswers() throws Exception {
        List<String> texts = List.of("The cat sat on the mat.", longText(150), "Quarterly revenue rose.");
        float[][] expected = minilmInt8.embed(texts);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> minilmInt8.embed(texts)));
            }
            for (Future<float[][]> f : futures) {
                float[][] got = f.get();
                for (int i = 0; i < texts.size(); i++) {
                    // int8 graphs quantize activations per batch, so allow a little drift.
                    assertTrue(Vectors.cosine(expected[i], got[i]) > 0.999);
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
