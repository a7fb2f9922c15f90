package io.plus.bench;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Line-based progress for long runs: how many work units are done, elapsed time and an ETA
 * extrapolated from the pace since {@link #paceFromHere} (or the start). Throttled so logs stay readable.
 */
public final class Progress {
    private final PrintStream out;
    private final long totalUnits;
    private final long startNanos = System.nanoTime();
    private final long minIntervalNanos;
    private long doneUnits;
    private long lastPrintNanos;
    /** The ETA extrapolates the pace since here: work before it (embedding, say) goes at another pace. */
    private long paceStartNanos = startNanos;
    private long paceStartUnits;

    public Progress(PrintStream out, long totalUnits, Duration minInterval) {
        this.out = out;
        this.totalUnits = Math.max(1, totalUnits);
        this.minIntervalNanos = minInterval.toNanos();
    }

    public static Progress silent() {
        return new Progress(new PrintStream(java.io.OutputStream.nullOutputStream()), 1, Duration.ZERO);
    }

    /** Marks units as done and prints {@code what} unless a line was printed very recently. */
    public synchronized void advance(long units, String what) {
        doneUnits = Math.min(totalUnits, doneUnits + units);
        long now = System.nanoTime();
        if (now - lastPrintNanos >= minIntervalNanos || doneUnits == totalUnits) {
            lastPrintNanos = now;
            out.println(line(what, now));
        }
    }

    /** From now on the ETA is extrapolated from the pace of the units done after this call only. */
    public synchronized void paceFromHere() {
        paceStartNanos = System.nanoTime();
        paceStartUnits = doneUnits;
    }

    /** Prints a message with the current elapsed time, without advancing. */
    public synchronized void note(String what) {
        out.println(line(what, System.nanoTime()));
    }

    private String line(String what, long now) {
        double elapsed = (now - startNanos) / 1e9;
        double fraction = (double) doneUnits / totalUnits;
        long paced = doneUnits - paceStartUnits;
        String eta = paced <= 0 ? "?" : format((now - paceStartNanos) / 1e9 / paced * (totalUnits - doneUnits));
        return String.format("[%3.0f%%] %s  (elapsed %s, ETA %s)", 100 * fraction, what, format(elapsed), eta);
    }

    static String format(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
