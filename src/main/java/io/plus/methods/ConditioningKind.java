package io.plus.methods;

import io.plus.data.Dataset;
import io.plus.data.UserTruth;

/**
 * How a method conditions its reward model on the user. Recorded in model bundles so a loaded
 * model is bound to a dataset the same way it was trained.
 */
public enum ConditioningKind {
    /** One reward model for everyone (BTL). */
    NONE {
        @Override
        public UserConditioner bind(Dataset dataset) {
            return new UserConditioner() {
                private final float[] empty = new float[0];

                @Override
                public int dimension() {
                    return 0;
                }

                @Override
                public float[] conditioning(String user) {
                    return empty;
                }
            };
        }
    },
    /** The user's hidden true type (Oracle only: the one method allowed to read ground truth). */
    TRUE_TYPE {
        @Override
        public UserConditioner bind(Dataset dataset) {
            int dimension = dataset.truth().users().values().stream()
                    .mapToInt(u -> u.latent().length).max()
                    .orElseThrow(() -> new IllegalArgumentException("dataset '" + dataset.name()
                            + "' has no ground truth: the Oracle cannot run on it"));
            return new UserConditioner() {
                @Override
                public int dimension() {
                    return dimension;
                }

                @Override
                public float[] conditioning(String user) {
                    UserTruth truth = dataset.truth().user(user).orElseThrow(() ->
                            new IllegalArgumentException("no ground truth for user " + user));
                    float[] vector = new float[dimension];
                    for (int i = 0; i < truth.latent().length; i++) {
                        vector[i] = (float) truth.latent()[i];
                    }
                    return vector;
                }
            };
        }
    };

    public abstract UserConditioner bind(Dataset dataset);

    /** Whether this conditioning reads the hidden ground truth (Oracle only). */
    public boolean readsGroundTruth() {
        return this == TRUE_TYPE;
    }
}
