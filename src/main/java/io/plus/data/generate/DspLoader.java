package io.plus.data.generate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.plus.data.Dataset;
import io.plus.data.GroundTruth;
import io.plus.data.PairTruth;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.data.UserTruth;
import io.plus.data.io.DatasetFormatException;
import io.plus.data.io.JsonlFiles;
import io.plus.data.io.Problems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds a dataset from the DSP file (domain-specific preference: a JSON list of
 * {@code {"query": ..., "responses": {"academy", "business", "entertainment", "literature", "normal"}}}).
 * Each of the four domains is a user type that prefers answers in its own style: for a query of a
 * user, its own domain's answer is chosen against each of the other four answers. A pair is
 * controversial when the rejected answer is another domain's (that domain's users would choose
 * it), not when it is the plain "normal" answer.
 * <p>
 * Queries are shuffled (seeded) and split once: a {@code testFraction} of them are test queries,
 * never seen in training or in any context. Every user draws its own queries from the pools
 * (users share queries, as real users share prompts: the same pair with opposite labels for two
 * domains is what a personalised model must resolve): {@code contextQueriesPerUser} context
 * queries from the training pool, each with all its pairs (the user's whole choice on that query:
 * with one pair per query, the nearest style direction named the domain of 63% of unseen users
 * from their context, with the whole choice 75% — seed 1, MiniLM); seen users also {@code trainQueriesPerUser} other training queries (TRAIN); every
 * user {@code testQueriesPerUser} test queries (TEST_SEEN_USERS or TEST_UNSEEN_USERS).
 * A malformed file fails with every problem as {@code file:line: entry N: reason}; a pair whose
 * two answers are blank or identical states no preference and is skipped and listed by
 * {@link #loadWithReport}.
 */
public final class DspLoader {
    public static final List<String> DOMAINS = List.of("academy", "business", "entertainment", "literature");
    public static final String NORMAL = "normal";

    public record Config(long seed, int seenUsersPerType, int unseenUsersPerType, int contextQueriesPerUser,
                         int trainQueriesPerUser, int testQueriesPerUser, double testFraction,
                         int unseenContextQueriesPerUser) {
        public Config {
            if (seenUsersPerType < 1 || unseenUsersPerType < 1 || contextQueriesPerUser < 0 || trainQueriesPerUser < 1
                    || testQueriesPerUser < 1 || !(testFraction > 0 && testFraction < 1)
                    || unseenContextQueriesPerUser < 0) {
                throw new IllegalArgumentException("bad dsp config " + this);
            }
        }

        /** Unseen users get as many context queries as seen users. */
        public Config(long seed, int seenUsersPerType, int unseenUsersPerType, int contextQueriesPerUser,
                      int trainQueriesPerUser, int testQueriesPerUser, double testFraction) {
            this(seed, seenUsersPerType, unseenUsersPerType, contextQueriesPerUser, trainQueriesPerUser,
                    testQueriesPerUser, testFraction, contextQueriesPerUser);
        }

        /**
         * Unseen users get {@code queries} context queries if that is more; the extra ones are added
         * after every other pair, so the rest of the dataset is the same as without them.
         */
        public Config withUnseenContextQueries(int queries) {
            return new Config(seed, seenUsersPerType, unseenUsersPerType, contextQueriesPerUser, trainQueriesPerUser,
                    testQueriesPerUser, testFraction, queries);
        }

        /**
         * 12 seen and 4 unseen users per domain, 3 context pairs, 40 training and 12 test queries
         * per user (160 and 48 pairs), a fifth of the queries kept for testing. Fewer training queries
         * starve the reward models: with 24 the Oracle fell from 71% to 67% (unseen users, all pairs).
         */
        public static Config defaults(long seed) {
            return new Config(seed, 12, 4, 3, 40, 12, 0.2);
        }
    }

    private record Entry(int index, String query, Map<String, String> responses) {
        /** A pair expresses a preference only when both answers exist and differ. */
        boolean comparable(String own, String other) {
            String a = responses.get(own);
            String b = responses.get(other);
            return !a.isBlank() && !b.isBlank() && !a.equals(b);
        }
    }

    /** The dataset and the pairs left out because their two answers were blank or identical. */
    public record Loaded(Dataset dataset, List<String> skipped) {
        public Loaded {
            skipped = List.copyOf(skipped);
        }
    }

    private DspLoader() {
    }

    public static Dataset load(Path file, Config config) throws IOException {
        return loadWithReport(file, config).dataset();
    }

    /**
     * Like {@link #load}, also listing skipped pairs. The real file has entries whose answers
     * coincide (short factual answers) or are blank; such a pair states no preference, so it is
     * left out and named in {@link Loaded#skipped()} rather than stored with chosen == rejected.
     */
    public static Loaded loadWithReport(Path file, Config config) throws IOException {
        String name = file.getFileName().toString();
        List<Entry> queries = new ArrayList<>(parse(file));
        Random rng = new Random(config.seed());
        Collections.shuffle(queries, rng);
        int testQueries = (int) Math.round(queries.size() * config.testFraction());
        List<Entry> testPool = queries.subList(0, testQueries);
        List<Entry> trainPool = queries.subList(testQueries, queries.size());
        if (testPool.size() < config.testQueriesPerUser()
                || trainPool.size() < config.contextQueriesPerUser() + config.trainQueriesPerUser()
                || trainPool.size() < config.unseenContextQueriesPerUser()) {
            throw new DatasetFormatException(name + ": " + queries.size() + " queries are too few: each user needs "
                    + config.contextQueriesPerUser() + " context and " + config.trainQueriesPerUser()
                    + " training queries from the " + trainPool.size() + " training queries and "
                    + config.testQueriesPerUser() + " test queries from the " + testPool.size() + " test queries"
                    + (config.unseenContextQueriesPerUser() > config.contextQueriesPerUser() ? ", and each unseen user "
                    + config.unseenContextQueriesPerUser() + " context queries from the training queries" : ""));
        }
        int types = DOMAINS.size();
        int users = types * (config.seenUsersPerType() + config.unseenUsersPerType());
        List<Integer> slots = new ArrayList<>();
        for (int group = 0; group < 2; group++) { // seen users first, then unseen
            int perType = group == 0 ? config.seenUsersPerType() : config.unseenUsersPerType();
            List<Integer> g = new ArrayList<>();
            for (int t = 0; t < types; t++) {
                g.addAll(Collections.nCopies(perType, t));
            }
            Collections.shuffle(g, rng); // ids say nothing about domains
            slots.addAll(g);
        }
        PairSink sink = new PairSink(name);
        List<ExtraContext> extraContext = new ArrayList<>();
        Map<String, UserTruth> userTruths = new LinkedHashMap<>();
        int seenUsers = types * config.seenUsersPerType();
        for (int u = 0; u < users; u++) {
            String user = String.format("u%03d", u);
            String domain = DOMAINS.get(slots.get(u));
            boolean seen = u < seenUsers;
            double[] latent = new double[types];
            latent[slots.get(u)] = 1;
            userTruths.put(user, new UserTruth(user, domain, latent));
            List<String> others = new ArrayList<>(DOMAINS);
            others.remove(domain);
            others.add(NORMAL);
            List<Entry> fromTrainPool = new ArrayList<>(trainPool);
            Collections.shuffle(fromTrainPool, rng);
            List<Entry> fromTestPool = new ArrayList<>(testPool);
            Collections.shuffle(fromTestPool, rng);
            // context queries come first and must offer at least one comparable pair
            int wanted = seen ? config.contextQueriesPerUser()
                    : Math.max(config.contextQueriesPerUser(), config.unseenContextQueriesPerUser());
            int found = 0;
            for (int q = 0; q < fromTrainPool.size() && found < wanted; q++) {
                Entry e = fromTrainPool.get(q);
                if (others.stream().anyMatch(o -> e.comparable(domain, o))) {
                    fromTrainPool.add(found++, fromTrainPool.remove(q));
                }
            }
            int ctx = Math.min(found, config.contextQueriesPerUser());
            for (int q = 0; q < ctx; q++) {
                Entry e = fromTrainPool.get(q);
                sink.add(user, domain, e, others, Split.CONTEXT);
            }
            if (!seen) {
                extraContext.add(new ExtraContext(user, domain, others, List.copyOf(fromTrainPool.subList(ctx, found))));
            }
            if (seen) {
                for (Entry e : fromTrainPool.subList(ctx, ctx + config.trainQueriesPerUser())) {
                    sink.add(user, domain, e, others, Split.TRAIN);
                }
            }
            for (Entry e : fromTestPool.subList(0, config.testQueriesPerUser())) {
                sink.add(user, domain, e, others, seen ? Split.TEST_SEEN_USERS : Split.TEST_UNSEEN_USERS);
            }
        }
        for (ExtraContext extra : extraContext) { // last: the pairs before are as without them
            for (Entry e : extra.queries()) {
                sink.add(extra.user(), extra.domain(), e, extra.others(), Split.CONTEXT);
            }
        }
        return new Loaded(new Dataset("dsp", sink.pairs, List.of(), new GroundTruth(userTruths, sink.truths)),
                List.copyOf(sink.skipped));
    }

    /** Context queries of an unseen user beyond {@link Config#contextQueriesPerUser()}, added after all else. */
    private record ExtraContext(String user, String domain, List<String> others, List<Entry> queries) {
    }

    /** Collects the pairs with their truths, and the pairs that state no preference (each named once). */
    private static final class PairSink {
        private final String file;
        private final List<PreferencePair> pairs = new ArrayList<>();
        private final Map<String, PairTruth> truths = new LinkedHashMap<>();
        private final Set<String> skipped = new LinkedHashSet<>();

        PairSink(String file) {
            this.file = file;
        }

        /** The pairs of one query for one user: its domain's answer chosen over each of {@code rejected}. */
        void add(String user, String domain, Entry e, List<String> rejected, Split split) {
            for (String other : rejected) {
                if (!e.comparable(domain, other)) {
                    skipped.add(file + ": entry " + e.index() + ": " + domain + " vs " + other
                            + " answers are blank or identical; pair skipped");
                    continue;
                }
                String id = String.format("dsp-%05d", pairs.size() + 1);
                pairs.add(new PreferencePair(id, user, e.query(), e.responses().get(domain),
                        e.responses().get(other), null, split));
                truths.put(id, new PairTruth(id, !other.equals(NORMAL), 1.0));
            }
        }
    }

    /** Reads and checks every entry; all problems are reported together with file:line. */
    private static List<Entry> parse(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException(file + ": no such file");
        }
        Problems problems = new Problems();
        List<Entry> entries = new ArrayList<>();
        int skippedEntries = 0;
        try (JsonParser p = JsonlFiles.MAPPER.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new DatasetFormatException(name + ":1: expected a JSON list of {query, responses} objects");
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                // the file may be a single line, so the entry number locates a problem too
                int index = entries.size() + skippedEntries;
                String where = name + ":" + p.currentTokenLocation().getLineNr() + ": entry " + index;
                JsonNode node = JsonlFiles.MAPPER.readTree(p);
                Entry e = entry(node, index, where, problems);
                if (e != null) {
                    entries.add(e);
                } else {
                    skippedEntries++; // only to keep entry numbers right; the problems abort the load
                }
            }
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new DatasetFormatException(name + ":" + (loc == null ? "?" : loc.getLineNr())
                    + ": invalid JSON: " + e.getOriginalMessage());
        }
        problems.throwIfAny();
        if (entries.isEmpty()) {
            throw new DatasetFormatException(name + ": no entries");
        }
        return entries;
    }

    private static Entry entry(JsonNode node, int index, String where, Problems problems) {
        int before = problems.count();
        if (!node.isObject()) {
            problems.add(where + ": expected an object with query and responses");
            return null;
        }
        JsonNode q = node.get("query");
        if (q == null || !q.isTextual() || q.asText().isBlank()) {
            problems.add(where + ": " + (q == null ? "missing" : "blank or non-string") + " field 'query'");
        }
        JsonNode responses = node.get("responses");
        Map<String, String> texts = new LinkedHashMap<>();
        if (responses == null || !responses.isObject()) {
            problems.add(where + ": missing object 'responses'");
        } else {
            for (String key : allKeys()) {
                JsonNode v = responses.get(key);
                if (v == null || !v.isTextual()) { // blank answers are allowed: their pairs are skipped
                    problems.add(where + ": " + (v == null ? "missing" : "non-string") + " field 'responses." + key + "'");
                } else {
                    texts.put(key, v.asText());
                }
            }
        }
        return problems.count() > before ? null : new Entry(index, q.asText(), texts);
    }

    private static List<String> allKeys() {
        List<String> keys = new ArrayList<>(DOMAINS);
        keys.add(NORMAL);
        return keys;
    }
}
