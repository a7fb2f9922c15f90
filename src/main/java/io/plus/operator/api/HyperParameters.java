package io.plus.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** The trainer's flags: {@code --iterations}, {@code --epochs}, {@code --seed}. */
public class HyperParameters {
    @Min(1)
    @Max(100000)
    @Default("100")
    @JsonPropertyDescription("Co-adaptation iterations (PLUS and PLUS-untrained).")
    public Integer iterations = 100;

    @Min(1)
    @Max(10000)
    @Default("20")
    @JsonPropertyDescription("Reward-model epochs.")
    public Integer epochs = 20;

    @Default("1")
    public Long seed = 1L;
}
