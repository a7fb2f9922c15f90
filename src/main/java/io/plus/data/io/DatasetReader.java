package io.plus.data.io;

import io.plus.data.ContextItem;
import io.plus.data.Dataset;
import io.plus.data.GroundTruth;
import io.plus.data.PairTruth;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.data.UserTruth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a dataset directory written in the documented format (src/site/markdown/dataset-format.md). Reading is
 * all-or-nothing: every bad or partial record in either file is collected and thrown together as
 * a {@link DatasetFormatException}; no record is ever silently dropped.
 */
public final class DatasetReader {
    private static final Set<String> PAIR_FIELDS =
            Set.of("kind", "id", "user", "prompt", "chosen", "rejected", "topic", "split");
    private static final Set<String> CONTEXT_FIELDS = Set.of("kind", "id", "user", "text", "source");
    private static final Set<String> USER_TRUTH_FIELDS = Set.of("kind", "user", "type", "latent");
    private static final Set<String> PAIR_TRUTH_FIELDS = Set.of("kind", "id", "controversial", "pChosen");

    private DatasetReader() {
    }

    /** Observable data and, if {@code truth.jsonl} exists, the hidden truth (Oracle/evaluator only). */
    public static Dataset read(Path dir, String name) throws IOException {
        return read(dir, name, true);
    }

    /** Observable data only: what a learned method may load. */
    public static Dataset readObservable(Path dir, String name) throws IOException {
        return read(dir, name, false);
    }

    private static Dataset read(Path dir, String name, boolean withTruth) throws IOException {
        Path pairsFile = dir.resolve(DatasetJson.PAIRS_FILE);
        if (!Files.isRegularFile(pairsFile)) {
            throw new DatasetFormatException(pairsFile + ": missing (a dataset directory needs "
                    + DatasetJson.PAIRS_FILE + ")");
        }
        Problems problems = new Problems();
        List<PreferencePair> pairs = new ArrayList<>();
        List<ContextItem> items = new ArrayList<>();
        readPairsFile(pairsFile, problems, pairs, items);
        GroundTruth truth = GroundTruth.NONE;
        Path truthFile = dir.resolve(DatasetJson.TRUTH_FILE);
        if (withTruth && Files.isRegularFile(truthFile)) {
            truth = readTruthFile(truthFile, problems, pairs, items);
        }
        problems.throwIfAny();
        return new Dataset(name, pairs, items, truth);
    }

    private static void readPairsFile(Path file, Problems problems, List<PreferencePair> pairs,
                                      List<ContextItem> items) throws IOException {
        Map<String, Integer> idLines = new HashMap<>(); // ids are unique across pairs and context items
        for (JsonLine l : JsonlFiles.read(file, problems)) {
            String kind = l.text("kind");
            if (DatasetJson.KIND_PAIR.equals(kind)) {
                PreferencePair p = pair(l, idLines);
                if (p != null) {
                    pairs.add(p);
                }
            } else if (DatasetJson.KIND_CONTEXT.equals(kind)) {
                ContextItem c = context(l, idLines);
                if (c != null) {
                    items.add(c);
                }
            } else if (kind != null) {
                l.problem("unknown kind '" + kind + "' (expected pair or context)");
            }
        }
    }

    private static PreferencePair pair(JsonLine l, Map<String, Integer> idLines) {
        l.allowOnly(PAIR_FIELDS);
        String id = uniqueId(l, "id", idLines);
        String user = l.key("user");
        String prompt = l.text("prompt");
        String chosen = l.text("chosen");
        String rejected = l.text("rejected");
        String topic = l.optionalText("topic");
        Split split = split(l, l.optionalText("split"));
        if (chosen != null && chosen.equals(rejected)) {
            l.problem("chosen equals rejected");
        }
        return l.hasProblems() ? null : new PreferencePair(id, user, prompt, chosen, rejected, topic, split);
    }

    /** Parses an optional split wire name (absent means train); null and a problem if unknown. */
    public static Split split(JsonLine l, String wireName) {
        if (wireName == null) {
            return Split.TRAIN;
        }
        try {
            return Split.fromWireName(wireName);
        } catch (IllegalArgumentException e) {
            l.problem(e.getMessage());
            return null;
        }
    }

    private static ContextItem context(JsonLine l, Map<String, Integer> idLines) {
        l.allowOnly(CONTEXT_FIELDS);
        String id = uniqueId(l, "id", idLines);
        String user = l.key("user");
        String text = l.text("text");
        String sourceName = l.text("source");
        ContextItem.Source source = sourceName == null ? null : DatasetJson.sourceFromWireName(sourceName);
        if (sourceName != null && source == null) {
            l.problem("unknown source '" + sourceName + "' (expected conversation or self_description)");
        }
        return l.hasProblems() ? null : new ContextItem(id, user, text, source);
    }

    private static String uniqueId(JsonLine l, String field, Map<String, Integer> seen) {
        String id = l.text(field);
        if (id != null) {
            Integer first = seen.putIfAbsent(id, l.line());
            if (first != null) {
                l.problem("duplicate " + field + " '" + id + "' (first on line " + first + ")");
            }
        }
        return id;
    }

    private static GroundTruth readTruthFile(Path file, Problems problems, List<PreferencePair> pairs,
                                             List<ContextItem> items) throws IOException {
        Set<String> pairIds = new HashSet<>();
        Set<String> users = new HashSet<>();
        pairs.forEach(p -> {
            pairIds.add(p.id());
            users.add(p.user());
        });
        items.forEach(c -> users.add(c.user()));
        Map<String, UserTruth> userTruths = new LinkedHashMap<>();
        Map<String, PairTruth> pairTruths = new LinkedHashMap<>();
        Map<String, Integer> userLines = new HashMap<>();
        Map<String, Integer> pairLines = new HashMap<>();
        for (JsonLine l : JsonlFiles.read(file, problems)) {
            String kind = l.text("kind");
            if (DatasetJson.KIND_USER.equals(kind)) {
                l.allowOnly(USER_TRUTH_FIELDS);
                String user = uniqueId(l, "user", userLines);
                String type = l.text("type");
                double[] latent = l.numbers("latent");
                if (user != null && !users.contains(user)) {
                    l.problem("user '" + user + "' has no pairs or context items in " + DatasetJson.PAIRS_FILE);
                }
                if (!l.hasProblems()) {
                    userTruths.put(user, new UserTruth(user, type, latent));
                }
            } else if (DatasetJson.KIND_PAIR.equals(kind)) {
                l.allowOnly(PAIR_TRUTH_FIELDS);
                String id = uniqueId(l, "id", pairLines);
                Boolean controversial = l.bool("controversial");
                Double pChosen = l.number("pChosen");
                if (pChosen != null && !(pChosen >= 0 && pChosen <= 1)) {
                    l.problem("pChosen must be in [0, 1], was " + pChosen);
                }
                if (id != null && !pairIds.contains(id)) {
                    l.problem("pair '" + id + "' is not in " + DatasetJson.PAIRS_FILE);
                }
                if (!l.hasProblems()) {
                    pairTruths.put(id, new PairTruth(id, controversial, pChosen));
                }
            } else if (kind != null) {
                l.problem("unknown kind '" + kind + "' (expected user or pair)");
            }
        }
        return new GroundTruth(userTruths, pairTruths);
    }
}
