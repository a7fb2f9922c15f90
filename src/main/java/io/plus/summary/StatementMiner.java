package io.plus.summary;

import io.plus.data.Dataset;
import io.plus.data.PreferencePair;
import io.plus.data.Split;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Mines candidate summary statements from the observed training pairs, never from hidden labels:
 * words (and response length) whose presence in the chosen rather than the rejected response
 * goes one way for some users and the other way for others. Those are the features on which users
 * disagree, so they are what a summary must say. Each word becomes a "likes …" statement; length
 * becomes "prefers short …" and "prefers long …". There are no "dislikes …" statements on purpose:
 * a bag-of-words-like encoder such as MiniLM gives "likes cats" and "dislikes cats" nearly the
 * same vector, so a user who avoids cats is described by what they favour instead (dogs).
 */
public final class StatementMiner {
    /** How many words to keep, by how much users disagree on them. */
    private final int maxTerms;
    /** A word must occur in at least this share of the mined pairs. */
    private final double minSupport;

    public StatementMiner(int maxTerms, double minSupport) {
        this.maxTerms = maxTerms;
        this.minSupport = minSupport;
    }

    public static StatementMiner defaults() {
        return new StatementMiner(10, 0.01);
    }

    /** A mined feature: how strongly each user's choices lean towards it, and the disagreement score. */
    record Feature(String key, String label, double[] leanByUser, double score) {
    }

