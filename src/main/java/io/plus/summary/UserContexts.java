package io.plus.summary;

import io.plus.data.ContextItem;
import io.plus.data.Dataset;
import io.plus.encoder.TextEncoder;
import io.plus.data.PreferencePair;
import io.plus.methods.ContextEncoder;
import io.plus.methods.EmbeddingTable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds what the summarizer reads for every user of a dataset who has context. */
public final class UserContexts {
    private UserContexts() {
    }

    /** What the summarizer reads for one user, from their newest feedback (serving: no dataset). */
    public static UserContext of(List<PreferencePair> contextPairs, List<ContextItem> items, TextEncoder encoder,
                                 StatementBank bank) {
        List<String> texts = new java.util.ArrayList<>();
        for (PreferencePair pair : contextPairs) {
            texts.add(pair.prompt());
            texts.add(pair.chosen());
            texts.add(pair.rejected());
        }
        items.forEach(item -> texts.add(item.text()));
        EmbeddingTable embeddings = EmbeddingTable.embed(texts, encoder);
        ContextEncoder.Encoding encoding = ContextEncoder.encode(contextPairs, items, embeddings);
        return new UserContext(encoding.concatenated(),
                StatementEvidence.of(bank, contextPairs, encoding.preferenceDirection()), embedded(contextPairs, embeddings));
    }

    public static Map<String, UserContext> of(Dataset visible, EmbeddingTable embeddings, StatementBank bank) {
        Map<String, List<PreferencePair>> contextPairs = visible.contextPairsByUser();
        Map<String, UserContext> out = new LinkedHashMap<>();
        ContextEncoder.encodeAll(visible, embeddings).forEach((user, encoding) -> {
            List<PreferencePair> pairs = contextPairs.getOrDefault(user, List.of());
            out.put(user, new UserContext(encoding.concatenated(),
                    StatementEvidence.of(bank, pairs, encoding.preferenceDirection()), embedded(pairs, embeddings)));
        });
        return out;
    }

    private static List<UserContext.Pair> embedded(List<PreferencePair> pairs, EmbeddingTable embeddings) {
        return pairs.stream().map(pair -> new UserContext.Pair(embeddings.of(pair.prompt()),
                embeddings.of(pair.chosen()), embeddings.of(pair.rejected()))).toList();
    }
}
