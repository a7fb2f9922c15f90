package io.plus.summary;

import io.plus.encoder.TextEncoder;
import io.plus.encoder.Vectors;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SummaryEncodingTest {
    /** Deterministic vectors per text, and a record of every text it was asked to embed. */
    private static final class RecordingEncoder implements TextEncoder {
        final List<String> seen = new ArrayList<>();

        public String id() {
            return "recording";
        }

        public int dimension() {
            return 6;
        }

        public float[][] embed(List<String> texts) {
            seen.addAll(texts);
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < texts.size(); i++) {
                Random random = new Random(texts.get(i).hashCode());
                float[] v = new float[6];
                for (int k = 0; k < v.length; k++) {
                    v[k] = (float) random.nextGaussian();
                }
                out[i] = Vectors.normalize(v);
            }
            return out;
        }

        public void close() {
        }
    }

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
    void aSummaryIsTheUnitMeanOfItsSentencesEachEmbeddedOnce() {
        RecordingEncoder encoder = new RecordingEncoder();
        float[][] out = SummaryEncoding.of(encoder, List.of("Likes dogs. Prefers short answers.", "Likes dogs."));
        assertEquals(List.of("Likes dogs.", "Prefers short answers."), encoder.seen, "each distinct sentence once");

        float[][] parts = new RecordingEncoder().embed(List.of("Likes dogs.", "Prefers short answers."));
        float[] mean = new float[6];
        for (int i = 0; i < 6; i++) {
            mean[i] = parts[0][i] + parts[1][i];
        }
        assertArrayEquals(Vectors.normalize(mean), out[0], 1e-6f);
        assertArrayEquals(parts[0], out[1], 1e-6f, "a one-sentence summary is that sentence's vector");
        assertEquals(1.0, Vectors.norm(out[0]), 1e-5);
        // order of sentences does not matter, wording does
        assertArrayEquals(out[0], SummaryEncoding.of(encoder, "Prefers short answers. Likes dogs."), 1e-6f);
    }
}
