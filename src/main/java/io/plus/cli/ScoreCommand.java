package io.plus.cli;

import io.plus.bundle.BundleManifest;
import io.plus.bundle.BundleStore;
import io.plus.bundle.ModelBundle;
import io.plus.encoder.TextEncoder;
import io.plus.methods.Conditioning;
import io.plus.model.CandidateRanking;
import io.plus.pipeline.BundleBinding;
import io.plus.summary.CandidateScoring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Rank candidate responses to a prompt for the user a summary describes. The summary is plain "
                + "text: edit it and see the ranking change.")
public class ScoreCommand implements Callable<Integer> {
    @Option(names = "--bundle", required = true, description = "A model bundle folder (PLUS for summaries).")
    Path bundle;

    @Option(names = "--summary", description = "The user's summary, in any words (PLUS bundles).")
    String summary;

    @Option(names = "--prompt", required = true, description = "The prompt the candidates answer.")
    String prompt;

    @Option(names = "--candidate", required = true, description = "A candidate response (repeat, at least two).")
    List<String> candidates;

    @Mixin
    EncoderOptions encoderOptions;

    @Override
    public Integer call() throws Exception {
        if (candidates.size() < 2) {
            throw new IllegalArgumentException("give at least two --candidate responses to rank");
        }
        ModelBundle model = BundleStore.read(bundle, Optional.empty());
        BundleManifest manifest = model.manifest();
        boolean summaryBundle = BundleBinding.conditioningOf(manifest) == Conditioning.SUMMARY;
        if (summaryBundle && (summary == null || summary.isBlank())) {
            throw new IllegalArgumentException("bundle " + manifest.modelVersion() + " is conditioned on a summary: give --summary");
        }
        if (!summaryBundle && manifest.conditioningDimension() > 0) {
            throw new IllegalArgumentException("bundle " + manifest.modelVersion() + " (" + manifest.method()
                    + ") needs " + manifest.conditioning() + " conditioning, which a command line cannot give");
        }
        try (TextEncoder encoder = encoderOptions.open(manifest.encoder().id())) {
            BundleStore.requireEncoder(manifest, new BundleManifest.EncoderInfo(encoder.id(), encoder.dimension()));
            record Asked(String prompt, List<String> candidates) implements CandidateScoring.Prompt {
            }
            List<Asked> asked = List.of(new Asked(prompt, candidates));
            float[][] vectors = encoder.embed(CandidateScoring.texts(summaryBundle, summary, asked));
            CandidateRanking.Ranked ranked = CandidateScoring.rank(model.rewardHead(), summaryBundle, vectors, asked).get(0);
            System.out.println("model " + manifest.modelVersion() + " (" + manifest.method() + ")"
                    + (summaryBundle ? ", summary: \"" + summary + "\"" : ""));
            for (int i : ranked.ranking()) {
                CandidateRanking.CandidateScore score = ranked.results().get(i);
                System.out.printf(Locale.ROOT, "%d. reward %+.3f  P(beats best) %.2f  %s%n", score.rank(), score.reward(),
                        score.pBeatsBest(), candidates.get(i));
            }
        }
        return 0;
    }
}
