package io.plus.summary;

import io.plus.model.CandidateRanking;
import io.plus.model.RandomHeads;
import io.plus.model.RewardHead;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scoring routine reads each prompt's, candidate's and the summary's embedding from where {@code texts} put it. */
class CandidateScoringTest {
    private static final int EMBEDDING = 4;

    private record Asked(String prompt, List<String> candidates) implements CandidateScoring.Prompt {
    }

    private static final List<Asked> PROMPTS = List.of(new Asked("Which pet?", List.of("A dog.", "A cat.")),
            new Asked("How to feed it?", List.of("Twice a day.", "When it asks.", "Never.")));

    private static RewardHead head(int conditioning, long seed) {
        return RandomHeads.basic(EMBEDDING, conditioning, 5, seed);
    }

    private static float[][] vectors(int count, long seed) {
        Random random = new Random(seed);
        float[][] vectors = new float[count][EMBEDDING];
        for (float[] vector : vectors) {
            for (int i = 0; i < EMBEDDING; i++) {
                vector[i] = (float) random.nextGaussian();
            }
        }
        return vectors;
    }

    @Test
    void aSummaryModelReadsPromptsCandidatesThenTheSummarysSentences() {
        String summary = "Likes dogs. Prefers short answers.";
        List<String> texts = CandidateScoring.texts(true, summary, PROMPTS);
        List<String> expected = new ArrayList<>(List.of("Which pet?", "A dog.", "A cat.", "How to feed it?", "Twice a day.",
                "When it asks.", "Never."));
        expected.addAll(SummaryEncoding.sentences(summary));
        assertEquals(expected, texts);

        RewardHead head = head(EMBEDDING, 7);
        float[][] vectors = vectors(texts.size(), 11);
        float[] condition = SummaryEncoding.pool(vectors, 7, texts.size() - 7);
        List<CandidateRanking.Ranked> ranked = CandidateScoring.rank(head, true, vectors, PROMPTS);
        assertEquals(2, ranked.size());
        assertEquals(head.reward(vectors[0], vectors[2], condition), ranked.get(0).results().get(1).reward(), 1e-9);
        assertEquals(head.reward(vectors[3], vectors[6], condition), ranked.get(1).results().get(2).reward(), 1e-9);
        assertEquals(CandidateRanking.rank(new double[] {head.reward(vectors[3], vectors[4], condition),
                head.reward(vectors[3], vectors[5], condition), head.reward(vectors[3], vectors[6], condition)}).ranking(),
                ranked.get(1).ranking());
    }

    @Test
    void aModelWithoutSummaryReadsNone() {
        List<String> texts = CandidateScoring.texts(false, "Likes dogs.", PROMPTS);
        assertEquals(7, texts.size(), "no summary sentences: " + texts);
        RewardHead head = head(0, 3);
        float[][] vectors = vectors(7, 5);
        assertEquals(head.reward(vectors[0], vectors[1], new float[0]),
                CandidateScoring.rank(head, false, vectors, PROMPTS).get(0).results().get(0).reward(), 1e-9);
    }
}
