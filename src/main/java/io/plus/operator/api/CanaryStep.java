package io.plus.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** Serve the candidate to {@code percent} of users (a stable hash of tenant and user) for {@code hold}. */
public class CanaryStep {
    @Required
    @Min(1)
    @Max(100)
    public Integer percent;

    @Default("5m")
    @Pattern("^([0-9]+(s|m|h))+$")
    @JsonPropertyDescription("How long the step is held before the next, e.g. 30s, 10m, 1h30m.")
    public String hold = "5m";
}
