package io.plus.trainrun;

import io.plus.summary.training.IterationLog;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Progress lines for the log: co-adaptation iterations (reward, held-out accuracy) or epochs, each
 * with the time left estimated from the pace so far. About twenty lines per run, plus the last.
 */
final class TrainingProgress {
    private final Consumer<String> log;
    private final long startNanos = System.nanoTime();

    TrainingProgress(Consumer<String> log) {
        this.log = log;
    }

    void iteration(IterationLog entry, int total) {
        if (reportable(entry.iteration(), total)) {
            log.accept(String.format(Locale.ROOT, "iteration %d/%d: reward %.3f, accuracy %.1f%%, summary %.1f words, ETA %s",
                    entry.iteration(), total, entry.meanReward(), 100 * entry.accuracy(), entry.meanWords(),
                    eta(entry.iteration(), total)));
        }
    }

    void epoch(int epoch, int total) {
        if (reportable(epoch, total)) {
            log.accept(String.format(Locale.ROOT, "epoch %d/%d, ETA %s", epoch, total, eta(epoch, total)));
        }
    }

    private static boolean reportable(int done, int total) {
        return done == total || done % Math.max(1, total / 20) == 0;
    }

    private String eta(int done, int total) {
        long elapsed = System.nanoTime() - startNanos;
        Duration left = Duration.ofNanos(done == 0 ? 0 : elapsed / done * (total - done));
        return left.toMinutes() > 0 ? left.toMinutes() + "m" + left.toSecondsPart() + "s" : left.toSecondsPart() + "s";
    }
}
