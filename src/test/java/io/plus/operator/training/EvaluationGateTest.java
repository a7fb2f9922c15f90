package io.plus.operator.training;

import io.plus.operator.api.Evaluation;
import io.plus.operator.api.Promotion;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationGateTest {
    private static Map<String, Object> unseen(double accuracy, double nll) {
        return Map.of("test-unseen-users", Map.of("accuracy", accuracy, "nll", nll, "pairs", 900));
    }

    private static Promotion gate(String metric, Double minimum, double maxRegression) {
        Promotion p = new Promotion();
        p.metric = metric;
        p.minimum = minimum;
        p.maxRegression = maxRegression;
        return p;
    }

    @Test
    void aBetterCandidatePassesAndAWorseOneIsRejectedWithBothValues() {
        Promotion p = gate("test-unseen-users.accuracy", 0.6, 0.01);
        assertEquals("passed", EvaluationGate.decide(p, unseen(0.83, 0.4), "v1", unseen(0.79, 0.5)).decision);
        assertEquals("passed", EvaluationGate.decide(p, unseen(0.785, 0.4), "v1", unseen(0.79, 0.5)).decision,
                "within the allowed regression");
        Evaluation worse = EvaluationGate.decide(p, unseen(0.70, 0.4), "v1", unseen(0.79, 0.5));
        assertEquals("rejected", worse.decision);
        assertEquals(0.70, worse.candidate);
        assertEquals(0.79, worse.active);
        assertTrue(worse.reason.contains("regresses by 0.0900 against active model v1 (0.7900)"), worse.reason);
    }

    @Test
    void theMinimumAppliesWithOrWithoutAnActiveModel() {
        Promotion p = gate("test-unseen-users.accuracy", 0.9, 0.0);
        Evaluation low = EvaluationGate.decide(p, unseen(0.85, 0.4), null, null);
        assertEquals("rejected", low.decision);
        assertTrue(low.reason.contains("0.8500 is below the required 0.9000"), low.reason);
        assertEquals("passed", EvaluationGate.decide(p, unseen(0.95, 0.4), null, null).decision);
    }

    @Test
    void nllIsBetterLower() {
        Promotion p = gate("test-unseen-users.nll", 0.6, 0.0);
        assertEquals("passed", EvaluationGate.decide(p, unseen(0.8, 0.40), "v1", unseen(0.8, 0.45)).decision);
        assertEquals("rejected", EvaluationGate.decide(p, unseen(0.8, 0.50), "v1", unseen(0.8, 0.45)).decision);
        assertEquals("rejected", EvaluationGate.decide(p, unseen(0.8, 0.70), null, null).decision, "above the most allowed");
    }

    @Test
    void anActiveModelThatCouldNotBeMeasuredIsNoFreePass() {
        Evaluation e = EvaluationGate.decide(gate("test-unseen-users.accuracy", null, 0.0), unseen(0.9, 0.1), "v1", null);
        assertEquals("rejected", e.decision);
        assertTrue(e.reason.contains("active model v1 could not be evaluated"), e.reason);
    }

    @Test
    void aCandidateWithoutTheMetricIsRejected() {
        Evaluation none = EvaluationGate.decide(gate("test-seen-users.accuracy", null, 0.0), unseen(0.9, 0.1), null, null);
        assertEquals("rejected", none.decision);
        assertTrue(none.reason.contains("reports no test-seen-users.accuracy"), none.reason);
    }
}
