package io.plus.methods;

import java.util.function.Function;

/** What a reward model is told about the user whose preference it predicts. */
public interface UserConditioner {
    int dimension();

    float[] conditioning(String user);

    /** A conditioner from a function of the user id. */
    static UserConditioner of(int dimension, Function<String, float[]> byUser) {
        return new UserConditioner() {
            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public float[] conditioning(String user) {
                return byUser.apply(user);
            }
        };
    }
}
