package io.plus.serve;

import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.encoder.CachingTextEncoder;
import io.plus.encoder.EncoderSpec;
import io.plus.encoder.OnnxSentenceEncoder;
import io.plus.serve.model.LoadedModel;
import io.plus.serve.model.ModelLoader;
import io.plus.serve.score.ScoreRequests;
import io.plus.summary.CandidateScoring;
import io.plus.summary.UserContexts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs, in a JVM of its own, what serving does with a bundle — load and verify it, write a
 * summary from feedback, score candidates — then reports whether libtorch is mapped into the
 * process. Exit code 0: it is not.
 */
public final class ScorePathProbe {
    private ScorePathProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path bundle = Path.of(args[0]);
        ModelLoader loader = new ModelLoader(id -> CachingTextEncoder.bounded(
                OnnxSentenceEncoder.open(EncoderSpec.fromId(id)), 1000));
        LoadedModel model = loader.load(bundle, ModelLoader.inspect(bundle).manifestSha256());
        LoadedModel.Summarizer summarizer = model.summarizer().orElseThrow();
        List<PreferencePair> feedback = List.of(new PreferencePair("e1", "u", Api.PROMPT, Api.DOG_ANSWER,
                Api.CAT_ANSWER, null, Split.CONTEXT));
        String summary = model.summaryFor(UserContexts.of(feedback, List.of(), model.encoder(), summarizer.bank())).text();
        List<ScoreRequests.Item> items = List.of(new ScoreRequests.Item(Api.PROMPT, List.of(Api.CAT_ANSWER, Api.DOG_ANSWER)));
        float[][] vectors = model.encoder().embed(CandidateScoring.texts(model.readsSummary(), summary, items));
        List<Integer> ranking = CandidateScoring.rank(model.rewardHead(), model.readsSummary(), vectors, items).get(0).ranking();
        long libtorch = Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(l -> l.contains("libtorch")).count();
        System.out.println("summary=" + summary + " ranking=" + ranking + " libtorchMappings=" + libtorch);
        System.exit(libtorch == 0 ? 0 : 3);
    }
}
