package io.plus.methods;

import io.plus.data.Dataset;
import io.plus.data.UserTruth;
import io.plus.model.FeatureLayout;

import java.util.Map;

/**
 * The fixed ways a reward model can be conditioned on the user, decided before training, and how
 * each is bound to a dataset: a loaded model is bound the same way it was trained. (PLUS
 * conditions on generated summaries instead; see the summary package. {@link Conditioning} lists
 * them all.)
 */
public enum ConditioningKind {
    /** One reward model for everyone (BTL). */
    NONE(FeatureLayout.BASIC) {
        @Override
        public UserConditioner bind(Dataset dataset, EmbeddingTable embeddings) {
            return UserConditioner.of(0, user -> new float[0]);
        }
    },
    /** The user's hidden true type (Oracle only: the one method allowed to read ground truth). */
    TRUE_TYPE(FeatureLayout.BASIC) {
        @Override
        public UserConditioner bind(Dataset dataset, EmbeddingTable embeddings) {
            int dimension = dataset.truth().users().values().stream()
                    .mapToInt(u -> u.latent().length).max()
                    .orElseThrow(() -> new IllegalArgumentException("dataset '" + dataset.name()
                            + "' has no ground truth: the Oracle cannot run on it"));
            return UserConditioner.of(dimension, user -> {
                UserTruth truth = dataset.truth().user(user).orElseThrow(() ->
                        new IllegalArgumentException("no ground truth for user " + user));
                float[] vector = new float[dimension];
                for (int i = 0; i < truth.latent().length; i++) {
                    vector[i] = (float) truth.latent()[i];
                }
                return vector;
            });
        }
    },
    /** The user's raw context, encoded without a summary (ICL). */
    CONTEXT(FeatureLayout.CROSS) {
        @Override
        public UserConditioner bind(Dataset dataset, EmbeddingTable embeddings) {
            Map<String, ContextEncoder.Encoding> encodings = ContextEncoder.encodeAll(dataset, embeddings);
            float[] none = new float[embeddings.dimension()];
            return ContextConditioner.of(UserConditioner.of(embeddings.dimension(), user -> {
                ContextEncoder.Encoding encoding = encodings.get(user);
                return encoding == null ? none : encoding.summed();
            }), this::bind);
        }
    };

    private final FeatureLayout layout;

    ConditioningKind(FeatureLayout layout) {
        this.layout = layout;
    }

    public FeatureLayout layout() {
        return layout;
    }

    public abstract UserConditioner bind(Dataset dataset, EmbeddingTable embeddings);

    /** Its name among all conditionings. */
    public Conditioning conditioning() {
        return Conditioning.valueOf(name());
    }

    /** Whether this conditioning reads the hidden ground truth (Oracle only). */
    public boolean readsGroundTruth() {
        return this == TRUE_TYPE;
    }
}
