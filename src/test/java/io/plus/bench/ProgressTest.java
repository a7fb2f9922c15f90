package io.plus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void theEtaWaitsForUnitsDoneAfterThePaceStarts() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 10, Duration.ZERO);
        progress.note("texts embedded");
        progress.advance(2, "before the pace");
        progress.paceFromHere();
        progress.note("runs start");
        progress.advance(3, "half");
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("[  0%] texts embedded") && lines.get(0).endsWith("ETA ?)"), lines.get(0));
        assertFalse(lines.get(1).endsWith("ETA ?)"), lines.get(1));
        assertTrue(lines.get(2).startsWith("[ 20%] runs start") && lines.get(2).endsWith("ETA ?)"), lines.get(2));
        assertTrue(lines.get(3).startsWith("[ 50%] half") && !lines.get(3).endsWith("ETA ?)"), lines.get(3));
    }
}
