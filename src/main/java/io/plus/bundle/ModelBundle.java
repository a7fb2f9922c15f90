package io.plus.bundle;

import io.plus.model.RewardHead;

import java.nio.file.Path;

/** A loaded, verified model bundle. */
public record ModelBundle(Path directory, BundleManifest manifest, RewardHead rewardHead) {
    public static final String REWARD_HEAD_FILE = "reward-head.bin";
}
