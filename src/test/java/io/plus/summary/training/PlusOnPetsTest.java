package io.plus.summary.training;

import io.plus.summary.SummaryConditioner;
import io.plus.bundle.BundleManifest;
import io.plus.bundle.BundleStore;
import io.plus.bundle.ModelBundle;
import io.plus.data.Dataset;
import io.plus.data.PairTruth;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.data.generate.PetsGenerator;
import io.plus.encoder.EncoderSpec;
import io.plus.encoder.Encoders;
import io.plus.encoder.TextEncoder;
import io.plus.eval.Evaluator;
import io.plus.eval.SplitMetrics;
import io.plus.methods.Conditioning;
import io.plus.methods.EmbeddingTable;
import io.plus.methods.FittedModel;
import io.plus.pipeline.BundleBinding;
import io.plus.training.TrainConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PLUS trained for real on a small pets dataset: what a user of the platform relies on. */
class PlusOnPetsTest {
    private static TextEncoder encoder;
    private static Dataset dataset;
    private static EmbeddingTable embeddings;
    private static FittedModel plus;

    @BeforeAll
    static void trainPlus() {
        encoder = Encoders.open(EncoderSpec.MINILM, Optional.empty());
        dataset = PetsGenerator.generate(new PetsGenerator.Config(3, 300, 60, 12, 6, 3, false));
        embeddings = EmbeddingTable.embed(dataset, encoder, done -> { });
        plus = new PlusMethod("PLUS", encoder, true, 60).fit(dataset, embeddings, TrainConfig.defaults(3), e -> { });
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    private static SummaryConditioner summaries() {
        return (SummaryConditioner) plus.conditioner();
    }

    @Test
    void personalisesUnseenUsersOnControversialPairs() {
        SplitMetrics unseen = Evaluator.evaluate(plus, dataset, embeddings).stream()
                .filter(m -> m.split() == Split.TEST_UNSEEN_USERS).findFirst().orElseThrow();
        assertTrue(unseen.controversial().accuracy() >= 0.9, "controversial accuracy " + unseen.controversial());
    }

    @Test
    void summaryTextDecidesAControversialPair() {
        PreferencePair dogOverCat = controversialPairWithChosen("dog");
        double forDogLover = margin(dogOverCat, "Likes answers that mention dog.");
        double forCatLover = margin(dogOverCat, "Likes answers that mention cat.");
        assertTrue(forDogLover > 0 && forCatLover < 0,
                "margins " + forDogLover + " (dog summary) and " + forCatLover + " (cat summary)");
        // a person's own words, never seen in training, still read the same way
        assertTrue(margin(dogOverCat, "Responds well to material on dogs.") > 0);
        assertTrue(margin(dogOverCat, "Is keen on answers discussing cats.") < 0);
    }

    @Test
    void bundleRoundTripKeepsSummarizerBankAndScores(@TempDir Path root) {
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, "plus-test", "PLUS",
                Conditioning.SUMMARY.name(), plus.conditioner().dimension(), plus.head().layout().name(),
                new BundleManifest.EncoderInfo(encoder.id(), encoder.dimension()), Map.of(), dataset.name(), "x",
                Map.of(), null, Map.of(), "2026-11-27T00:00:00Z");
        Path dir = BundleStore.write(root, manifest, plus.head().weights(), BundleBinding.extraFiles(plus));
        ModelBundle bundle = BundleStore.read(dir, Optional.of(manifest.encoder()));
        FittedModel loaded = BundleBinding.bind(bundle, dataset, embeddings, encoder);
        SummaryConditioner loadedSummaries = (SummaryConditioner) loaded.conditioner();
        assertEquals(summaries().bank().all(), loadedSummaries.bank().all());
        for (PreferencePair pair : dataset.pairs(Split.TEST_UNSEEN_USERS).subList(0, 20)) {
            assertEquals(summaries().summary(pair.user()), loadedSummaries.summary(pair.user()));
            assertEquals(plus.margin(pair, embeddings), loaded.margin(pair, embeddings));
        }
    }

    private PreferencePair controversialPairWithChosen(String animal) {
        return dataset.pairs(Split.TEST_UNSEEN_USERS).stream()
                .filter(p -> dataset.truth().pair(p.id()).map(PairTruth::controversial).orElse(false))
                .filter(p -> p.chosen().toLowerCase().contains(animal))
                .findFirst().orElseThrow();
    }

    private double margin(PreferencePair pair, String summary) {
        float[] z = encoder.embed(summary);
        return plus.head().margin(embeddings.of(pair.prompt()), embeddings.of(pair.chosen()),
                embeddings.of(pair.rejected()), z);
    }
}
