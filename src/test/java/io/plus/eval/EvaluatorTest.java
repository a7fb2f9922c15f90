package io.plus.eval;

import io.plus.data.Dataset;
import io.plus.data.GroundTruth;
import io.plus.data.PairTruth;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.data.UserTruth;
import io.plus.encoder.HashedTextEncoder;
import io.plus.encoder.TextEncoder;
import io.plus.methods.Conditioning;
import io.plus.methods.EmbeddingTable;
import io.plus.methods.FittedModel;
import io.plus.methods.UserConditioner;
import io.plus.model.BradleyTerry;
import io.plus.model.RandomHeads;
import io.plus.model.RewardHead;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EvaluatorTest {
    private static final int DIM = 8;

    /** Deterministic stand-in vectors: the evaluator, not the encoder, is under test. */
    private static final TextEncoder HASH_ENCODER = new HashedTextEncoder(DIM);

    @Test
    void scoresEachAnswerOnceAndMatchesThePairByPairFormula() {
        // two users of opposite types; each test query compares one chosen answer with three others
        List<PreferencePair> pairs = new ArrayList<>();
        Map<String, PairTruth> truths = new LinkedHashMap<>();
        for (String user : List.of("u1", "u2")) {
            for (int q = 0; q < 5; q++) {
                for (String other : List.of("b", "c", "plain")) {
                    String id = user + "-" + q + "-" + other;
                    Split split = q < 3 ? Split.TEST_SEEN_USERS : Split.TEST_UNSEEN_USERS; // both users in both splits
                    pairs.add(new PreferencePair(id, user, "query " + q, (user.equals("u1") ? "a" : "b") + " answer " + q,
                            other + " answer " + q, null, split));
                    truths.put(id, new PairTruth(id, !other.equals("plain"), 0.9));
                }
            }
        }
        Dataset dataset = new Dataset("toy", pairs, List.of(), new GroundTruth(Map.of(
                "u1", new UserTruth("u1", "a", new double[] {1, 0}), "u2", new UserTruth("u2", "b", new double[] {0, 1})),
                truths));
        EmbeddingTable embeddings = EmbeddingTable.embed(dataset, HASH_ENCODER, done -> { });
        FittedModel model = new FittedModel("toy", Conditioning.TRUE_TYPE, randomHead(7),
                UserConditioner.of(2, user -> user.equals("u1") ? new float[] {1, 0} : new float[] {0, 1}));

        for (SplitMetrics metrics : Evaluator.evaluate(model, dataset, embeddings)) {
            List<PreferencePair> split = dataset.pairs(metrics.split());
            assertMatches(model, split, embeddings, metrics.all());
            assertMatches(model, split.stream().filter(p -> truths.get(p.id()).controversial()).toList(), embeddings,
                    metrics.controversial());
            assertEquals(0.9, metrics.all().bayesAccuracy(), 1e-12);
        }
    }

    private static void assertMatches(FittedModel model, List<PreferencePair> pairs, EmbeddingTable embeddings,
                                      PairMetrics actual) {
        double correct = 0;
        double nll = 0;
        for (PreferencePair pair : pairs) {
            double margin = model.margin(pair, embeddings);
            correct += margin > 0 ? 1 : margin == 0 ? 0.5 : 0;
            nll += BradleyTerry.loss(margin);
        }
        assertEquals(pairs.size(), actual.count());
        assertEquals(correct / pairs.size(), actual.accuracy(), 0.0);
        assertEquals(nll / pairs.size(), actual.nll(), 1e-12);
    }

    private static RewardHead randomHead(long seed) {
        return RandomHeads.basic(DIM, 2, 6, seed);
    }
}
