package io.plus.serve.score;

import io.plus.model.RewardHead;
import io.plus.serve.model.LoadedModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scores candidates with a loaded model on plain arrays: one encoder call for every text of the
 * request, then the reward head per candidate. Blocking (it encodes); no libtorch.
 */
public final class Scorer {
    private Scorer() {
    }

    /** A candidate's reward, its rank (1 = best) and the Bradley–Terry probability it beats the best one. */
    public record CandidateScore(int index, double reward, int rank, double pBeatsBest) {
    }

    /** The scores of one prompt's candidates, and the candidate indices best first. */
    public record Ranked(List<CandidateScore> results, List<Integer> ranking) {
    }

    public static List<Ranked> score(LoadedModel model, String summaryText, List<ScoreRequests.Item> items) {
        List<String> texts = new ArrayList<>();
        for (ScoreRequests.Item item : items) {
            texts.add(item.prompt());
            texts.addAll(item.candidates());
        }
        boolean conditioned = model.readsSummary();
        if (conditioned) {
            texts.add(summaryText);
        }
        float[][] vectors = model.encoder().embed(texts);
        float[] condition = conditioned ? vectors[vectors.length - 1] : new float[0];
        RewardHead head = model.rewardHead();
        List<Ranked> out = new ArrayList<>(items.size());
        int at = 0;
        for (ScoreRequests.Item item : items) {
            float[] prompt = vectors[at++];
            double[] rewards = new double[item.candidates().size()];
            for (int i = 0; i < rewards.length; i++) {
                rewards[i] = head.reward(prompt, vectors[at++], condition);
            }
            out.add(rank(rewards));
        }
        return out;
    }

    static Ranked rank(double[] rewards) {
        List<Integer> ranking = new ArrayList<>();
        for (int i = 0; i < rewards.length; i++) {
            ranking.add(i);
        }
        ranking.sort(Comparator.comparingDouble((Integer i) -> -rewards[i]).thenComparing(i -> i));
        double best = rewards[ranking.get(0)];
        CandidateScore[] scores = new CandidateScore[rewards.length];
        for (int rank = 0; rank < ranking.size(); rank++) {
            int i = ranking.get(rank);
            scores[i] = new CandidateScore(i, rewards[i], rank + 1, 1 / (1 + Math.exp(-(rewards[i] - best))));
        }
        return new Ranked(List.of(scores), List.copyOf(ranking));
    }
}
