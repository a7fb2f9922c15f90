package io.plus.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Ranks candidate responses by reward, with the Bradley–Terry probability that each beats the best one. */
public final class CandidateRanking {
    private CandidateRanking() {
    }

    /** A candidate's reward, its rank (1 = best) and the probability it is preferred over the top candidate. */
    public record CandidateScore(int index, double reward, int rank, double pBeatsBest) {
    }

    /** Scores in input order, and the candidate indices best first (ties: lower index first). */
    public record Ranked(List<CandidateScore> results, List<Integer> ranking) {
    }

    public static Ranked rank(double[] rewards) {
        if (rewards.length == 0) {
            throw new IllegalArgumentException("nothing to rank");
        }
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
