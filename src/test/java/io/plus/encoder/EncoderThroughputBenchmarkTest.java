package io.plus.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Smoke test only; real numbers come from {@code main} (see the report in the commit log). */
class EncoderThroughputBenchmarkTest {

    @Test
    void defaultTextsAreDeterministicAndVaried() {
        List<String> texts = EncoderThroughputBenchmark.defaultTexts(512);
        assertEquals(texts, EncoderThroughputBenchmark.defaultTexts(512));
        assertTrue(new HashSet<>(texts).size() > 500, "mostly distinct sentences");
    }

    @Test
    void tinyRunReportsBothSides() {
        EncoderThroughputBenchmark.Result r = EncoderThroughputBenchmark.run(EncoderSpec.MINILM_INT8,
                EncoderThroughputBenchmark.defaultTexts(24), 8, 1);
        assertTrue(r.encoderTextsPerSecond() > 0 && r.rawTextsPerSecond() > 0);
        assertEquals(r.encoderTextsPerSecond() / r.rawTextsPerSecond(), r.ratio(), 1e-9);
        assertTrue(r.toMarkdown().contains("| all-minilm-l6-v2-int8 | 24 | 8 |"), r.toMarkdown());
    }
}
