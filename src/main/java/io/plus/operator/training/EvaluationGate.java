package io.plus.operator.training;

import io.plus.operator.api.Evaluation;
import io.plus.operator.api.Promotion;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation gate: a candidate passes when its gate metric reaches the minimum and regresses by
 * at most {@code maxRegression} against the active model measured on the same held-out data.
 * Accuracy is better higher, NLL lower. Without an active model only the minimum applies.
 */
final class EvaluationGate {
    static final String PASSED = "passed";
    static final String REJECTED = "rejected";

    private EvaluationGate() {
    }

    static Evaluation decide(Promotion promotion, Map<String, Object> candidate, String activeVersion,
                             Map<String, Object> active) {
        Promotion p = promotion != null ? promotion : new Promotion();
        Evaluation e = new Evaluation();
        e.metric = p.metric;
        e.minimum = p.minimum;
        e.maxRegression = p.maxRegression != null ? p.maxRegression : 0.0;
        e.activeVersion = activeVersion;
        e.candidate = value(candidate, p.metric);
        e.active = value(active, p.metric);
        boolean higherIsBetter = p.metric.endsWith(".accuracy");
        if (e.candidate == null) {
            return rejected(e, "the candidate reports no " + p.metric);
        }
        if (activeVersion != null && e.active == null) {
            return rejected(e, "active model " + activeVersion + " could not be evaluated on the held-out data "
                    + "(the trainer's log says why), so the candidate cannot be compared with it");
        }
        if (e.minimum != null && (higherIsBetter ? e.candidate < e.minimum : e.candidate > e.minimum)) {
            return rejected(e, String.format(Locale.ROOT, "%s %.4f is %s the required %.4f", p.metric, e.candidate,
                    higherIsBetter ? "below" : "above", e.minimum));
        }
        if (e.active != null) {
            double regression = higherIsBetter ? e.active - e.candidate : e.candidate - e.active;
            if (regression > e.maxRegression + 1e-12) {
                return rejected(e, String.format(Locale.ROOT, "%s %.4f regresses by %.4f against active model %s "
                        + "(%.4f) on the same held-out data; at most %.4f is allowed", p.metric, e.candidate,
                        regression, activeVersion, e.active, e.maxRegression));
            }
        }
        e.decision = PASSED;
        e.reason = e.active == null
                ? String.format(Locale.ROOT, "%s %.4f; no active model to compare with", p.metric, e.candidate)
                : String.format(Locale.ROOT, "%s %.4f against %.4f for active model %s on the same held-out data",
                        p.metric, e.candidate, e.active, activeVersion);
        return e;
    }

    /** {@code {"test-unseen-users": {"accuracy": 0.8}}} as {@code {"test-unseen-users.accuracy": 0.8}}. */
    static Map<String, Double> flatten(Map<String, Object> metrics) {
        Map<String, Double> flat = new LinkedHashMap<>();
        if (metrics == null) {
            return flat;
        }
        metrics.forEach((split, values) -> {
            if (values instanceof Map<?, ?> map) {
                map.forEach((measure, value) -> {
                    if (value instanceof Number n) {
                        flat.put(split + "." + measure, n.doubleValue());
                    }
                });
            }
        });
        return flat;
    }

    private static Double value(Map<String, Object> metrics, String metric) {
        return flatten(metrics).get(metric);
    }

    private static Evaluation rejected(Evaluation e, String reason) {
        e.decision = REJECTED;
        e.reason = reason;
        return e;
    }
}
