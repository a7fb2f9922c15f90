package io.plus.summary.training;

import io.plus.data.Dataset;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.data.generate.AttributesGenerator;
import io.plus.encoder.EncoderSpec;
import io.plus.encoder.Encoders;
import io.plus.encoder.TextEncoder;
import io.plus.methods.Conditioning;
import io.plus.methods.EmbeddingTable;
import io.plus.methods.FittedModel;
import io.plus.model.BradleyTerry;
import io.plus.model.FeatureLayout;
import io.plus.model.MlpWeights;
import io.plus.model.RewardHead;
import io.plus.summary.StatementBank;
import io.plus.summary.StatementMiner;
import io.plus.summary.SummaryCheck;
import io.plus.summary.SummaryConditioner;
import io.plus.summary.UserContexts;
import io.plus.training.TrainConfig;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoAdaptationHeldOutTest {

    @Test
    void wholePromptsAreHeldOutForCalibrationAndFoldedInAtTheEnd() throws Exception {
        try (TextEncoder encoder = Encoders.open(EncoderSpec.MINILM_INT8, Optional.empty())) {
            Dataset visible = AttributesGenerator.generate(new AttributesGenerator.Config(3,
                    AttributesGenerator.Variant.SINGLE, 8, 4, 600, 40, 3, 2)).withoutTruth();
            EmbeddingTable embeddings = EmbeddingTable.embed(visible, encoder, done -> { });
            StatementBank bank = StatementMiner.defaults().mine(visible);
            CoAdaptationConfig config = CoAdaptationConfig.defaults(3, TrainConfig.defaults(3)).withIterations(6);

            CoAdaptationTrainer.Result result = new CoAdaptationTrainer(encoder, config)
                    .train(visible, embeddings, bank, Optional.empty(), 1, log -> { });

            // every user's pairs on the held-out prompts, and nothing else
            Set<String> heldPrompts = result.heldOutPairs().stream().map(PreferencePair::prompt).collect(Collectors.toSet());
            assertFalse(heldPrompts.isEmpty());
            Set<PreferencePair> onHeldPrompts = visible.pairs(Split.TRAIN).stream()
                    .filter(p -> heldPrompts.contains(p.prompt())).collect(Collectors.toSet());
            assertEquals(onHeldPrompts, new HashSet<>(result.heldOutPairs()));

            // the settled head never saw them; the served head took one more epoch with them in
            SummaryConditioner conditioner = new SummaryConditioner(result.policy(), bank,
                    UserContexts.of(visible, embeddings, bank), encoder, SummaryCheck.none());
            double settled = meanLoss(result.settledHead(), conditioner, result.heldOutPairs(), embeddings);
            double served = meanLoss(result.rewardHead(), conditioner, result.heldOutPairs(), embeddings);
            assertTrue(served < settled, "folding the held-out pairs in did not fit them: " + served + " vs " + settled);
        }
    }

    private static double meanLoss(MlpWeights weights, SummaryConditioner conditioner, List<PreferencePair> pairs,
                                   EmbeddingTable embeddings) {
        RewardHead head = new RewardHead(weights, FeatureLayout.CROSS, embeddings.dimension(), embeddings.dimension());
        double[] margins = new FittedModel("PLUS", Conditioning.SUMMARY, head, conditioner).margins(pairs, embeddings);
        double loss = 0;
        for (double margin : margins) {
            loss += BradleyTerry.loss(margin);
        }
        return loss / margins.length;
    }
}
