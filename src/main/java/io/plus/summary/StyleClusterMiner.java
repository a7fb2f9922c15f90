package io.plus.summary;

import io.plus.data.Dataset;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.encoder.Vectors;
import io.plus.methods.EmbeddingTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Mines style statements where single words fall short: users whose choices move in the same
 * direction of the embedding space (mean of chosen minus rejected response) are grouped by
 * spherical k-means, and each group becomes one statement, named by the words its users lean to
 * most compared with everyone else. A writing style (scholarly, businesslike, playful, literary)
 * shows in many words at once, none of which divides users strongly on its own, so the lexical
 * {@link StatementMiner} cannot find it; the direction can. Hidden labels are never read.
 * <p>
 * It deliberately asks for more groups than there may be user types (one per
 * {@code usersPerCluster} users, at most {@code maxClusters}): one statement for two styles would
 * make their users indistinguishable, while two groups of one style are recognisable by their names
 * and merged back.
 */
public final class StyleClusterMiner {
    /** The feature all style statements share: a summary names at most one style. */
    public static final String STYLE_FEATURE = "#style";
    /** A style statement's id is this prefix and the word stems it is named by, sorted, comma-separated. */
    private static final String ID_PREFIX = "style:";
    private static final int NAME_WORDS = 3;
    /**
     * A word names a style only when the group leans to it at least this share as much as to its
     * best word: pets' dog lovers lean to "dog" by about 1 and to "give" and "day" by a few
     * hundredths, and naming those says nothing true about them.
     */
    private static final double NAME_SHARE = 0.5;
    private static final int RESTARTS = 10;
    private static final int ROUNDS = 50;

    private final int maxClusters;
    private final int usersPerCluster;
    private final long seed;

    public StyleClusterMiner(int maxClusters, int usersPerCluster, long seed) {
        if (maxClusters < 2 || usersPerCluster < 1) {
            throw new IllegalArgumentException("need maxClusters >= 2 and usersPerCluster >= 1");
        }
        this.maxClusters = maxClusters;
        this.usersPerCluster = usersPerCluster;
        this.seed = seed;
    }

    public static StyleClusterMiner defaults(long seed) {
        return new StyleClusterMiner(8, 6, seed);
    }

    /** The style statements of {@code visible}; empty when there are too few training users to group. */
    public List<Statement> mine(Dataset visible, EmbeddingTable embeddings) {
        StatementMiner.LeanTable leans = StatementMiner.defaults().leans(visible);
        List<String> users = leans.users();
        int k = Math.min(maxClusters, users.size() / usersPerCluster);
        if (k < 2) {
            return List.of();
        }
        float[][] directions = directions(visible, users, embeddings);
        int[] cluster = mergeNamesakes(leans, cluster(directions, k, new Random(seed)), k);
        // groups that come out with the same name are one style: their directions are pooled
        Map<String, float[]> byName = new LinkedHashMap<>();
        Map<String, List<String>> wordsByName = new HashMap<>();
        for (int c = 0; c < k; c++) {
            List<StatementMiner.Feature> named = name(leans, cluster, c);
            if (named.isEmpty()) {
                continue;
            }
            List<String> words = named.stream().map(StatementMiner.Feature::label).toList();
            String key = String.join(",", named.stream().map(StatementMiner.Feature::key).sorted().toList());
            float[] pooled = byName.computeIfAbsent(key, n -> new float[embeddings.dimension()]);
            for (int u = 0; u < users.size(); u++) {
                if (cluster[u] == c) {
                    add(pooled, directions[u]);
                }
            }
            wordsByName.putIfAbsent(key, words);
        }
        List<Statement> statements = new ArrayList<>();
        for (Map.Entry<String, float[]> entry : byName.entrySet()) {
            List<String> quoted = wordsByName.get(entry.getKey()).stream().map(word -> "'" + word + "'").toList();
            String label = StatementMiner.joinLabel(quoted);
            List<String> phrasings = Phrasings.fill(Phrasings.STYLE_TRAIN, label);
            statements.add(new Statement(ID_PREFIX + entry.getKey(), phrasings.get(0), phrasings,
                    Phrasings.fill(Phrasings.STYLE_HELD_OUT, label), "mined", STYLE_FEATURE, 1,
                    Vectors.normalize(entry.getValue())));
        }
        return statements;
    }

