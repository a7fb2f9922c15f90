package io.plus.methods;

import io.plus.data.Dataset;

import java.util.function.BiFunction;

/**
 * A conditioner that describes each user by reading their context (ICL's encoding, VPL's latent,
 * PLUS's summary). The trained parts are fixed; {@link #readingContextOf} points them at other
 * context — less of it, or other users' — which is how a cold start is measured.
 */
public interface ContextConditioner extends UserConditioner {
    /** The same trained conditioner, reading each user's context from {@code visible}, which holds no hidden truth. */
    default UserConditioner readingContextOf(Dataset visible, EmbeddingTable embeddings) {
        if (!visible.truth().isEmpty()) {
            throw new IllegalArgumentException("a learned conditioner must not see hidden labels: pass dataset.withoutTruth()");
        }
        return bindContext(visible, embeddings);
    }

    /** {@link #readingContextOf} once the data is known to hold no hidden truth. */
    UserConditioner bindContext(Dataset visible, EmbeddingTable embeddings);

    /** {@code bound} as it is now, and {@code rebind} to read other context. */
    static ContextConditioner of(UserConditioner bound, BiFunction<Dataset, EmbeddingTable, UserConditioner> rebind) {
        return new ContextConditioner() {
            @Override
            public UserConditioner bindContext(Dataset visible, EmbeddingTable embeddings) {
                return rebind.apply(visible, embeddings);
            }

            @Override
            public int dimension() {
                return bound.dimension();
            }

            @Override
            public float[] conditioning(String user) {
                return bound.conditioning(user);
            }
        };
    }
}
