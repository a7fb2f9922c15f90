package io.plus.training;

/**
 * PLUS never downloads anything at run time: the PyTorch natives come from the Maven jar. DJL
 * reads this switch once, so it is set before the first engine call unless the operator chose.
 */
public final class DjlOffline {
    private DjlOffline() {
    }

    public static void ensure() {
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }
}
