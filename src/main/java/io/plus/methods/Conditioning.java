package io.plus.methods;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a reward model is told who the user is: the one list of the names that bundles, the model
 * registry and the API carry. The fixed ones are bound to a dataset by {@link ConditioningKind};
 * PLUS writes each user a summary.
 */
public enum Conditioning {
    /** One reward model for everyone (BTL). */
    NONE(true),
    /** The user's hidden true type (Oracle). */
    TRUE_TYPE(true),
    /** The user's raw context (ICL). */
    CONTEXT(true),
    /** The user's summary, generated or pinned (PLUS). */
    SUMMARY(true),
    /** VPL's per-user latent, inferred while evaluating: a benchmark baseline, never saved as a bundle. */
    VPL_LATENT(false);

    private final boolean savable;

    Conditioning(boolean savable) {
        this.savable = savable;
    }

    /** Whether a model conditioned this way can be written as a bundle and served. */
    public boolean savable() {
        return savable;
    }

    /** The fixed binding of this conditioning, for all but {@link #SUMMARY} and {@link #VPL_LATENT}. */
    public Optional<ConditioningKind> fixed() {
        return Arrays.stream(ConditioningKind.values()).filter(kind -> kind.conditioning() == this).findFirst();
    }

    /** The conditioning a bundle or registry row names, if it is one of these. */
    public static Optional<Conditioning> of(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
    }
}
