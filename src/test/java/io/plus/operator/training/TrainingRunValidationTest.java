package io.plus.operator.training;

import io.plus.operator.api.CanaryStep;
import io.plus.operator.api.TrainingRunSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingRunValidationTest {
    static TrainingRunSpec valid() {
        return ClusterFixtures.run("valid", "test").getSpec();
    }

    private static CanaryStep step(Integer percent, String hold) {
        CanaryStep step = new CanaryStep();
        step.percent = percent;
        step.hold = hold;
        return step;
    }

    @Test
    void aCompleteSpecHasNoProblems() {
        TrainingRunSpec spec = valid();
        spec.promotion.canarySteps = List.of(step(10, "30s"), step(50, "1h30m"), step(100, null));
        assertEquals(List.of(), TrainingRunValidation.problems(spec));
    }

    @Test
    void everyProblemIsNamed() {
        TrainingRunSpec spec = valid();
        spec.tenants = List.of();
        spec.method = "Oracle";
        spec.database.url = "postgresql://plus:secret@db:5432/plus";
        spec.modelStore.uri = "file:///";
        spec.promotion.rollout = "Plus_Rollout";
        spec.backoffLimit = -1;
        spec.data.unseenUserShare = 1.0;
        spec.data.minUsers = 1;
        spec.promotion.policy = "yolo";
        spec.promotion.metric = "test-unseen-users.f1";
        spec.promotion.maxRegression = -0.1;
        spec.promotion.canarySteps = new ArrayList<>(List.of(step(50, "5m"), step(10, "5m"), step(-5, "5m"),
                step(80, "soon")));
        List<String> problems = TrainingRunValidation.problems(spec);
        for (String expected : List.of("spec.tenants: name at least one tenant", "unknown method 'Oracle'",
                "with no credentials in it", "spec.modelStore.uri must be file:///<path> below /",
                "'Plus_Rollout' is not a resource name",
                "spec.backoffLimit must be at least 0, not -1", "unseenUserShare must be between 0 and 1",
                "spec.data.minUsers must be at least 2", "policy must be manual or automatic",
                "unknown metric 'test-unseen-users.f1'", "maxRegression must be 0 or more",
                "canarySteps[1].percent 10 must be above the step before (50)",
                "canarySteps[2].percent must be 1 to 100, not -5", "canarySteps[3].hold 'soon' is not a duration",
                "must end at 100 percent, not 80")) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), expected + " in " + problems);
        }
    }

    @Test
    void durationsReadAsKubernetesUsersWriteThem() {
        assertEquals(java.time.Duration.ofMinutes(90), Holds.parse("1h30m"));
        assertEquals(java.time.Duration.ofSeconds(30), Holds.parse("30s"));
        for (String bad : List.of("5", "m5", "5 m", "5d")) {
            try {
                Holds.parse(bad);
                throw new AssertionError(bad + " was read as a duration");
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains("is not a duration"));
            }
        }
    }
}
