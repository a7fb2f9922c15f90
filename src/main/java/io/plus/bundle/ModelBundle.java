package io.plus.bundle;

import io.plus.model.RewardHead;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, verified model bundle: the manifest, the reward head, and the bytes of every other
 * file the manifest lists (all checked against their SHA-256 when the bundle was read).
 */
public record ModelBundle(Path directory, BundleManifest manifest, RewardHead rewardHead, Map<String, byte[]> files) {
    public static final String REWARD_HEAD_FILE = "reward-head.bin";

    public ModelBundle {
        files = Map.copyOf(files);
    }

    public Optional<byte[]> file(String name) {
        return Optional.ofNullable(files.get(name));
    }
}
