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

    private record Entry(String query, Map<String, String> responses) {
    }

    private DspLoader() {
    }

    public static Dataset load(Path file, Config config) throws IOException {
        List<Entry> entries = parse(file);
        Random rng = new Random(config.seed());
        int types = DOMAINS.size();
        int users = types * (config.seenUsersPerType() + config.unseenUsersPerType());
        int perUser = entries.size() / users;
        if (perUser < config.contextPairsPerUser() + 1) {
            throw new DatasetFormatException(file + ": " + entries.size() + " queries are too few for " + users
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
        Map<String, PairTruth> pairTruths = new LinkedHashMap<>();
        Map<String, UserTruth> userTruths = new LinkedHashMap<>();
        int seenUsers = types * config.seenUsersPerType();
        for (int u = 0; u < users; u++) {
            String user = String.format("u%03d", u);
            String domain = DOMAINS.get(slots.get(u));
            double[] latent = new double[types];
            latent[slots.get(u)] = 1;
            userTruths.put(user, new UserTruth(user, domain, latent));
            List<Entry> mine = new ArrayList<>();
            for (int q = u; q < queries.size(); q += users) { // dealt out: disjoint across users
                mine.add(queries.get(q));
            }
            int ctx = config.contextPairsPerUser();
            int rest = mine.size() - ctx;
            int train = u < seenUsers ? (int) Math.round(rest * config.trainFraction()) : 0;
            for (int q = 0; q < mine.size(); q++) {
                List<String> others = new ArrayList<>(DOMAINS);
                others.remove(domain);
                others.add(NORMAL);
                if (q < ctx) {
                    others = List.of(others.get(rng.nextInt(others.size())));
                }
                Split split = q < ctx ? Split.CONTEXT
                        : u >= seenUsers ? Split.TEST_UNSEEN_USERS
                        : q < ctx + train ? Split.TRAIN : Split.TEST_SEEN_USERS;
                Entry e = mine.get(q);
                for (String other : others) {
                    String id = String.format("dsp-%05d", pairs.size() + 1);
                    pairs.add(new PreferencePair(id, user, e.query(), e.responses().get(domain),
                            e.responses().get(other), null, split));
                    pairTruths.put(id, new PairTruth(id, !other.equals(NORMAL), 1.0));
                }
            }
        }
        return new Dataset("dsp", pairs, List.of(), new GroundTruth(userTruths, pairTruths));
    }

    /** Reads and checks every entry; all problems are reported together with file:line. */
    private static List<Entry> parse(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException(file + ": no such file");
        }
        Problems problems = new Problems();
        List<Entry> entries = new ArrayList<>();
        try (JsonParser p = JsonlFiles.MAPPER.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new DatasetFormatException(name + ":1: expected a JSON list of {query, responses} objects");
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                int line = p.currentTokenLocation().getLineNr();
                JsonNode node = JsonlFiles.MAPPER.readTree(p);
                Entry e = entry(node, name, line, problems);
                if (e != null) {
                    entries.add(e);
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

    private static Entry entry(JsonNode node, String file, int line, Problems problems) {
        int before = problems.count();
        if (!node.isObject()) {
            problems.add(file, line, "expected an object with query and responses");
            return null;
        }
        String query = text(node.get("query"), "query", file, line, problems);
        JsonNode responses = node.get("responses");
        Map<String, String> texts = new LinkedHashMap<>();
        if (responses == null || !responses.isObject()) {
            problems.add(file, line, "missing object 'responses'");
        } else {
            for (String key : allKeys()) {
                String t = text(responses.get(key), "responses." + key, file, line, problems);
                if (t != null && texts.containsValue(t)) {
                    problems.add(file, line, "responses." + key + " repeats another response");
                }
                texts.put(key, t);
            }
        }
        return problems.count() > before ? null : new Entry(query, texts);
    }

    private static List<String> allKeys() {
        List<String> keys = new ArrayList<>(DOMAINS);
        keys.add(NORMAL);
        return keys;
    }

    private static String text(JsonNode v, String field, String file, int line, Problems problems) {
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problems.add(file, line, (v == null ? "missing" : "blank or non-string") + " field '" + field + "'");
            return null;
        }
        return v.asText();
    }
}
