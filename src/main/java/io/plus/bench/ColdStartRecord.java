package io.plus.bench;

import io.plus.eval.PairMetrics;

/**
 * One point of one seed's cold-start curve: a method's accuracy on the unseen users when it reads the
 * first {@code k} units of their context ({@code usersWithK} of {@code users} had that many), and the
 * share of them whose description names their preferences (NaN where that is not judged).
 */
public record ColdStartRecord(String dataset, String method, long seed, int k, int users, int usersWithK,
                              PairMetrics all, PairMetrics controversial, double namesPreference) {
    /** The line that is not a method: the accuracy the recognisable user type allows. */
    public static final String CEILING = "identification ceiling";
}
