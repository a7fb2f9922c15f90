package io.plus.bundle;

import io.plus.model.FeatureLayout;
import io.plus.model.MlpWeights;
import io.plus.model.RewardHead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundleStoreTest {
    private static final int EMBEDDING = 4;
    private static final int CONDITIONING = 2;
    private static final BundleManifest.EncoderInfo ENCODER = new BundleManifest.EncoderInfo("test-encoder", EMBEDDING);

    @TempDir
    Path root;

    private static MlpWeights randomWeights(long seed) {
        Random random = new Random(seed);
        int in = 3 * EMBEDDING + CONDITIONING;
        float[] w1 = new float[in * 5];
        float[] b1 = new float[5];
        float[] w2 = new float[5];
        for (int i = 0; i < w1.length; i++) {
            w1[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < 5; i++) {
            b1[i] = (float) random.nextGaussian();
            w2[i] = (float) random.nextGaussian();
        }
        return new MlpWeights(List.of(new MlpWeights.Layer(in, 5, w1, b1),
                new MlpWeights.Layer(5, 1, w2, new float[] {0.25f})));
    }

    private static BundleManifest manifest(String version) {
        return new BundleManifest(BundleManifest.FORMAT_VERSION, version, "Oracle", "TRUE_TYPE", CONDITIONING,
                "BASIC", ENCODER, Map.of("epochs", 3), "pets", "abc123", Map.of("accuracy", 0.9), null, Map.of(),
                "2026-11-27T00:00:00Z");
    }

    private static final float[] PROMPT = {0.1f, 0.2f, 0.3f, 0.4f};
    private static final float[] RESPONSE_A = {0.5f, -0.2f, 0.0f, 0.9f};
    private static final float[] RESPONSE_B = {-0.3f, 0.8f, 0.1f, 0.0f};
    private static final float[] USER = {1f, 0f};

    @Test
    void savedThenLoadedBundleGivesIdenticalScores() {
        MlpWeights weights = randomWeights(1);
        Path dir = BundleStore.write(root, manifest("v1"), weights);
        ModelBundle loaded = BundleStore.read(dir, Optional.of(ENCODER));
        RewardHead original = new RewardHead(weights, FeatureLayout.BASIC, EMBEDDING, CONDITIONING);
        assertEquals(original.reward(PROMPT, RESPONSE_A, USER), loaded.rewardHead().reward(PROMPT, RESPONSE_A, USER));
        assertEquals(original.margin(PROMPT, RESPONSE_A, RESPONSE_B, USER),
                loaded.rewardHead().margin(PROMPT, RESPONSE_A, RESPONSE_B, USER));
        assertEquals("v1", loaded.manifest().modelVersion());
        assertEquals(64, loaded.manifest().files().get(ModelBundle.REWARD_HEAD_FILE).length());
    }

    @Test
    void corruptedWeightsAreRefusedWithAClearMessage() throws IOException {
        Path dir = BundleStore.write(root, manifest("v2"), randomWeights(2));
        Path weights = dir.resolve(ModelBundle.REWARD_HEAD_FILE);
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(weights, bytes);
        BundleException error = assertThrows(BundleException.class, () -> BundleStore.read(dir, Optional.empty()));
        assertTrue(error.getMessage().contains("corrupt") && error.getMessage().contains(ModelBundle.REWARD_HEAD_FILE),
                error.getMessage());
    }

    @Test
    void mismatchedEncoderIsRefused() {
        Path dir = BundleStore.write(root, manifest("v3"), randomWeights(3));
        BundleException error = assertThrows(BundleException.class, () ->
                BundleStore.read(dir, Optional.of(new BundleManifest.EncoderInfo("bge-small-en-v1.5", 384))));
        assertTrue(error.getMessage().contains("test-encoder"), error.getMessage());
    }

    @Test
    void missingFileAndBrokenManifestAreRefused() throws IOException {
        Path dir = BundleStore.write(root, manifest("v4"), randomWeights(4));
        Files.delete(dir.resolve(ModelBundle.REWARD_HEAD_FILE));
        assertTrue(assertThrows(BundleException.class, () -> BundleStore.read(dir, Optional.empty()))
                .getMessage().contains("missing"));

        Path other = BundleStore.write(root, manifest("v5"), randomWeights(5));
        Files.writeString(other.resolve(BundleManifest.FILE_NAME), "{ not json");
        assertTrue(assertThrows(BundleException.class, () -> BundleStore.read(other, Optional.empty()))
                .getMessage().contains("unreadable manifest"));
    }

    @Test
    void bundlesAreImmutable() {
        BundleStore.write(root, manifest("v6"), randomWeights(6));
        BundleException error = assertThrows(BundleException.class,
                () -> BundleStore.write(root, manifest("v6"), randomWeights(7)));
        assertTrue(error.getMessage().contains("immutable"), error.getMessage());
    }
}
