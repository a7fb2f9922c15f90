package io.plus.summary.training;

import io.plus.summary.StatementBank;
import io.plus.summary.StatementMiner;
import io.plus.data.Dataset;
import io.plus.data.generate.PetsGenerator;
import io.plus.encoder.EncoderSpec;
import io.plus.encoder.Encoders;
import io.plus.encoder.TextEncoder;
import io.plus.methods.EmbeddingTable;
import io.plus.training.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoAdaptationCheckpointTest {
    @TempDir
    Path checkpoints;

    @Test
    void aStoppedRunResumesFromItsLastCheckpoint() throws Exception {
        try (TextEncoder encoder = Encoders.open(EncoderSpec.MINILM_INT8, Optional.empty())) {
            Dataset visible = PetsGenerator.generate(new PetsGenerator.Config(5, 100, 20, 6, 2, 3, false)).withoutTruth();
            EmbeddingTable embeddings = EmbeddingTable.embed(visible, encoder, done -> { });
            StatementBank bank = StatementMiner.defaults().mine(visible);
            CoAdaptationConfig config = CoAdaptationConfig.defaults(5, TrainConfig.defaults(5)).withIterations(4);
            Path dir = checkpoints.resolve("run");

            CoAdaptationTrainer.Result first = new CoAdaptationTrainer(encoder, config)
                    .train(visible, embeddings, bank, Optional.of(dir), 2, log -> { });
            Checkpoint saved = Checkpoint.read(dir).orElseThrow();
            assertEquals(4, saved.iteration());
            assertEquals(first.log(), saved.log());

            List<Integer> resumedIterations = new ArrayList<>();
            CoAdaptationTrainer.Result resumed = new CoAdaptationTrainer(encoder, config.withIterations(6))
                    .train(visible, embeddings, bank, Optional.of(dir), 2, log -> resumedIterations.add(log.iteration()));
            assertEquals(List.of(5, 6), resumedIterations, "only the missing iterations run");
            assertEquals(6, resumed.log().size());
            assertEquals(first.log(), resumed.log().subList(0, 4));
            assertTrue(Checkpoint.read(dir).orElseThrow().iteration() == 6);

            StatementBank other = new StatementBank(bank.all().subList(0, 1));
            assertThrows(IllegalArgumentException.class, () -> new CoAdaptationTrainer(encoder, config)
                    .train(visible, embeddings, other, Optional.of(dir), 2, log -> { }));
        }
    }
}