    /**
     * Groups named by mostly the same words (all but one in common) are one style split in two by
     * the deliberate over-clustering; they are merged (transitively) before naming, so their users'
     * evidence is not divided between near-identical statements.
     */
    private static int[] mergeNamesakes(StatementMiner.LeanTable leans, int[] cluster, int k) {
        List<List<String>> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add(name(leans, cluster, c).stream().map(StatementMiner.Feature::key).toList());
        }
        int[] root = new int[k];
        for (int c = 0; c < k; c++) {
            root[c] = c;
        }
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                int shared = shared(names.get(a), names.get(b));
                if (shared >= 1 && shared >= Math.max(names.get(a).size(), names.get(b).size()) - 1) {
                    root[find(root, b)] = find(root, a);
                }
            }
        }
        int[] merged = new int[cluster.length];
        for (int u = 0; u < cluster.length; u++) {
            merged[u] = find(root, cluster[u]);
        }
        return merged;
    }

    private static int shared(List<String> a, List<String> b) {
        return (int) a.stream().filter(b::contains).count();
    }

    private static int find(int[] root, int c) {
        while (root[c] != c) {
            c = root[c];
        }
        return c;
    }

    /** Each user's unit preference direction over their training and context pairs. */
    private static float[][] directions(Dataset visible, List<String> users, EmbeddingTable embeddings) {
        Map<String, Integer> index = new HashMap<>();
        for (int u = 0; u < users.size(); u++) {
            index.put(users.get(u), u);
        }
        float[][] directions = new float[users.size()][embeddings.dimension()];
        for (PreferencePair pair : visible.pairs()) {
            Integer u = index.get(pair.user());
            if (u != null && (pair.split() == Split.TRAIN || pair.split() == Split.CONTEXT)) {
                float[] chosen = embeddings.of(pair.chosen());
                float[] rejected = embeddings.of(pair.rejected());
                for (int i = 0; i < chosen.length; i++) {
                    directions[u][i] += chosen[i] - rejected[i];
                }
            }
        }
        for (float[] direction : directions) {
            Vectors.normalize(direction);
        }
        return directions;
    }

    /** Spherical k-means with k-means++ starts; the restart whose users sit closest to their centres wins. */
    static int[] cluster(float[][] points, int k, Random random) {
        int[] best = null;
        double bestFit = Double.NEGATIVE_INFINITY;
        for (int restart = 0; restart < RESTARTS; restart++) {
            float[][] centres = seeds(points, k, random);
            int[] assigned = assign(points, centres);
            for (int round = 0; round < ROUNDS; round++) {
                centres = centres(points, assigned, centres);
                int[] next = assign(points, centres);
                if (Arrays.equals(next, assigned)) {
                    break;
                }
                assigned = next;
            }
            double fit = 0;
            for (int p = 0; p < points.length; p++) {
                fit += Vectors.dot(points[p], centres[assigned[p]]);
            }
            if (fit > bestFit) {
                bestFit = fit;
                best = assigned;
            }
        }
        return best;
    }

    private static float[][] seeds(float[][] points, int k, Random random) {
        float[][] centres = new float[k][];
        centres[0] = points[random.nextInt(points.length)];
        double[] weight = new double[points.length];
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int p = 0; p < points.length; p++) {
                double nearest = Double.MAX_VALUE;
                for (int j = 0; j < c; j++) {
                    nearest = Math.min(nearest, 1 - Vectors.dot(points[p], centres[j]));
                }
                weight[p] = nearest * nearest;
                total += weight[p];
            }
            double draw = random.nextDouble() * total;
            int pick = points.length - 1;
            for (int p = 0; p < points.length; p++) {
                draw -= weight[p];
                if (draw <= 0) {
                    pick = p;
                    break;
                }
            }
            centres[c] = points[pick];
        }
        return centres;
    }

    private static int[] assign(float[][] points, float[][] centres) {
        int[] assigned = new int[points.length];
        for (int p = 0; p < points.length; p++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < centres.length; c++) {
                double similarity = Vectors.dot(points[p], centres[c]);
                if (similarity > best) {
                    best = similarity;
                    assigned[p] = c;
                }
            }
        }
        return assigned;
    }

    private static float[][] centres(float[][] points, int[] assigned, float[][] previous) {
        float[][] sums = new float[previous.length][points[0].length];
        int[] counts = new int[previous.length];
        for (int p = 0; p < points.length; p++) {
            add(sums[assigned[p]], points[p]);
            counts[assigned[p]]++;
        }
        for (int c = 0; c < sums.length; c++) {
            sums[c] = counts[c] == 0 ? previous[c] : Vectors.normalize(sums[c]); // an emptied centre stays put
        }
        return sums;
    }

    /** The word stems a style statement is named by (empty for any other statement). */
    public static List<String> namedStems(Statement statement) {
        if (!STYLE_FEATURE.equals(statement.feature()) || !statement.id().startsWith(ID_PREFIX)) {
            return List.of();
        }
        return List.of(statement.id().substring(ID_PREFIX.length()).split(","));
    }

    /**
     * The words this group leans to itself and most compared with everyone else (none if it leans
     * to nothing).
     */
    private static List<StatementMiner.Feature> name(StatementMiner.LeanTable leans, int[] cluster, int c) {
        record Scored(StatementMiner.Feature feature, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (StatementMiner.Feature feature : leans.candidates()) {
            if (feature.key().equals(StatementMiner.LENGTH_KEY)) {
                continue;
            }
            double inside = 0;
            double outside = 0;
            int in = 0;
            for (int u = 0; u < cluster.length; u++) {
                if (cluster[u] == c) {
                    inside += feature.leanByUser()[u];
                    in++;
                } else {
                    outside += feature.leanByUser()[u];
                }
            }
            int out = cluster.length - in;
            if (in == 0 || out == 0) {
                return List.of();
            }
            double score = inside / in - outside / out;
            // the group must itself lean clearly to the word, not merely less against it than the
            // others: beside formal users, who avoid "sure" and "deal", every other group leans to
            // casual wording by comparison, and concise users came out "'deal', 'here's' and 'sure'"
            if (score > 0 && inside / in > StatementMiner.CLEAR_LEAN) {
                scored.add(new Scored(feature, score));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.feature().key()));
        double floor = scored.isEmpty() ? 0 : NAME_SHARE * scored.get(0).score();
        return scored.stream().filter(s -> s.score() >= floor).limit(NAME_WORDS).map(Scored::feature).toList();
    }

    private static void add(float[] sum, float[] vector) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += vector[i];
        }
    }
}
