package io.plus.serve.score;

import io.plus.model.CandidateRanking;
import io.plus.model.RewardHead;
import io.plus.serve.model.LoadedModel;
import io.plus.summary.SummaryEncoding;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores candidates with a loaded model on plain arrays: every text of the request is embedded
 * (in one encoder call, possibly shared with other requests), then the reward head scores each
 * candidate. No libtorch.
 */
public final class Scorer {
    private Scorer() {
    }

    /** Every text a request needs embedded, in the order {@link #rank} reads them. */
    public static List<String> texts(LoadedModel model, String summaryText, List<ScoreRequests.Item> items) {
        List<String> texts = new ArrayList<>();
        for (ScoreRequests.Item item : items) {
            texts.add(item.prompt());
            texts.addAll(item.candidates());
        }
        if (model.readsSummary()) {
            texts.addAll(SummaryEncoding.sentences(summaryText)); // read sentence by sentence, as in training
        }
        return texts;
    }

    /** Rewards and rankings from the embeddings of {@link #texts}. */
    public static List<CandidateRanking.Ranked> rank(LoadedModel model, float[][] vectors, List<ScoreRequests.Item> items) {
        int itemTexts = 0;
        for (ScoreRequests.Item item : items) {
            itemTexts += 1 + item.candidates().size();
        }
        float[] condition = model.readsSummary()
                ? SummaryEncoding.pool(vectors, itemTexts, vectors.length - itemTexts) : new float[0];
        RewardHead head = model.rewardHead();
        List<CandidateRanking.Ranked> out = new ArrayList<>(items.size());
        int at = 0;
        for (ScoreRequests.Item item : items) {
            float[] prompt = vectors[at++];
            double[] rewards = new double[item.candidates().size()];
            for (int i = 0; i < rewards.length; i++) {
                rewards[i] = head.reward(prompt, vectors[at++], condition);
            }
            out.add(CandidateRanking.rank(rewards));
        }
        return out;
    }
}
