package io.plus.pipeline;

import io.plus.bundle.BundleException;
import io.plus.bundle.BundleManifest;
import io.plus.bundle.ModelBundle;
import io.plus.data.Dataset;
import io.plus.methods.Conditioning;
import io.plus.methods.ConditioningKind;
import io.plus.methods.EmbeddingTable;
import io.plus.methods.FittedModel;
import io.plus.methods.UserConditioner;
import io.plus.summary.PolicyNetwork;
import io.plus.summary.SummarizerBundle;
import io.plus.summary.SummaryCheck;
import io.plus.summary.SummaryConditioner;
import io.plus.summary.UserContexts;
import io.plus.encoder.TextEncoder;

import java.util.Map;

/**
 * Binds a loaded bundle to a dataset so it can score that dataset's users: a summary bundle writes
 * each user's summary from their context; the other bundles condition as they were trained.
 */
public final class BundleBinding {
    private BundleBinding() {
    }

    public static FittedModel bind(ModelBundle bundle, Dataset dataset, EmbeddingTable embeddings, TextEncoder encoder) {
        BundleManifest manifest = bundle.manifest();
        Conditioning conditioning = conditioningOf(manifest);
        UserConditioner conditioner;
        if (conditioning == Conditioning.SUMMARY) {
            SummarizerBundle summarizer = SummarizerBundle.from(bundle);
            Dataset visible = dataset.withoutTruth();
            PolicyNetwork policy = summarizer.network(encoder);
            conditioner = new SummaryConditioner(policy, summarizer.bank(),
                    UserContexts.of(visible, embeddings, summarizer.bank()), encoder,
                    SummaryCheck.of(bundle.rewardHead(), policy, summarizer.bank(), encoder));
        } else {
            ConditioningKind kind = conditioning.fixed().orElseThrow(() -> new BundleException("bundle "
                    + manifest.modelVersion() + " has " + conditioning + " conditioning, which a bundle cannot carry"));
            conditioner = kind.bind(kind.readsGroundTruth() ? dataset : dataset.withoutTruth(), embeddings);
        }
        if (conditioner.dimension() != manifest.conditioningDimension()) {
            throw new IllegalArgumentException("dataset " + dataset.name() + " gives conditioning of "
                    + conditioner.dimension() + " values but bundle " + manifest.modelVersion() + " expects "
                    + manifest.conditioningDimension());
        }
        return new FittedModel(manifest.method(), conditioning, bundle.rewardHead(), conditioner);
    }

    /** Files a fitted model needs in its bundle besides the reward head. */
    public static Map<String, byte[]> extraFiles(FittedModel fitted) {
        if (!fitted.conditioning().savable()) {
            throw new IllegalArgumentException("method " + fitted.method() + " (conditioning " + fitted.conditioning()
                    + ") is a benchmark baseline and cannot be saved as a bundle");
        }
        if (fitted.conditioner() instanceof SummaryConditioner summaries) {
            return SummarizerBundle.of(summaries.policy(), summaries.bank()).files();
        }
        return Map.of();
    }

    /** The conditioning a bundle's manifest names; an unknown name is a broken bundle. */
    public static Conditioning conditioningOf(BundleManifest manifest) {
        return Conditioning.of(manifest.conditioning()).orElseThrow(() -> new BundleException("bundle "
                + manifest.modelVersion() + " has unknown conditioning " + manifest.conditioning()));
    }
}
