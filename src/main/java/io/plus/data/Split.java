package io.plus.data;

import java.util.Arrays;

/**
 * Where a labelled pair belongs. Training pairs teach the reward model; context pairs are shown
 * to personalised methods as the user's history (never scored); every TEST_* value is a held-out
 * evaluation set reported separately.
 */
public enum Split {
    TRAIN("train"),
    CONTEXT("context"),
    TEST_SEEN_USERS("test-seen-users"),
    TEST_UNSEEN_USERS("test-unseen-users"),
    TEST_UNSEEN_TOPICS("test-unseen-topics");

    private final String wireName;

    Split(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in JSONL files and reports. */
    public String wireName() {
        return wireName;
    }

    public boolean isTest() {
        return name().startsWith("TEST_");
    }

    public static Split fromWireName(String name) {
        return Arrays.stream(values())
                .filter(s -> s.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown split '" + name
                        + "' (expected one of " + Arrays.stream(values()).map(Split::wireName).toList() + ")"));
    }
}
