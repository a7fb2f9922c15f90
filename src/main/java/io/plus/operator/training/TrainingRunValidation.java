package io.plus.operator.training;

import io.plus.ids.Ids;
import io.plus.operator.api.CanaryStep;
import io.plus.operator.api.DataSelection;
import io.plus.operator.api.HyperParameters;
import io.plus.operator.api.PlusApi;
import io.plus.operator.api.Promotion;
import io.plus.operator.api.TrainingRunSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operator's own check of a TrainingRun spec. The CRD schema says the same to an API server
 * that enforces it; this check also covers servers (and test clusters) that do not, so a bad spec
 * ends as {@code Failed/InvalidSpec} with every problem named and no Job created.
 */
final class TrainingRunValidation {
    private static final Pattern DURATION = Pattern.compile("^([0-9]+(s|m|h))+$");
    /** A Kubernetes resource name (DNS-1123 subdomain). */
    private static final Pattern RESOURCE_NAME = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    private static final Set<String> METHODS = Set.of("PLUS", "PLUS-untrained", "BTL", "ICL");
    private static final Set<String> METRICS = Set.of("test-unseen-users.accuracy", "test-unseen-users.nll",
            "test-seen-users.accuracy", "test-seen-users.nll");

    private TrainingRunValidation() {
    }

    static List<String> problems(TrainingRunSpec spec) {
        List<String> problems = new ArrayList<>();
        if (spec == null) {
            return List.of("spec is required");
        }
        if (spec.tenants == null || spec.tenants.isEmpty()) {
            problems.add("spec.tenants: name at least one tenant");
        } else if (spec.tenants.size() > 64) {
            problems.add("spec.tenants: at most 64 tenants, not " + spec.tenants.size());
        } else {
            for (String tenant : spec.tenants) {
                if (!Ids.valid(tenant)) {
                    problems.add("spec.tenants: '" + tenant + "' is not a tenant id (letters, digits and . _ : @ -)");
                }
            }
        }
        if (spec.method != null && !METHODS.contains(spec.method)) {
            problems.add("spec.method: unknown method '" + spec.method + "' (PLUS, PLUS-untrained, BTL or ICL)");
        }
        if (blank(spec.image)) {
            problems.add("spec.image is required");
        }
        if (spec.database == null || blank(spec.database.url) || blank(spec.database.credentialsSecret)) {
            problems.add("spec.database.url and spec.database.credentialsSecret are required");
        } else if (!spec.database.url.matches("^postgresql://[^\\s@/]+(/[^\\s]*)?$")) {
            problems.add("spec.database.url must be postgresql://host:port/database, with no credentials in it "
                    + "(they come from spec.database.credentialsSecret)");
        }
        if (spec.modelStore == null || blank(spec.modelStore.persistentVolumeClaim)) {
            problems.add("spec.modelStore.persistentVolumeClaim is required");
        } else if (spec.modelStore.uri != null && !spec.modelStore.uri.matches("^file:///[^\\s/][^\\s]*$")) {
            problems.add("spec.modelStore.uri must be file:///<path> below / (object stores are not served yet)");
        }
        atLeast(problems, "spec.activeDeadlineSeconds", spec.activeDeadlineSeconds, 1);
        atLeast(problems, "spec.backoffLimit", spec.backoffLimit, 0);
        atLeast(problems, "spec.ttlSecondsAfterFinished", spec.ttlSecondsAfterFinished, 0);
        hyperParameters(problems, spec.hyperParameters);
        data(problems, spec.data);
        promotion(problems, spec.promotion);
        return problems;
    }

    private static void hyperParameters(List<String> problems, HyperParameters h) {
        if (h != null) {
            atLeast(problems, "spec.hyperParameters.iterations", h.iterations, 1);
            atMost(problems, "spec.hyperParameters.iterations", h.iterations, 100_000);
            atLeast(problems, "spec.hyperParameters.epochs", h.epochs, 1);
            atMost(problems, "spec.hyperParameters.epochs", h.epochs, 10_000);
        }
    }

    private static void data(List<String> problems, DataSelection d) {
        if (d == null) {
            return;
        }
        atLeast(problems, "spec.data.minUsers", d.minUsers, 2);
        atLeast(problems, "spec.data.minPairs", d.minPairs, 1);
        atLeast(problems, "spec.data.contextPairs", d.contextPairs, 1);
        share(problems, "spec.data.unseenUserShare", d.unseenUserShare);
        share(problems, "spec.data.seenTestShare", d.seenTestShare);
    }

    private static void promotion(List<String> problems, Promotion p) {
        if (p == null) {
            return;
        }
        if (p.policy != null && !Promotion.MANUAL.equals(p.policy) && !Promotion.AUTOMATIC.equals(p.policy)) {
            problems.add("spec.promotion.policy must be manual or automatic, not '" + p.policy + "'");
        }
        if (p.metric != null && !METRICS.contains(p.metric)) {
            problems.add("spec.promotion.metric: unknown metric '" + p.metric + "' (one of " + METRICS + ")");
        }
        if (p.maxRegression != null && !(p.maxRegression >= 0)) {
            problems.add("spec.promotion.maxRegression must be 0 or more, not " + p.maxRegression);
        }
        if (p.rollout != null && (p.rollout.length() > 253 || !RESOURCE_NAME.matcher(p.rollout).matches())) {
            problems.add("spec.promotion.rollout: '" + p.rollout + "' is not a resource name (lower-case letters, "
                    + "digits, - and .)");
        }
        if (p.canarySteps == null || p.canarySteps.isEmpty()) {
            return;
        }
        if (p.canarySteps.size() > 10) {
            problems.add("spec.promotion.canarySteps: at most 10 steps, not " + p.canarySteps.size());
        }
        int previous = 0;
        for (int i = 0; i < p.canarySteps.size(); i++) {
            CanaryStep step = p.canarySteps.get(i);
            String at = "spec.promotion.canarySteps[" + i + "]";
            if (step == null || step.percent == null || step.percent < 1 || step.percent > 100) {
                problems.add(at + ".percent must be 1 to 100, not " + (step == null ? null : step.percent));
                continue;
            }
            if (step.percent <= previous) {
                problems.add(at + ".percent " + step.percent + " must be above the step before (" + previous + ")");
            }
            if (step.hold != null && !DURATION.matcher(step.hold).matches()) {
                problems.add(at + ".hold '" + step.hold + "' is not a duration like 30s, 10m or 1h30m");
            }
            previous = step.percent;
        }
        if (previous != 100) {
            problems.add("spec.promotion.canarySteps must end at 100 percent, not " + previous);
        }
    }

    private static void share(List<String> problems, String at, Double share) {
        if (share != null && !(share > 0 && share < 1)) {
            problems.add(at + " must be between 0 and 1 (exclusive), not " + share);
        }
    }

    private static void atLeast(List<String> problems, String at, Number value, long min) {
        if (value != null && value.longValue() < min) {
            problems.add(at + " must be at least " + min + ", not " + value);
        }
    }

    private static void atMost(List<String> problems, String at, Number value, long max) {
        if (value != null && value.longValue() > max) {
            problems.add(at + " must be at most " + max + ", not " + value);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
