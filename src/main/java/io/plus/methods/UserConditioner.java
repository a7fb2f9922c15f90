package io.plus.methods;

/** What a reward model is told about the user whose preference it predicts. */
public interface UserConditioner {
    int dimension();

    float[] conditioning(String user);
}
