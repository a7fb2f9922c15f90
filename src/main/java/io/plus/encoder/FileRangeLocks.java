package io.plus.encoder;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Whole-file locks between processes (an OS file lock: shared for readers, exclusive for a writer).
 * The JVM holds OS locks per process, so two stores of one JVM on the same file would collide: a
 * JVM-wide lock per file takes them in turn first (their reads and appends are short). Waiting is
 * bounded: a holder that never lets go gives a clear error instead of a hang.
 */
final class FileRangeLocks {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 20;

    private FileRangeLocks() {
    }

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /** Shared (readers) or exclusive (a writer) lock on all of {@code file}, waiting at most {@code patience}. */
    static Held lock(Path file, FileChannel channel, boolean shared, Duration patience) throws IOException {
        ReentrantLock jvmLock = IN_THIS_JVM.computeIfAbsent(file.toAbsolutePath().normalize(),
                ignored -> new ReentrantLock());
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            if (!jvmLock.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy(file, patience);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + file, e);
        }
        try {
            FileLock os = osLock(file, channel, shared, deadline, patience);
            return () -> {
                try {
                    os.release();
                } finally {
                    jvmLock.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            jvmLock.unlock();
            throw e;
        }
    }

    private static FileLock osLock(Path file, FileChannel channel, boolean shared, long deadline, Duration patience)
            throws IOException {
        while (true) {
            FileLock lock;
            try {
                lock = channel.tryLock(0, Long.MAX_VALUE, shared);
            } catch (OverlappingFileLockException e) {
                // this JVM already holds a lock on the file outside this class: a programming error
                throw new IllegalStateException("embedding store " + file + " is locked twice in one process", e);
            }
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() > deadline) {
                throw busy(file, patience);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + file, e);
            }
        }
    }

    private static EmbeddingStoreException busy(Path file, Duration patience) {
        return new EmbeddingStoreException("embedding store " + file + " stayed locked by another process for "
                + patience.toSeconds() + " s; if no other plus command is running, a stopped one may hold it");
    }
}
