package io.plus.summary;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plus.bundle.BundleException;
import io.plus.bundle.ModelBundle;
import io.plus.encoder.TextEncoder;
import io.plus.model.MlpWeights;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The summarizer's part of a model bundle: the statement bank (as text, so it can be read and
 * extended), the policy's weights and its shape. Statements are re-embedded with the bundle's
 * encoder when loaded.
 */
public record SummarizerBundle(StatementBank bank, SummaryShape shape, MlpWeights policy) {
    public static final String STATEMENTS_FILE = "statements.json";
    public static final String POLICY_FILE = "summarizer.bin";
    public static final String SHAPE_FILE = "summarizer.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static SummarizerBundle of(PolicyNetwork network, StatementBank bank) {
        return new SummarizerBundle(bank, network.shape(), network.weights());
    }

    public Map<String, byte[]> files() {
        try {
            ByteArrayOutputStream weights = new ByteArrayOutputStream();
            policy.writeTo(weights);
            return Map.of(STATEMENTS_FILE, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(bank.all()),
                    SHAPE_FILE, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(shape),
                    POLICY_FILE, weights.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the summarizer", e);
        }
    }

    /** The summarizer of a PLUS bundle; a clear error if the bundle has none. */
    public static SummarizerBundle from(ModelBundle bundle) {
        byte[] statements = bundle.file(STATEMENTS_FILE).orElseThrow(() -> new BundleException("bundle "
                + bundle.manifest().modelVersion() + " has no summarizer (method " + bundle.manifest().method() + ")"));
        try {
            List<Statement> list = JSON.readValue(statements, new TypeReference<List<Statement>>() { });
            SummaryShape shape = JSON.readValue(bundle.file(SHAPE_FILE).orElseThrow(
                    () -> new BundleException("bundle lacks " + SHAPE_FILE)), SummaryShape.class);
            MlpWeights weights = MlpWeights.readFrom(new ByteArrayInputStream(bundle.file(POLICY_FILE).orElseThrow(
                    () -> new BundleException("bundle lacks " + POLICY_FILE))));
            return new SummarizerBundle(new StatementBank(list), shape, weights);
        } catch (IOException | IllegalArgumentException e) {
            throw new BundleException("unreadable summarizer in bundle " + bundle.manifest().modelVersion() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The policy, with the bank embedded by {@code encoder} (the bundle's own encoder). */
    public PolicyNetwork network(TextEncoder encoder) {
        float[][] embeddings = encoder.embed(bank.texts());
        int[] words = bank.all().stream().mapToInt(Statement::words).toArray();
        return new PolicyNetwork(policy, shape, embeddings, words, PolicyNetwork.featureGroups(bank));
    }
}
