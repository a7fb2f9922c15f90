package io.plus.encoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/** Entry point: the encoder the rest of PLUS should use. */
public final class Encoders {

    private Encoders() {
    }

    /**
     * Opens {@code spec} with default settings behind an in-memory cache, plus a disk cache in
     * {@code diskCacheDir} when given. Close the result to persist the disk cache and free the model.
     */
    public static CachingTextEncoder open(EncoderSpec spec, Optional<Path> diskCacheDir) {
        OnnxSentenceEncoder encoder = OnnxSentenceEncoder.open(spec);
        try {
            Optional<EmbeddingDiskStore> store = Optional.empty();
            if (diskCacheDir.isPresent()) {
                store = Optional.of(EmbeddingDiskStore.open(diskCacheDir.get(), spec.id(), spec.dimension()));
            }
            return new CachingTextEncoder(encoder, store);
        } catch (IOException e) {
            encoder.close();
            throw new UncheckedIOException("Cannot open embedding cache in " + diskCacheDir.get(), e);
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }
}
