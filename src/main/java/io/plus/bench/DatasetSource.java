package io.plus.bench;

import io.plus.data.Dataset;

import java.io.IOException;

/** One benchmark dataset, made (or loaded and dealt out) for a given seed. */
public interface DatasetSource {
    String name();

    Dataset load(long seed) throws IOException;
}
