package io.plus.summary;

import io.plus.encoder.TextEncoder;
import io.plus.data.Dataset;
import io.plus.methods.ContextConditioner;
import io.plus.methods.EmbeddingTable;
import io.plus.methods.UserConditioner;
import io.plus.model.RewardHead;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Conditions a reward model on each user's summary: the summarizer writes it greedily from the
 * user's context, statements that do not help the reward model explain the user's own choices are
 * taken out ({@link StatementPruning}), and the reward model reads its text through the encoder
 * ({@link SummaryEncoding}) — exactly as it would read a summary a person wrote or edited.
 */
public final class SummaryConditioner implements ContextConditioner {
    private final PolicyNetwork policy;
    private final StatementBank bank;
    private final Map<String, UserContext> contexts;
    private final TextEncoder encoder;
    private final RewardHead judge;
    private final Map<String, GeneratedSummary> summaries = new ConcurrentHashMap<>();
    private final Map<String, float[]> embeddings = new ConcurrentHashMap<>();

    /** A summary written for a user: its statements (bank ids) and its text. */
    public record GeneratedSummary(List<String> statementIds, String text) {
        public int words() {
            return SummaryText.wordCount(text);
        }
    }

    /** {@code judge}: the reward head the summaries are written for, which every statement must sway. */
    public SummaryConditioner(PolicyNetwork policy, StatementBank bank, Map<String, UserContext> contexts,
                              TextEncoder encoder, RewardHead judge) {
        this.policy = policy;
        this.bank = bank;
        this.contexts = Map.copyOf(contexts);
        this.encoder = encoder;
        this.judge = judge;
    }

    /** The same summarizer, writing each user's summary from their context in {@code visible}. */
    @Override
    public SummaryConditioner bindContext(Dataset visible, EmbeddingTable embeddings) {
        return new SummaryConditioner(policy, bank, UserContexts.of(visible, embeddings, bank), encoder, judge);
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
        return summaries.computeIfAbsent(user, u -> write(policy, bank, encoder, judge, contexts.getOrDefault(u,
                emptyContext(encoder.dimension(), bank))));
    }

    /**
     * The summary for a context, for serving and evaluation alike: the policy's most likely one,
     * less the statements that do not sway {@code judge} on the context's labelled choices.
     */
    public static GeneratedSummary write(PolicyNetwork policy, StatementBank bank, TextEncoder encoder, RewardHead judge,
                                         UserContext context) {
        List<Integer> written = policy.greedy(context);
        List<Integer> kept = context.choices().size() == 0 ? written
                : StatementPruning.prune(written, encodings(encoder, bank, written), judge, context.choices());
        return new GeneratedSummary(kept.stream().map(i -> bank.get(i).id()).toList(),
                SummaryRenderer.canonical(bank, kept));
    }

    /** The reward model's reading of any selection of {@code written}, from one encoder call for all their sentences. */
    private static java.util.function.Function<List<Integer>, float[]> encodings(TextEncoder encoder, StatementBank bank,
                                                                                List<Integer> written) {
        List<String> sentences = new ArrayList<>();
        Map<Integer, List<Integer>> sentencesOf = new java.util.HashMap<>();
        for (int statement : written) {
            for (String sentence : SummaryEncoding.sentences(bank.get(statement).text())) {
                sentencesOf.computeIfAbsent(statement, s -> new ArrayList<>()).add(sentences.size());
                sentences.add(sentence);
            }
        }
        float[][] vectors = encoder.embed(sentences);
        return selection -> {
            List<float[]> own = new ArrayList<>();
            selection.forEach(statement -> sentencesOf.get(statement).forEach(i -> own.add(vectors[i])));
            return SummaryEncoding.pool(own.toArray(float[][]::new), 0, own.size());
        };
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

    public RewardHead judge() {
        return judge;
    }
}
