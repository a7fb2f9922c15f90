package io.plus.data.generate;

import io.plus.data.Dataset;
import io.plus.data.GroundTruth;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.data.generate.JsonlPreferenceImporter.FieldNames;
import io.plus.data.io.DatasetFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonlPreferenceImporterTest {
    private static final FieldNames CUSTOM = new FieldNames("worker", "question", "better", "worse", "domain", "part");

    @Test
    void importsWithCustomFieldNames(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("votes.jsonl");
        Files.writeString(file, """
                {"worker": 17, "question": "q1", "better": "a", "worse": "b", "domain": "math", "extra": 1}

                {"worker": "w2", "question": "q2", "better": "c", "worse": "d", "part": "test-unseen-users"}
                """);
        Dataset d = new JsonlPreferenceImporter(CUSTOM).importFile(file, "votes");
        assertEquals(2, d.pairs().size());
        assertEquals(new PreferencePair("votes-1", "17", "q1", "a", "b", "math", Split.TRAIN), d.pairs().get(0));
        assertEquals(new PreferencePair("votes-3", "w2", "q2", "c", "d", null, Split.TEST_UNSEEN_USERS), d.pairs().get(1));
        assertEquals(GroundTruth.NONE, d.truth());
    }

    @Test
    void reportsBadLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("votes.jsonl");
        Files.writeString(file, """
                {"user": "u", "prompt": "q", "chosen": "a", "rejected": "b"}
                {"user": "u", "prompt": "q", "chosen": "a"}
                {"user": "u", "prompt": "q", "chosen": "a", "rejected": "a", "split": "nope"}
                """);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new JsonlPreferenceImporter().importFile(file, "votes"));
        assertTrue(e.getMessage().contains("votes.jsonl:2: missing field 'rejected'"), e.getMessage());
        assertTrue(e.getMessage().contains("votes.jsonl:3: unknown split 'nope'"), e.getMessage());
        assertTrue(e.getMessage().contains("votes.jsonl:3: chosen equals rejected"), e.getMessage());
        assertEquals(3, e.total());
    }

    @Test
    void skippingInvalidLinesKeepsTheGoodOnesAndReportsEachBadOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("votes.jsonl");
        Files.writeString(file, """
                {"user": "u", "prompt": "q", "chosen": "a", "rejected": "b"}
                {"user": "u", "prompt": "q", "chosen": "", "rejected": "b"}
                not json at all
                {"user": "v", "prompt": "q", "chosen": "a", "rejected": "a", "split": "nope"}
                {"user": "v", "prompt": "q2", "chosen": "c", "rejected": "d"}
                """);
        JsonlPreferenceImporter.Imported imported = new JsonlPreferenceImporter().importFile(file, "votes", true);
        assertEquals(2, imported.dataset().pairs().size());
        assertEquals(java.util.List.of("votes-1", "votes-5"), imported.dataset().pairs().stream()
                .map(PreferencePair::id).toList());
        assertEquals(3, imported.skippedLines());
        assertTrue(imported.skippedProblems().contains("votes.jsonl:2: blank field 'chosen'"), imported.skippedProblems().toString());
        assertTrue(imported.skippedProblems().stream().anyMatch(p -> p.startsWith("votes.jsonl:3: invalid JSON")),
                imported.skippedProblems().toString());
        assertTrue(imported.skippedProblems().stream().anyMatch(p -> p.startsWith("votes.jsonl:4: unknown split 'nope'")),
                imported.skippedProblems().toString());

        // the default stays all or nothing, and skipping everything is still a failure
        assertThrows(DatasetFormatException.class, () -> new JsonlPreferenceImporter().importFile(file, "votes"));
        Path allBad = dir.resolve("bad.jsonl");
        Files.writeString(allBad, "{\"user\": \"u\"}\n");
        assertThrows(DatasetFormatException.class, () -> new JsonlPreferenceImporter().importFile(allBad, "bad", true));
    }
}
