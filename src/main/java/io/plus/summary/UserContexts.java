package io.plus.summary;

import io.plus.data.Dataset;
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

    public static Map<String, UserContext> of(Dataset visible, EmbeddingTable embeddings, StatementBank bank) {
        Map<String, List<PreferencePair>> contextPairs = visible.contextPairsByUser();
        Map<String, UserContext> out = new LinkedHashMap<>();
        ContextEncoder.encodeAll(visible, embeddings).forEach((user, encoding) -> out.put(user,
                new UserContext(encoding.concatenated(),
                        StatementMiner.evidence(bank, contextPairs.getOrDefault(user, List.of())))));
        return out;
    }
}
