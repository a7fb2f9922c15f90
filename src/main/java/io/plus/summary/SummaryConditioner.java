package io.plus.summary;

import io.plus.encoder.TextEncoder;
import io.plus.data.Dataset;
import io.plus.methods.ContextConditioner;
import io.plus.methods.EmbeddingTable;
import io.plus.methods.UserConditioner;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Conditions a reward model on each user's summary: the summarizer writes it greedily from the
 * user's context, {@link SummaryCheck} weighs it against the user's labelled context, and the reward
 * model reads its text through the encoder ({@link SummaryEncoding}) — exactly as it would read a
 * summary a person wrote or edited.
 */
public final class SummaryConditioner implements ContextConditioner {
    private final PolicyNetwork policy;
    private final StatementBank bank;
    private final Map<String, UserContext> contexts;
    private final TextEncoder encoder;
    private final SummaryCheck check;
    private final Map<String, GeneratedSummary> summaries = new ConcurrentHashMap<>();
    private final Map<String, float[]> embeddings = new ConcurrentHashMap<>();

    /** A summary written for a user: its statements (bank ids) and its text. */
    public record GeneratedSummary(List<String> statementIds, String text) {
        public int words() {
            return SummaryText.wordCount(text);
        }
    }

    public SummaryConditioner(PolicyNetwork policy, StatementBank bank, Map<String, UserContext> contexts,
                              TextEncoder encoder, SummaryCheck check) {
        this.policy = policy;
        this.bank = bank;
        this.contexts = Map.copyOf(contexts);
        this.encoder = encoder;
        this.check = check;
    }

    /** The same summarizer, writing each user's summary from their context in {@code visible}. */
    @Override
    public SummaryConditioner bindContext(Dataset visible, EmbeddingTable embeddings) {
        return new SummaryConditioner(policy, bank, UserContexts.of(visible, embeddings, bank), encoder, check);
    }

    @Override
    public int dimension() {
        return encoder.dimension();
    }

    @Override
    public float[] conditioning(String user) {
        // scored once per pair during evaluation: embed each user's summary once
        return embeddings.computeIfAbsent(user, u -> SummaryEncoding.of(encoder, summary(u).text()));
    }

    /** The user's summary, written once from their context (empty context: the policy's prior). */
    public GeneratedSummary summary(String user) {
        return summaries.computeIfAbsent(user, u -> write(policy, bank, check, contexts.getOrDefault(u,
                emptyContext(encoder.dimension(), bank))));
    }

    /** The policy's most likely summary for a context, as {@code check} leaves it. */
    public static GeneratedSummary write(PolicyNetwork policy, StatementBank bank, SummaryCheck check,
                                         UserContext context) {
        List<Integer> chosen = check.refine(policy.greedy(context), context.pairs());
        return new GeneratedSummary(chosen.stream().map(i -> bank.get(i).id()).toList(),
                SummaryRenderer.canonical(bank, chosen));
    }

    /** What the summarizer reads for a user it knows nothing about. */
    public static UserContext emptyContext(int embeddingDimension, StatementBank bank) {
        return new UserContext(new float[2 * embeddingDimension], new float[bank.size()]);
    }

    /** Statement indices of the user's summary, for re-wording it. */
    public List<Integer> statementIndices(String user) {
        return summary(user).statementIds().stream().map(bank::indexOf).toList();
    }

    public StatementBank bank() {
        return bank;
    }

    public TextEncoder encoder() {
        return encoder;
    }

    public PolicyNetwork policy() {
        return policy;
    }
}
