package io.plus.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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
    void secondOpenOfTheSameFileIsRefused() throws Exception {
        try (EmbeddingDiskStore store = EmbeddingDiskStore.open(dir, "enc-a", 4)) {
            assertThrows(IllegalStateException.class, () -> EmbeddingDiskStore.open(dir, "enc-a", 4));
        }
        try (EmbeddingDiskStore reopened = EmbeddingDiskStore.open(dir, "enc-a", 4)) {
            assertTrue(reopened.loaded().isEmpty(), "closing released the lock");
        }
    }
}
