package io.plus.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingDiskStoreTest {

    @TempDir
    Path dir;

    private static float[] vector(int seed) {
        return new float[] {seed, seed + 0.5f, -seed, 1f / (seed + 1)};
    }

    @Test
    void recordsSurviveReopen() throws Exception {
        try (EmbeddingDiskStore store = EmbeddingDiskStore.open(dir, "enc-a", 4)) {
            assertTrue(store.loaded().isEmpty());
            store.append(ContentHash.of("one"), vector(1));
            store.flush();
            store.append(ContentHash.of("two"), vector(2));
            store.append(ContentHash.of("one"), vector(9)); // already stored: ignored
        }
        try (EmbeddingDiskStore store = EmbeddingDiskStore.open(dir, "enc-a", 4)) {
            assertEquals(2, store.loaded().size());
            assertArrayEquals(vector(1), store.loaded().get(ContentHash.of("one")));
            assertArrayEquals(vector(2), store.loaded().get(ContentHash.of("two")));
        }
    }

    @Test
    void refusesAFileOfAnotherEncoderOrDimension() throws Exception {
        try (EmbeddingDiskStore store = EmbeddingDiskStore.open(dir, "enc-a", 4)) {
            store.append(ContentHash.of("one"), vector(1));
        }
        Path file = EmbeddingDiskStore.fileFor(dir, "enc-a", 4);
        IllegalStateException wrongId = assertThrows(IllegalStateException.class,
                () -> EmbeddingDiskStore.openFile(file, "enc-b", 4));
        assertTrue(wrongId.getMessage().contains("'enc-a'") && wrongId.getMessage().contains("'enc-b'"),
                wrongId.getMessage());
        Path renamed = Files.copy(file, EmbeddingDiskStore.fileFor(dir, "enc-a", 8));
        IllegalStateException wrongDim = assertThrows(IllegalStateException.class,
                () -> EmbeddingDiskStore.open(dir, "enc-a", 8));
        assertTrue(wrongDim.getMessage().contains("dimension 4"), wrongDim.getMessage());
        Files.writeString(renamed, "not a store at all");
        assertThrows(IllegalStateException.class, () -> EmbeddingDiskStore.open(dir, "enc-a", 8));
    }

    @Test
    void truncatedTailIsDroppedAndAppendsStayAligned() throws Exception {
        try (EmbeddingDiskStore store = EmbeddingDiskStore.open(dir, "enc-a", 4)) {
            store.append(ContentHash.of("one"), vector(1));
            store.append(ContentHash.of("two"), vector(2));
        }
        Path file = EmbeddingDiskStore.fileFor(dir, "enc-a", 4);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 5); // a crash in the middle of the last record
        }
        try (EmbeddingDiskStore store = EmbeddingDiskStore.open(dir, "enc-a", 4)) {
            assertEquals(1, store.loaded().size());
            assertArrayEquals(vector(1), store.loaded().get(ContentHash.of("one")));
            store.append(ContentHash.of("three"), vector(3));
        }
        try (EmbeddingDiskStore store = EmbeddingDiskStore.open(dir, "enc-a", 4)) {
            assertEquals(2, store.loaded().size());
            assertArrayEquals(vector(3), store.loaded().get(ContentHash.of("three")));
        }
    }

    @Test
    void twoStoresOnOneFileShareItAndEachSeesTheOthersRecordsOnReopen() throws Exception {
        try (EmbeddingDiskStore first = EmbeddingDiskStore.open(dir, "enc-a", 4);
             EmbeddingDiskStore second = EmbeddingDiskStore.open(dir, "enc-a", 4)) {
            first.append(ContentHash.of("one"), vector(1));
            second.append(ContentHash.of("two"), vector(2));
            first.flush();
            second.flush();
            second.append(ContentHash.of("one"), vector(1)); // computed by both: stored twice, read once
        }
        try (EmbeddingDiskStore reopened = EmbeddingDiskStore.open(dir, "enc-a", 4)) {
            assertEquals(2, reopened.loaded().size());
            assertArrayEquals(vector(2), reopened.loaded().get(ContentHash.of("two")));
        }
    }

    /**
     * Two processes append to one store at the same time, in many small flushes, then each reads it
     * back: every record of both is there, whole, and a third reader sees them all.
     */
    @Test
    void twoProcessesWritingAtOnceLoseAndCorruptNothing() throws Exception {
        int each = 400;
        List<Process> writers = new ArrayList<>();
        for (String prefix : List.of("a", "b")) {
            writers.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), EmbeddingStoreWriter.class.getName(),
                    dir.toString(), prefix, Integer.toString(each)).redirectErrorStream(true).start());
        }
        for (Process writer : writers) {
            String output = new String(writer.getInputStream().readAllBytes());
            assertTrue(writer.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), output);
            assertEquals(0, writer.exitValue(), output);
            int readBack = Integer.parseInt(output.replaceAll("(?s).*read back (\\d+).*", "$1"));
            assertTrue(readBack >= each, "a writer read back its own records at least: " + output);
        }
        try (EmbeddingDiskStore store = EmbeddingDiskStore.open(dir, "enc-a", 4)) {
            assertEquals(2 * each, store.loaded().size());
            for (String prefix : List.of("a", "b")) {
                for (int i = 0; i < each; i++) {
                    assertArrayEquals(EmbeddingStoreWriter.vector(prefix, i),
                            store.loaded().get(ContentHash.of(prefix + i)), prefix + i);
                }
            }
        }
        long recordLength = ContentHash.BYTES + 4 * 4;
        long body = Files.size(EmbeddingDiskStore.fileFor(dir, "enc-a", 4)) - headerLength("enc-a");
        assertEquals(0, body % recordLength, "the file ends on a record boundary");
    }

    private static long headerLength(String encoderId) {
        return 8 + 4 + 2 + encoderId.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
