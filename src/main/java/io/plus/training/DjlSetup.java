package io.plus.training;

/**
 * How PLUS runs DJL's PyTorch engine; DJL reads these switches once, at the first engine call, so
 * they are set before it, and only where the operator has not chosen.
 * <ul>
 * <li>Offline: the PyTorch natives come from the Maven jar; nothing is downloaded at run time.</li>
 * <li>One thread per operation: PLUS's networks are small, so splitting an operation over cores
 * gains little, and on a busy machine it costs much. A parallel operation waits for its slowest
 * thread, and a thread descheduled for another process's time slice stalls it. Idle OpenMP threads
 * also spin, taking the core the training thread needs. One thread also keeps the order of every
 * sum fixed, so results do not depend on how many cores were free.</li>
 * </ul>
 */
public final class DjlSetup {
    static final String THREADS = "ai.djl.pytorch.num_threads";
    static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

    private DjlSetup() {
    }

    public static void ensure() {
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty(THREADS) == null) {
            System.setProperty(THREADS, "1");
        }
        if (System.getProperty(INTEROP_THREADS) == null) {
            System.setProperty(INTEROP_THREADS, "1");
        }
    }
}
