package io.plus.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** bge-small (int8 for speed): CLS pooling and the 512-token window. */
class BgeEncoderTest {

    private static OnnxSentenceEncoder bge;

    @BeforeAll
    static void load() {
        bge = OnnxSentenceEncoder.open(EncoderSpec.BGE_SMALL_INT8);
    }

    @AfterAll
    static void close() {
        bge.close();
    }

    @Test
    void clsPooledEmbeddingsRankSimilarAboveUnrelated() {
        float[][] e = bge.embed(List.of("The cat sat on the mat.", "A cat was sitting on a mat.",
                "Quarterly revenue rose by four percent."));
        assertEquals(384, e[0].length);
        assertEquals(1.0, Vectors.norm(e[0]), 1e-5);
        assertTrue(Vectors.cosine(e[0], e[1]) > Vectors.cosine(e[0], e[2]));
    }

    @Test
    void floatBgeGivesATextTheSameVectorWhateverItsBatchMates() {
        List<String> texts = List.of("Hi.", "The cat sat on the mat.", OnnxSentenceEncoderTest.longText(40),
                OnnxSentenceEncoderTest.longText(600), "Quarterly revenue rose by four percent.");
        try (OnnxSentenceEncoder floatBge = OnnxSentenceEncoder.open(EncoderSpec.BGE_SMALL)) {
            assertTrue(EncoderSpec.BGE_SMALL.batchInvariant());
            float[][] batched = floatBge.embed(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(floatBge.embed(texts.get(i)), batched[i], "text " + i);
            }
        }
    }

    @Test
    void fourHundredTokensFitOneWindow() {
        String text = OnnxSentenceEncoderTest.longText(350);
        List<OnnxSentenceEncoder.Segment> segments = bge.segments(List.of(text));
        assertEquals(1, segments.size());
        assertTrue(segments.get(0).length() > 300 && segments.get(0).length() <= 512);
    }
}
