package io.plus.encoder;

import java.nio.file.Path;

/**
 * One of the writer processes of {@code EmbeddingDiskStoreTest}: appends {@code count} records named
 * {@code prefix + i} in flushes of 10, closes, reopens and prints how many records it reads back.
 */
public final class EmbeddingStoreWriter {
    private EmbeddingStoreWriter() {
    }

    static float[] vector(String prefix, int i) {
        return new float[]{prefix.charAt(0), i, -i, i * 0.5f};
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        try (EmbeddingDiskStore store = EmbeddingDiskStore.open(dir, "enc-a", 4)) {
            for (int i = 0; i < count; i++) {
                store.append(ContentHash.of(prefix + i), vector(prefix, i));
                if (i % 10 == 9) {
                    store.flush();
                }
            }
        }
        try (EmbeddingDiskStore reopened = EmbeddingDiskStore.open(dir, "enc-a", 4)) {
            System.out.println("read back " + reopened.loaded().size());
        }
    }
}
