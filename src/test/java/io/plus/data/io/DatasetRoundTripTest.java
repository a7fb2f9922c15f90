package io.plus.data.io;

import io.plus.data.ContextItem;
import io.plus.data.Dataset;
import io.plus.data.GroundTruth;
import io.plus.data.PairTruth;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.data.UserTruth;
import io.plus.data.generate.PetsGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetRoundTripTest {
    static Dataset tiny() {
        List<PreferencePair> pairs = List.of(
                new PreferencePair("p1", "u1", "Say hi", "Hello \"there\"\n", "Go away", "greetings", Split.TRAIN),
                new PreferencePair("p2", "u1", "Say hi", "Hi", "No", null, Split.CONTEXT),
                new PreferencePair("p3", "u2", "Say hi", "Héllo ✓", "Meh", "greetings", Split.TEST_UNSEEN_TOPICS));
        List<ContextItem> items = List.of(
                new ContextItem("c1", "u1", "I like short answers.", ContextItem.Source.SELF_DESCRIPTION),
                new ContextItem("c2", "u2", "user: hi\nassistant: hello", ContextItem.Source.CONVERSATION));
        GroundTruth truth = new GroundTruth(
                Map.of("u1", new UserTruth("u1", "helpful", new double[]{1, 0}),
                        "u2", new UserTruth("u2", "harmless", new double[]{0, 1})),
                Map.of("p1", new PairTruth("p1", true, 1.0), "p3", new PairTruth("p3", false, 0.73)));
        return new Dataset("tiny", pairs, items, truth);
    }

    @Test
    void roundTripKeepsEverything(@TempDir Path dir) throws Exception {
        Dataset d = tiny();
        DatasetWriter.write(d, dir);
        assertEquals(d, DatasetReader.read(dir, "tiny"));
        Dataset observable = DatasetReader.readObservable(dir, "tiny");
        assertEquals(GroundTruth.NONE, observable.truth());
        assertEquals(d.pairs(), observable.pairs());
    }

    @Test
    void outputIsDeterministicAndGeneratedDataRoundTrips(@TempDir Path dir) throws Exception {
        Dataset d = PetsGenerator.generate(new PetsGenerator.Config(1, 20, 10, 2, 2, 3, true));
        DatasetWriter.write(d, dir.resolve("a"));
        DatasetWriter.write(d, dir.resolve("b"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/pairs.jsonl")), Files.readAllBytes(dir.resolve("b/pairs.jsonl")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/truth.jsonl")), Files.readAllBytes(dir.resolve("b/truth.jsonl")));
        assertEquals(d, DatasetReader.read(dir.resolve("a"), d.name()));
    }

    @Test
    void writingWithoutTruthRemovesStaleTruthFile(@TempDir Path dir) throws Exception {
        Dataset d = tiny();
        DatasetWriter.write(d, dir);
        DatasetWriter.write(new Dataset("x", d.pairs(), d.contextItems(), GroundTruth.NONE), dir);
        assertFalse(Files.exists(dir.resolve("truth.jsonl")));
        assertEquals(GroundTruth.NONE, DatasetReader.read(dir, "x").truth());
    }

    @Test
    void fingerprintCoversObservableContentOnly() {
        Dataset d = tiny();
        String fp = DatasetFingerprint.of(d);
        assertTrue(fp.matches("[0-9a-f]{64}"));
        List<PreferencePair> reversed = new java.util.ArrayList<>(d.pairs());
        java.util.Collections.reverse(reversed);
        assertEquals(fp, DatasetFingerprint.of(new Dataset("other", reversed, d.contextItems(), GroundTruth.NONE)));
        PreferencePair p = d.pairs().get(0);
        List<PreferencePair> changed = List.of(new PreferencePair(p.id(), p.user(), p.prompt(), p.chosen() + "!",
                p.rejected(), p.topic(), p.split()), d.pairs().get(1), d.pairs().get(2));
        assertNotEquals(fp, DatasetFingerprint.of(new Dataset("tiny", changed, d.contextItems(), d.truth())));
        assertNotEquals(fp, DatasetFingerprint.of(new Dataset("tiny", d.pairs(), List.of(), d.truth())));
    }
}
