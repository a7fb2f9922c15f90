package io.plus.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * metav1.Condition bookkeeping: one condition per type; {@code lastTransitionTime} moves only when
 * the status flips, so it says when the condition became what it is.
 */
public final class Conditions {
    public static final String TRUE = "True";
    public static final String FALSE = "False";

    private Conditions() {
    }

    public static void set(List<Condition> conditions, String type, String status, String reason, String message,
                           Long observedGeneration) {
        Optional<Condition> existing = find(conditions, type);
        String transition = existing.filter(c -> c.getStatus().equals(status))
                .map(Condition::getLastTransitionTime).orElse(Instant.now().toString());
        Condition condition = new ConditionBuilder().withType(type).withStatus(status).withReason(reason)
                .withMessage(message == null ? "" : message).withLastTransitionTime(transition)
                .withObservedGeneration(observedGeneration).build();
        conditions.removeIf(c -> c.getType().equals(type));
        conditions.add(condition);
    }

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        return conditions.stream().filter(c -> c.getType().equals(type)).findFirst();
    }

    public static boolean isTrue(List<Condition> conditions, String type) {
        return find(conditions, type).map(c -> TRUE.equals(c.getStatus())).orElse(false);
    }
}
