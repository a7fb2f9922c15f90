package io.plus.data.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetReaderErrorsTest {
    private static final String GOOD =
            "{\"kind\":\"pair\",\"id\":\"p1\",\"user\":\"u1\",\"prompt\":\"q\",\"chosen\":\"a\",\"rejected\":\"b\"}";

    @Test
    void reportsEveryBadLineWithFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pairs.jsonl"), String.join("\n",
                GOOD,
                "{not json",
                "{\"kind\":\"pair\",\"id\":\"p2\",\"user\":\"u1\",\"prompt\":\"q\",\"chosen\":\"a\"}",
                "{\"kind\":\"pair\",\"id\":\"p3\",\"user\":\"u1\",\"prompt\":\" \",\"chosen\":\"a\",\"rejected\":\"b\",\"split\":\"dev\"}",
                GOOD,
                "{\"kind\":\"pair\",\"id\":\"p4\",\"user\":\"u1\",\"prompt\":\"q\",\"chosen\":\"a\",\"rejected\":\"a\"}",
                "{\"kind\":\"context\",\"id\":\"c1\",\"user\":\"u1\",\"text\":\"t\",\"source\":\"diary\"}",
                "{\"kind\":\"vote\"}",
                "{\"kind\":\"pair\",\"id\":\"p5\",\"user\":\"u1\",\"prompt\":\"q\",\"chosen\":\"a\",\"rejected\":\"b\",\"Split\":\"test-seen-users\"}",
                ""));
        Files.writeString(dir.resolve("truth.jsonl"),
                "{\"kind\":\"pair\",\"id\":\"p9\",\"controversial\":true,\"pChosen\":1.5}\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DatasetReader.read(dir, "bad"));
        String m = e.getMessage();
        assertTrue(m.contains("pairs.jsonl:2: invalid JSON"), m);
        assertTrue(m.contains("pairs.jsonl:3: missing field 'rejected'"), m);
        assertTrue(m.contains("pairs.jsonl:4: blank field 'prompt'"), m);
        assertTrue(m.contains("pairs.jsonl:4: unknown split 'dev'"), m);
        assertTrue(m.contains("pairs.jsonl:5: duplicate id 'p1' (first on line 1)"), m);
        assertTrue(m.contains("pairs.jsonl:6: chosen equals rejected"), m);
        assertTrue(m.contains("pairs.jsonl:7: unknown source 'diary'"), m);
        assertTrue(m.contains("pairs.jsonl:8: unknown kind 'vote'"), m);
        assertTrue(m.contains("pairs.jsonl:9: unknown field(s) [Split]"), m);
        assertTrue(m.contains("truth.jsonl:1: pChosen must be in [0, 1]"), m);
        assertTrue(m.contains("truth.jsonl:1: pair 'p9' is not in pairs.jsonl"), m);
        assertEquals(e.total(), e.problems().size());
    }

    @Test
    void capsTheListingButCountsAll(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pairs.jsonl"),
                IntStream.range(0, 70).mapToObj(i -> "[]").collect(Collectors.joining("\n")));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DatasetReader.read(dir, "bad"));
        assertEquals(70, e.total());
        assertEquals(Problems.MAX_LISTED, e.problems().size());
        assertTrue(e.getMessage().contains("... and 20 more"), e.getMessage());
    }

    @Test
    void missingPairsFileIsAFormatError(@TempDir Path dir) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DatasetReader.read(dir, "none"));
        assertTrue(e.getMessage().contains("pairs.jsonl"));
    }
}
