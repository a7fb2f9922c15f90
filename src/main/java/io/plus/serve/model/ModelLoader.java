package io.plus.serve.model;

import io.plus.bundle.BundleException;
import io.plus.bundle.BundleManifest;
import io.plus.bundle.BundleStore;
import io.plus.bundle.ModelBundle;
import io.plus.bundle.Sha256;
import io.plus.encoder.TextEncoder;
import io.plus.methods.Conditioning;
import io.plus.summary.PolicyNetwork;
import io.plus.summary.SummarizerBundle;
import io.plus.summary.SummaryCheck;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** Reads and verifies a bundle (checksums, encoder, expected manifest digest) into a {@link LoadedModel}. Blocking. */
public final class ModelLoader {
    private final Function<String, TextEncoder> encoders;

    /** @param encoders the serving encoder for an encoder id */
    public ModelLoader(Function<String, TextEncoder> encoders) {
        this.encoders = encoders;
    }

    /** The manifest's SHA-256 and the manifest itself, for registering a bundle (verifies every file). */
    public static Inspected inspect(Path location) {
        ModelBundle bundle = BundleStore.read(location, Optional.empty());
        return new Inspected(bundle.manifest(), manifestDigest(location));
    }

    public record Inspected(BundleManifest manifest, String manifestSha256) {
    }

    /**
     * @param expectedManifestSha256 what the registry recorded: a bundle changed on disk since it was
     *                               registered is refused
     */
    public LoadedModel load(Path location, String expectedManifestSha256) {
        String before = manifestDigest(location);
        if (!before.equals(expectedManifestSha256)) {
            throw new BundleException("bundle at " + location + " has manifest SHA-256 " + before
                    + " but the registry recorded " + expectedManifestSha256);
        }
        ModelBundle bundle = BundleStore.read(location, Optional.empty());
        TextEncoder encoder = encoders.apply(bundle.manifest().encoder().id());
        BundleStore.requireEncoder(bundle.manifest(), new BundleManifest.EncoderInfo(encoder.id(), encoder.dimension()));
        Optional<LoadedModel.Summarizer> summarizer = Optional.empty();
        Conditioning conditioning = Conditioning.of(bundle.manifest().conditioning()).orElseThrow(() -> new BundleException(
                "bundle " + bundle.manifest().modelVersion() + " has unknown conditioning " + bundle.manifest().conditioning()));
        if (conditioning == Conditioning.SUMMARY) {
            SummarizerBundle parts = SummarizerBundle.from(bundle);
            PolicyNetwork policy = parts.network(encoder);
            summarizer = Optional.of(new LoadedModel.Summarizer(policy, parts.bank(),
                    SummaryCheck.of(bundle.rewardHead(), policy, parts.bank(), encoder)));
        } else if (bundle.manifest().conditioningDimension() > 0) {
            throw new BundleException("bundle " + bundle.manifest().modelVersion() + " needs "
                    + bundle.manifest().conditioning() + " conditioning, which serving cannot give; serve a PLUS "
                    + "bundle (summaries) or an unconditioned one (BTL)");
        }
        if (!manifestDigest(location).equals(before)) {
            throw new BundleException("bundle at " + location + " changed while it was being loaded");
        }
        return new LoadedModel(bundle.manifest().modelVersion(), before, bundle.manifest(), bundle.rewardHead(),
                summarizer, encoder);
    }

    static String manifestDigest(Path location) {
        try {
            return Sha256.of(location.resolve(BundleManifest.FILE_NAME));
        } catch (IOException e) {
            throw new BundleException("cannot read the manifest of " + location + ": " + e.getMessage(), e);
        }
    }
}
