package io.plus.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.List;

/**
 * The evaluation gate and the rollout. A candidate passes when its gate metric is at least
 * {@code minimum} and at most {@code maxRegression} below the active model's on the same held-out
 * data; then {@code automatic} walks the ModelRollout through the canary steps, {@code manual}
 * leaves it as a candidate for a person to promote.
 */
@ValidationRule(value = "!has(self.canarySteps) || size(self.canarySteps) == 0 "
        + "|| self.canarySteps[size(self.canarySteps) - 1].percent == 100",
        message = "the last canary step must be 100 percent")
@ValidationRule(value = "!has(self.canarySteps) || self.canarySteps.all(s, "
        + "self.canarySteps.filter(t, t.percent == s.percent).size() == 1)",
        message = "canary steps must not repeat a percent")
@ValidationRule(value = "!has(self.canarySteps) || self.canarySteps.map(s, s.percent).isSorted()",
        message = "canary steps must be in increasing percent")
public class Promotion {
    public static final String MANUAL = "manual";
    public static final String AUTOMATIC = "automatic";

    @Default(MANUAL)
    @Pattern("^(manual|automatic)$")
    public String policy = MANUAL;

    @Default("test-unseen-users.accuracy")
    @Pattern("^(test-unseen-users|test-seen-users)\\.(accuracy|nll)$")
    @JsonPropertyDescription("Metric that gates: <split>.<measure>; accuracy higher is better, nll lower is better.")
    public String metric = "test-unseen-users.accuracy";

    @JsonPropertyDescription("Least value of the metric a candidate needs (for nll: the most).")
    public Double minimum;

    @Min(0)
    @Default("0")
    @JsonPropertyDescription("Largest regression allowed against the active model, in the metric's units.")
    public Double maxRegression = 0.0;

    @Default("plus")
    @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
    @JsonPropertyDescription("Name of the ModelRollout (same namespace) a passing candidate is rolled out through.")
    public String rollout = "plus";

    @Size(max = 10)
    @JsonPropertyDescription("Canary steps in increasing percent, the last 100; none promotes at once.")
    public List<CanaryStep> canarySteps;
}