    public StatementBank mine(Dataset visible) {
        List<Feature> features = rank(visible);
        List<Statement> statements = new ArrayList<>();
        for (Feature feature : features) {
            if (feature.key().equals(LENGTH_KEY)) {
                statements.add(statement("style:short", Phrasings.SHORT_TRAIN, Phrasings.SHORT_HELD_OUT, LENGTH_KEY, -1));
                statements.add(statement("style:long", Phrasings.LONG_TRAIN, Phrasings.LONG_HELD_OUT, LENGTH_KEY, 1));
            } else {
                statements.add(statement("likes:" + feature.key(), Phrasings.fill(Phrasings.LIKES_TRAIN, feature.label()),
                        Phrasings.fill(Phrasings.LIKES_HELD_OUT, feature.label()), feature.key(), 1));
            }
        }
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("no feature of the responses divides the users of " + visible.name()
                    + ": nothing to summarise");
        }
        return new StatementBank(statements);
    }

    private static Statement statement(String id, List<String> phrasings, List<String> heldOut, String feature,
                                       int polarity) {
        return new Statement(id, phrasings.get(0), phrasings, heldOut, "mined", feature, polarity, null);
    }

    /**
     * How much a user's labelled context supports each statement: the statement's polarity times
     * the user's lean on its feature ({@code [feature in chosen] − [feature in rejected]}, or the
     * sign of the length difference, averaged over the context pairs). Zero for curated and style
     * statements and for users without labelled context.
     */
    public static float[] evidence(StatementBank bank, List<PreferencePair> contextPairs) {
        float[] evidence = new float[bank.size()];
        if (contextPairs.isEmpty()) {
            return evidence;
        }
        List<Set<String>> chosen = new ArrayList<>();
        List<Set<String>> rejected = new ArrayList<>();
        Map<String, Map<String, Integer>> ignored = new HashMap<>();
        for (PreferencePair pair : contextPairs) {
            chosen.add(stems(pair.chosen(), ignored));
            rejected.add(stems(pair.rejected(), ignored));
        }
        for (int s = 0; s < bank.size(); s++) {
            Statement statement = bank.get(s);
            if (statement.feature() == null || statement.polarity() == 0 || statement.direction() != null) {
                continue;
            }
            double lean = 0;
            for (int i = 0; i < contextPairs.size(); i++) {
                PreferencePair pair = contextPairs.get(i);
                lean += statement.feature().equals(LENGTH_KEY)
                        ? Math.signum(pair.chosen().length() - (double) pair.rejected().length())
                        : (chosen.get(i).contains(statement.feature()) ? 1 : 0)
                          - (rejected.get(i).contains(statement.feature()) ? 1 : 0);
            }
            evidence[s] = (float) (statement.polarity() * lean / contextPairs.size());
        }
        return evidence;
    }

    /** A lean (share of pairs, chosen minus rejected) beyond this is a clear one, for or against. */
    static final double CLEAR_LEAN = 0.05;

    /** The feature name of answer length, the one non-lexical feature. */
    public static final String LENGTH_KEY = "#length";

    /**
     * Each word's (and length's) lean per training user: how much more often it is in the chosen
     * than in the rejected response, over the user's training and context pairs.
     */
    LeanTable leans(Dataset visible) {
        Map<String, List<PreferencePair>> byUser = new TreeMap<>();
        for (PreferencePair pair : visible.pairs()) {
            if (pair.split() == Split.TRAIN || pair.split() == Split.CONTEXT) {
                byUser.computeIfAbsent(pair.user(), u -> new ArrayList<>()).add(pair);
            }
        }
        byUser.values().removeIf(pairs -> pairs.stream().noneMatch(p -> p.split() == Split.TRAIN));
        List<String> users = new ArrayList<>(byUser.keySet());
        if (users.size() < 2) {
            throw new IllegalArgumentException("mining statements needs at least two training users");
        }
        Map<String, double[]> lean = new HashMap<>();
        Map<String, Integer> support = new HashMap<>();
        Map<String, Map<String, Integer>> surfaces = new HashMap<>();
        double[] lengthLean = new double[users.size()];
        int totalPairs = 0;
        for (int u = 0; u < users.size(); u++) {
            List<PreferencePair> pairs = byUser.get(users.get(u));
            for (PreferencePair pair : pairs) {
                totalPairs++;
                Set<String> chosen = stems(pair.chosen(), surfaces);
                Set<String> rejected = stems(pair.rejected(), surfaces);
                Set<String> union = new HashSet<>(chosen);
                union.addAll(rejected);
                for (String stem : union) {
                    support.merge(stem, 1, Integer::sum);
                    int sign = (chosen.contains(stem) ? 1 : 0) - (rejected.contains(stem) ? 1 : 0);
                    if (sign != 0) {
                        lean.computeIfAbsent(stem, s -> new double[users.size()])[u] += (double) sign / pairs.size();
                    }
                }
                lengthLean[u] += Math.signum(pair.chosen().length() - (double) pair.rejected().length()) / pairs.size();
            }
        }
        List<Feature> candidates = new ArrayList<>();
        for (Map.Entry<String, double[]> entry : lean.entrySet()) {
            if (support.get(entry.getKey()) >= minSupport * totalPairs) {
                candidates.add(new Feature(entry.getKey(), surface(surfaces.get(entry.getKey())), entry.getValue(),
                        disagreement(entry.getValue())));
            }
        }
        // response length is the one non-lexical feature: short and long answers share no word
        candidates.add(new Feature(LENGTH_KEY, "length", lengthLean, disagreement(lengthLean)));
        return new LeanTable(users, candidates);
    }

    /** Every candidate feature with each training user's lean on it, users in {@code users} order. */
    record LeanTable(List<String> users, List<Feature> candidates) {
    }

    /** Features by disagreement score, best first, without near-duplicates. */
    List<Feature> rank(Dataset visible) {
        List<Feature> candidates = new ArrayList<>(leans(visible).candidates());
        candidates.sort(Comparator.comparingDouble(Feature::score).reversed().thenComparing(Feature::key));
        // Words that move together across users say the same thing: the best one names the
        // statement, close runners-up join its label, the rest are dropped as redundant.
        List<Feature> kept = new ArrayList<>();
        List<List<String>> labels = new ArrayList<>();
        double floor = candidates.isEmpty() ? 0 : NOISE_SHARE * candidates.get(0).score();
        for (Feature candidate : candidates) {
            if (candidate.score() <= 0 || candidate.score() < floor) {
                break;
            }
            int cluster = -1;
            for (int k = 0; k < kept.size() && cluster < 0; k++) {
                if (correlation(kept.get(k).leanByUser(), candidate.leanByUser()) > REDUNDANT) {
                    cluster = k;
                }
            }
            if (cluster >= 0) {
                boolean strong = candidate.score() >= LABEL_SHARE * kept.get(cluster).score();
                if (strong && labels.get(cluster).size() < 3 && !candidate.key().equals(LENGTH_KEY)
                        && !kept.get(cluster).key().equals(LENGTH_KEY)) {
                    labels.get(cluster).add(candidate.label());
                }
            } else if (kept.size() < maxTerms) {
                kept.add(candidate);
                labels.add(new ArrayList<>(List.of(candidate.label())));
            }
        }
        List<Feature> labelled = new ArrayList<>();
        for (int k = 0; k < kept.size(); k++) {
            Feature feature = kept.get(k);
            labelled.add(new Feature(feature.key(), joinLabel(labels.get(k)), feature.leanByUser(), feature.score()));
        }
        return labelled;
    }

    /**
     * Words whose disagreement is below this share of the strongest feature's are noise beside it
     * (pets: "day", "since" score under 0.03 where dog and cat score 0.5), and a statement about
     * them would only give the summarizer something misleading to say.
     */
    private static final double NOISE_SHARE = 0.1;
    /** Lean vectors correlated above this across users are one statement. */
    private static final double REDUNDANT = 0.8;
    /** A redundant word joins the statement's label when it scores at least this share of the best. */
    private static final double LABEL_SHARE = 0.6;

    /** "a", "a and b", "a, b and c". */
    static String joinLabel(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    /**
     * High when some users lean clearly towards the feature and others clearly away from it:
     * {@code 4 · share leaning for · share leaning against · mean |lean|}.
     */
    static double disagreement(double[] lean) {
        int positive = 0;
        int negative = 0;
        double magnitude = 0;
        for (double value : lean) {
            positive += value > CLEAR_LEAN ? 1 : 0;
            negative += value < -CLEAR_LEAN ? 1 : 0;
            magnitude += Math.abs(value);
        }
        double n = lean.length;
        return 4 * (positive / n) * (negative / n) * (magnitude / n);
    }

    static double correlation(double[] a, double[] b) {
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < a.length; i++) {
            meanA += a[i] / a.length;
            meanB += b[i] / b.length;
        }
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - meanA) * (b[i] - meanB);
            varA += (a[i] - meanA) * (a[i] - meanA);
            varB += (b[i] - meanB) * (b[i] - meanB);
        }
        return varA == 0 || varB == 0 ? 0 : cov / Math.sqrt(varA * varB);
    }

    private static final Set<String> STOPWORDS = Set.of(
            "the", "and", "for", "that", "this", "with", "you", "your", "are", "was", "were", "but", "not", "have",
            "has", "had", "can", "will", "would", "could", "should", "its", "it's", "they", "them", "their", "there",
            "then", "than", "from", "into", "about", "also", "just", "some", "any", "all", "more", "most", "such",
            "very", "what", "when", "where", "which", "who", "how", "why", "our", "out", "one", "may", "might", "been",
            "being", "is", "be", "to", "of", "in", "on", "a", "an", "as", "at", "by", "or", "if", "so", "do", "does",
            "did", "these", "those", "here", "each", "other", "over", "only", "own", "same", "too", "up", "down");

    /** The word features of a text, as the miner names them (its statements' {@link Statement#feature()}). */
    public static Set<String> featureNames(String text) {
        return stems(text, new HashMap<>());
    }

    /** Lower-cased words of three letters or more, plural "s" folded, stopwords dropped. */
    static Set<String> stems(String text, Map<String, Map<String, Integer>> surfaces) {
        Set<String> stems = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z']+")) {
            String clean = word.replaceAll("^'+|'+$", "");
            if (clean.length() < 3 || STOPWORDS.contains(clean)) {
                continue;
            }
            String stem = clean.endsWith("s") && !clean.endsWith("ss") && clean.length() > 3
                    ? clean.substring(0, clean.length() - 1) : clean;
            stem = stem.replace("'", "");
            if (stems.add(stem)) {
                surfaces.computeIfAbsent(stem, s -> new LinkedHashMap<>()).merge(clean, 1, Integer::sum);
            }
        }
        return stems;
    }

    /** The most frequent written form of a stem (ties: alphabetical), so statements read naturally. */
    private static String surface(Map<String, Integer> forms) {
        return forms.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElseThrow();
    }
}
