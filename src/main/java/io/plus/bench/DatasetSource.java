package io.plus.bench;

import io.plus.data.ContextUnit;
import io.plus.data.Dataset;

import java.io.IOException;
import java.util.OptionalInt;

/** One benchmark dataset, made (or loaded and dealt out) for a given seed. */
public interface DatasetSource {
    String name();

    Dataset load(long seed) throws IOException;

    /** What one unit of a user's context is, for the cold-start curve. */
    default ContextUnit contextUnit() {
        return ContextUnit.PAIR;
    }

    /**
     * How many context units of each unseen user the main tables read, when the dataset gives them
     * more for the cold-start curve; empty: all they have.
     */
    default OptionalInt contextBudget() {
        return OptionalInt.empty();
    }
}
