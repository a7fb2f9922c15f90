package io.plus.summary;

import io.plus.encoder.HashedTextEncoder;
import io.plus.encoder.Vectors;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SummaryEncodingTest {
    @Test
    void splitsASummaryIntoItsSentences() {
        assertEquals(List.of("Likes dogs.", "Prefers short answers!", "Really?"),
                SummaryEncoding.sentences("  Likes dogs.  Prefers short answers! Really?"));
        assertEquals(List.of("no full stop here"), SummaryEncoding.sentences("no full stop here"));
        assertEquals(List.of(""), SummaryEncoding.sentences("   "), "a blank summary is read as itself");
        assertEquals(List.of("Version 2.5 is fine."), SummaryEncoding.sentences("Version 2.5 is fine."),
                "a dot inside a number does not end a sentence");
    }

    @Test
    void aSummaryIsTheSumOfItsSentencesEachEmbeddedOnce() {
        HashedTextEncoder encoder = new HashedTextEncoder(6);
        float[][] out = SummaryEncoding.of(encoder, List.of("Likes dogs. Prefers short answers.", "Likes dogs."));
        assertEquals(List.of("Likes dogs.", "Prefers short answers."), encoder.embedded(), "each distinct sentence once");

        float[][] parts = new HashedTextEncoder(6).embed(List.of("Likes dogs.", "Prefers short answers."));
        float[] sum = new float[6];
        for (int i = 0; i < 6; i++) {
            sum[i] = parts[0][i] + parts[1][i];
        }
        assertArrayEquals(sum, out[0], 1e-6f);
        assertArrayEquals(parts[0], out[1], 1e-6f, "a one-sentence summary is that sentence's vector");
        // a second statement keeps the first at full strength: its component along the first is not diluted
        assertEquals(1 + Vectors.dot(parts[0], parts[1]), Vectors.dot(out[0], parts[0]), 1e-5);
        // order of sentences does not matter, wording does
        assertArrayEquals(out[0], SummaryEncoding.of(encoder, "Prefers short answers. Likes dogs."), 1e-6f);
    }
}
