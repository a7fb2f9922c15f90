package io.plus.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** How much stored feedback is enough, and what is held out for evaluation. */
public class DataSelection {
    @Min(2)
    @Default("20")
    @JsonPropertyDescription("Fewest users with labelled pairs worth training on; fewer ends the run as InsufficientData.")
    public Integer minUsers = 20;

    @Min(1)
    @Default("200")
    @JsonPropertyDescription("Fewest labelled pairs worth training on.")
    public Integer minPairs = 200;

    @Min(value = 0, inclusive = false)
    @Max(value = 1, inclusive = false)
    @Default("0.2")
    @JsonPropertyDescription("Share of users never trained on (a stable hash of tenant and user: the same users in every run).")
    public Double unseenUserShare = 0.2;

    @Min(value = 0, inclusive = false)
    @Max(value = 1, inclusive = false)
    @Default("0.2")
    @JsonPropertyDescription("Share of each training user's pairs held out as seen-user test pairs.")
    public Double seenTestShare = 0.2;

    @Min(1)
    @Default("32")
    @JsonPropertyDescription("Most pairs of a user that form their context.")
    public Integer contextPairs = 32;
}
