package io.plus.summary;

import io.plus.model.CandidateRanking;
import io.plus.model.RewardHead;

import java.util.ArrayList;
import java.util.List;

/**
 * The one scoring routine of a trained model, behind both {@code plus score} and the score
 * function: the texts of one or more prompts, their candidates and the summary (sentence by
 * sentence, as in training) are embedded together, then the reward head scores each candidate on
 * plain arrays and the candidates of each prompt are ranked. No libtorch.
 */
public final class CandidateScoring {
    private CandidateScoring() {
    }

    /** A prompt and the candidate responses to rank for it. */
    public interface Prompt {
        String prompt();

        List<String> candidates();
    }

    /** Every text to embed, in the order {@link #rank} reads them: each prompt then its candidates, then the summary's sentences. */
    public static List<String> texts(boolean readsSummary, String summaryText, List<? extends Prompt> prompts) {
        List<String> texts = new ArrayList<>();
        for (Prompt prompt : prompts) {
            texts.add(prompt.prompt());
            texts.addAll(prompt.candidates());
        }
        if (readsSummary) {
            texts.addAll(SummaryEncoding.sentences(summaryText));
        }
        return texts;
    }

    /** Rewards and the ranking of each prompt's candidates, from the embeddings of {@link #texts}. */
    public static List<CandidateRanking.Ranked> rank(RewardHead head, boolean readsSummary, float[][] vectors,
                                                     List<? extends Prompt> prompts) {
        int promptTexts = 0;
        for (Prompt prompt : prompts) {
            promptTexts += 1 + prompt.candidates().size();
        }
        float[] condition = readsSummary
                ? SummaryEncoding.pool(vectors, promptTexts, vectors.length - promptTexts) : new float[0];
        List<CandidateRanking.Ranked> out = new ArrayList<>(prompts.size());
        int at = 0;
        for (Prompt prompt : prompts) {
            float[] promptVector = vectors[at++];
            double[] rewards = new double[prompt.candidates().size()];
            for (int i = 0; i < rewards.length; i++) {
                rewards[i] = head.reward(promptVector, vectors[at++], condition);
            }
            out.add(CandidateRanking.rank(rewards));
        }
        return out;
    }
}
