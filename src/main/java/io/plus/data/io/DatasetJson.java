package io.plus.data.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plus.data.ContextItem;
import io.plus.data.PairTruth;
import io.plus.data.PreferencePair;
import io.plus.data.UserTruth;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The wire form of each record of the dataset format (see src/site/markdown/dataset-format.md): one JSON
 * object per line with a fixed field order, so the same record always yields the same bytes.
 */
public final class DatasetJson {
    public static final String PAIRS_FILE = "pairs.jsonl";
    public static final String TRUTH_FILE = "truth.jsonl";
    public static final String KIND_PAIR = "pair";
    public static final String KIND_CONTEXT = "context";
    public static final String KIND_USER = "user";

    private DatasetJson() {
    }

    public static String pairLine(PreferencePair p) {
        ObjectNode n = JsonlFiles.MAPPER.createObjectNode();
        n.put("kind", KIND_PAIR).put("id", p.id()).put("user", p.user()).put("prompt", p.prompt())
                .put("chosen", p.chosen()).put("rejected", p.rejected());
        if (p.topic() != null) {
            n.put("topic", p.topic());
        }
        n.put("split", p.split().wireName());
        return write(n);
    }

    public static String contextLine(ContextItem c) {
        ObjectNode n = JsonlFiles.MAPPER.createObjectNode();
        n.put("kind", KIND_CONTEXT).put("id", c.id()).put("user", c.user()).put("text", c.text())
                .put("source", sourceWireName(c.source()));
        return write(n);
    }

    public static String userTruthLine(UserTruth u) {
        ObjectNode n = JsonlFiles.MAPPER.createObjectNode();
        n.put("kind", KIND_USER).put("user", u.user()).put("type", u.type());
        ArrayNode latent = n.putArray("latent");
        Arrays.stream(u.latent()).forEach(latent::add);
        return write(n);
    }

    public static String pairTruthLine(PairTruth t) {
        ObjectNode n = JsonlFiles.MAPPER.createObjectNode();
        n.put("kind", KIND_PAIR).put("id", t.pairId()).put("controversial", t.controversial())
                .put("pChosen", t.pChosen());
        return write(n);
    }

    public static String sourceWireName(ContextItem.Source s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** The source for a wire name, or null when unknown. */
    public static ContextItem.Source sourceFromWireName(String name) {
        for (ContextItem.Source s : ContextItem.Source.values()) {
            if (sourceWireName(s).equals(name)) {
                return s;
            }
        }
        return null;
    }

    private static String write(ObjectNode n) {
        try {
            return JsonlFiles.MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // cannot happen for a tree of strings and numbers
        }
    }
}
