package io.plus.encoder;

/**
 * The embedding cache cannot be used as it is: a file of another encoder or dimension, not an
 * embedding store at all, or held by another process for too long. A person can fix each (another
 * cache directory, the other process), so commands report it in one line.
 */
public class EmbeddingStoreException extends IllegalStateException {
    public EmbeddingStoreException(String message) {
        super(message);
    }
}
