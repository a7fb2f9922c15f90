package io.plus.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.plus.ids.Ids;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** The versions to serve; the functions pick them up without a restart. */
@ValidationRule(value = "!has(self.candidate) || self.candidate.version != self.stableVersion",
        message = "the candidate must differ from the stable version")
public class ModelRolloutSpec {
    @Required
    @Pattern(Ids.PATTERN)
    @JsonPropertyDescription("Model version every user gets unless routed to the candidate.")
    public String stableVersion;

    @JsonPropertyDescription("A version served to a stable share of users beside the stable one.")
    public Candidate candidate;

    /** The candidate and the share of users (a stable hash of tenant and user, below the percent) it serves. */
    public static class Candidate {
        @Required
        @Pattern(Ids.PATTERN)
        public String version;

        @Required
        @Min(0)
        @Max(100)
        public Integer percent;
    }
}
