package io.plus.serve.model;

import io.plus.bundle.BundleManifest;
import io.plus.encoder.TextEncoder;
import io.plus.model.RewardHead;
import io.plus.summary.PolicyNetwork;
import io.plus.summary.StatementBank;
import io.plus.summary.SummaryCheck;
import io.plus.summary.SummaryConditioner;
import io.plus.summary.UserContext;

import java.util.Optional;

/**
 * A verified bundle ready to serve on plain Java arrays (no libtorch): the reward head, the
 * summarizer with its statement bank embedded, and the encoder both read.
 */
public record LoadedModel(String version, String manifestSha256, BundleManifest manifest, RewardHead rewardHead,
                          Optional<Summarizer> summarizer, TextEncoder encoder) {

    /** The policy that writes summaries, the bank it writes them from and the check by this model's head. */
    public record Summarizer(PolicyNetwork policy, StatementBank bank, SummaryCheck check) {
    }

    /** The summary this model writes from a user's context (the policy's most likely one, checked). */
    public SummaryConditioner.GeneratedSummary summaryFor(UserContext context) {
        Summarizer parts = summarizer.orElseThrow(() -> new IllegalStateException("model " + version
                + " reads no summary"));
        return SummaryConditioner.write(parts.policy(), parts.bank(), parts.check(), context);
    }

    /** True when the reward model reads a summary (PLUS bundles); other bundles ignore it. */
    public boolean readsSummary() {
        return summarizer.isPresent();
    }
}
