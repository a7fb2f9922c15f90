package io.plus.cli;

import io.plus.encoder.EncoderSpec;
import io.plus.encoder.Encoders;
import io.plus.encoder.TextEncoder;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** Which sentence encoder to use and where its embedding cache lives (shared by commands). */
public class EncoderOptions {
    @Option(names = "--encoder", defaultValue = "all-minilm-l6-v2",
            description = "Text encoder: all-minilm-l6-v2, all-minilm-l6-v2-int8, bge-small-en-v1.5, "
                    + "bge-small-en-v1.5-int8 (default: ${DEFAULT-VALUE}).")
    String encoderId;

    @Option(names = "--cache-dir", description = "Folder for model files and the on-disk embedding cache "
            + "(default: $PLUS_CACHE_DIR or ~/.cache/plus).")
    Path cacheDir;

    @Option(names = "--no-embedding-cache", description = "Do not read or write embeddings on disk.")
    boolean noDiskCache;

    public EncoderSpec spec() {
        return EncoderSpec.fromId(encoderId);
    }

    public TextEncoder open() {
        return open(encoderId);
    }

    public TextEncoder open(String id) {
        Optional<Path> disk = noDiskCache ? Optional.empty() : Optional.of(cacheRoot().resolve("embeddings"));
        return Encoders.open(EncoderSpec.fromId(id), disk);
    }

    Path cacheRoot() {
        if (cacheDir != null) {
            return cacheDir;
        }
        String env = System.getenv("PLUS_CACHE_DIR");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "plus");
    }
}
