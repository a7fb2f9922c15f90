package io.plus.summary.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plus.model.MlpWeights;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The state of a co-adaptation run after some iteration: both networks' weights, the bank's
 * statement ids and the log so far. Written to a side folder and moved into place, so a crash
 * never leaves a half-written checkpoint. Optimiser moments are not saved: a resumed run restarts
 * Adam from the saved weights.
 */
public record Checkpoint(int iteration, List<String> statementIds, MlpWeights policy, MlpWeights rewardHead,
                         List<IterationLog> log) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATE = "state.json";
    private static final String POLICY = "policy.bin";
    private static final String REWARD_HEAD = "reward-head.bin";

    private record State(int iteration, List<String> statementIds, List<IterationLog> log) {
    }

    public void write(Path directory) throws IOException {
        Path parent = directory.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, ".checkpoint-");
        try (OutputStream out = Files.newOutputStream(staging.resolve(POLICY))) {
            policy.writeTo(out);
        }
        try (OutputStream out = Files.newOutputStream(staging.resolve(REWARD_HEAD))) {
            rewardHead.writeTo(out);
        }
        JSON.writeValue(staging.resolve(STATE).toFile(), new State(iteration, statementIds, log));
        if (Files.exists(directory)) {
            Path old = Files.createTempDirectory(parent, ".checkpoint-old-");
            Files.move(directory, old.resolve("previous"), StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } else {
            Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    public static Optional<Checkpoint> read(Path directory) throws IOException {
        if (!Files.isRegularFile(directory.resolve(STATE))) {
            return Optional.empty();
        }
        State state = JSON.readValue(directory.resolve(STATE).toFile(), State.class);
        return Optional.of(new Checkpoint(state.iteration(), state.statementIds(), readWeights(directory.resolve(POLICY)),
                readWeights(directory.resolve(REWARD_HEAD)), state.log()));
    }

    private static MlpWeights readWeights(Path file) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            return MlpWeights.readFrom(in);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
