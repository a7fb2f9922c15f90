package io.plus.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EncoderSpecTest {

    @Test
    void findsEachSpecByItsId() {
        for (EncoderSpec spec : EncoderSpec.values()) {
            assertEquals(spec, EncoderSpec.fromId(spec.id()));
            assertNotNull(EncoderSpec.class.getResource(spec.modelResource()), spec.modelResource());
            assertNotNull(EncoderSpec.class.getResource(spec.tokenizerResource()), spec.tokenizerResource());
        }
        assertEquals(EncoderSpec.BGE_SMALL_INT8, EncoderSpec.fromId(" BGE-SMALL-EN-V1.5-INT8 "));
    }

    @Test
    void unknownIdListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EncoderSpec.fromId("minilm-l12"));
        assertTrue(e.getMessage().contains("'minilm-l12'"), e.getMessage());
        for (EncoderSpec spec : EncoderSpec.values()) {
            assertTrue(e.getMessage().contains(spec.id()), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> EncoderSpec.fromId(null));
    }

    @Test
    void specsDescribeTheirModels() {
        assertEquals(128, EncoderSpec.MINILM.maxTokens());
        assertEquals(EncoderSpec.Pooling.MEAN, EncoderSpec.MINILM_INT8.pooling());
        assertEquals(512, EncoderSpec.BGE_SMALL.maxTokens());
        assertEquals(EncoderSpec.Pooling.CLS, EncoderSpec.BGE_SMALL_INT8.pooling());
        assertEquals("/all-minilm-l6-v2-q.onnx", EncoderSpec.MINILM_INT8.modelResource());
        assertEquals("/bge-small-en-v1.5-tokenizer.json", EncoderSpec.BGE_SMALL.tokenizerResource());
    }
}
