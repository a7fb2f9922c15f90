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
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds a dataset from the DSP file (domain-specific preference: a JSON list of
 * {@code {"query": ..., "responses": {"academy", "business", "entertainment", "literature", "normal"}}}).
 * Each of the four domains is a user type that prefers answers in its own style. Queries are
 * shuffled (seeded) and dealt out so that no two users share a query. For each query of a user,
 * its own domain's answer is chosen against each of the other four answers. Per user the first
 * {@code contextPairsPerUser} queries give one context pair each (the other pairs of those queries
 * are not used, so no scored pair shares a query with the context); the remaining queries go
 * about {@code trainFraction} to TRAIN and the rest to TEST_SEEN_USERS for seen users, all to
 * TEST_UNSEEN_USERS for unseen users. A pair is controversial when the rejected answer is another
 * domain's (that domain's users would choose it), not when it is the plain "normal" answer.
 * A malformed file fails with every problem as {@code file:line: entry N: reason}; a pair whose
 * two answers are blank or identical states no preference and is skipped and listed by
 * {@link #loadWithReport}.
 */
public final class DspLoader {
    public static final List<String> DOMAINS = List.of("academy", "business", "entertainment", "literature");
    public static final String NORMAL = "normal";

    public record Config(long seed, int seenUsersPerType, int unseenUsersPerType, int contextPairsPerUser,
                         double trainFraction) {
        public Config {
            if (seenUsersPerType < 1 || unseenUsersPerType < 1 || contextPairsPerUser < 0
                    || !(trainFraction > 0 && trainFraction < 1)) {
                throw new IllegalArgumentException("bad dsp config " + this);
            }
        }

        /** 12 seen and 4 unseen users per domain, 3 context pairs, 80/20 train/test by query. */
        public static Config defaults(long seed) {
            return new Config(seed, 12, 4, 3, 0.8);
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
        List<Entry> entries = parse(file);
        Random rng = new Random(config.seed());
        int types = DOMAINS.size();
        int users = types * (config.seenUsersPerType() + config.unseenUsersPerType());
        int perUser = entries.size() / users;
        if (perUser < config.contextPairsPerUser() + 1) {
            throw new DatasetFormatException(name + ": " + entries.size() + " queries are too few for " + users
                    + " users with " + config.contextPairsPerUser() + " context queries and one more each");
        }
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
        List<Entry> queries = new ArrayList<>(entries);
        Collections.shuffle(queries, rng);
        List<PreferencePair> pairs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, PairTruth> pairTruths = new LinkedHashMap<>();
        Map<String, UserTruth> userTruths = new LinkedHashMap<>();
        int seenUsers = types * config.seenUsersPerType();
        for (int u = 0; u < users; u++) {
            String user = String.format("u%03d", u);
            String domain = DOMAINS.get(slots.get(u));
            double[] latent = new double[types];
            latent[slots.get(u)] = 1;
            userTruths.put(user, new UserTruth(user, domain, latent));
            List<String> others = new ArrayList<>(DOMAINS);
            others.remove(domain);
            others.add(NORMAL);
            List<Entry> mine = new ArrayList<>();
            for (int q = u; q < queries.size(); q += users) { // dealt out: disjoint across users
                mine.add(queries.get(q));
            }
            // context queries come first and must offer at least one comparable pair
            int ctx = 0;
            for (int q = 0; q < mine.size() && ctx < config.contextPairsPerUser(); q++) {
                Entry e = mine.get(q);
                if (others.stream().anyMatch(o -> e.comparable(domain, o))) {
                    mine.add(ctx++, mine.remove(q));
                }
            }
            int rest = mine.size() - ctx;
            int train = u < seenUsers ? (int) Math.round(rest * config.trainFraction()) : 0;
            for (int q = 0; q < mine.size(); q++) {
                Entry e = mine.get(q);
                List<String> rejected = others;
                if (q < ctx) {
                    List<String> ok = others.stream().filter(o -> e.comparable(domain, o)).toList();
                    rejected = List.of(ok.get(rng.nextInt(ok.size())));
                }
                Split split = q < ctx ? Split.CONTEXT
                        : u >= seenUsers ? Split.TEST_UNSEEN_USERS
                        : q < ctx + train ? Split.TRAIN : Split.TEST_SEEN_USERS;
                for (String other : rejected) {
                    if (!e.comparable(domain, other)) {
                        skipped.add(name + ": entry " + e.index() + ": " + domain + " vs " + other
                                + " answers are blank or identical; pair skipped");
                        continue;
                    }
                    String id = String.format("dsp-%05d", pairs.size() + 1);
                    pairs.add(new PreferencePair(id, user, e.query(), e.responses().get(domain),
                            e.responses().get(other), null, split));
                    pairTruths.put(id, new PairTruth(id, !other.equals(NORMAL), 1.0));
                }
            }
        }
        return new Loaded(new Dataset("dsp", pairs, List.of(), new GroundTruth(userTruths, pairTruths)), skipped);
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
