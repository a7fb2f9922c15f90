package io.plus.encoder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An append-only file of embeddings for one encoder id and dimension.
 *
 * <p>Layout: header {@code "PLUSEMB1"}, int dimension, short id length, id (UTF-8); then records
 * of 32-byte {@link ContentHash} + {@code dimension} little-endian floats. Records are only ever
 * appended. Several processes may share one file: each reads under a shared file lock and appends
 * under an exclusive one held only for the append, so no reader sees half a record and no two
 * appends interleave. A crash can at worst leave a partial last record: readers ignore it, and the
 * next append (the only moment no other writer can be mid-record) cuts it off first.
 */
public final class EmbeddingDiskStore implements AutoCloseable {

    private static final byte[] MAGIC = "PLUSEMB1".getBytes(StandardCharsets.US_ASCII);
    private static final System.Logger LOG = System.getLogger(EmbeddingDiskStore.class.getName());

    private final Path file;
    private final String encoderId;
    private final int dimension;
    /** How long to wait for another process's read or append before giving up with a clear error. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final FileChannel channel;
    private final long headerLength;
    private final Map<ContentHash, float[]> loaded;
    private final Map<ContentHash, float[]> pending = new LinkedHashMap<>();
    private final Set<ContentHash> persisted;
    private boolean closed;

    private EmbeddingDiskStore(Path file, String encoderId, int dimension, FileChannel channel, long headerLength,
            Map<ContentHash, float[]> loaded) {
        this.file = file;
        this.encoderId = encoderId;
        this.dimension = dimension;
        this.channel = channel;
        this.headerLength = headerLength;
        this.loaded = Collections.unmodifiableMap(loaded);
        this.persisted = new HashSet<>(loaded.keySet());
    }

    /** Opens (or creates) the store file for this encoder in {@code directory}. */
    public static EmbeddingDiskStore open(Path directory, String encoderId, int dimension) throws IOException {
        return openFile(fileFor(directory, encoderId, dimension), encoderId, dimension);
    }

    /** The file that holds {@code encoderId}'s embeddings of width {@code dimension} in {@code directory}. */
    public static Path fileFor(Path directory, String encoderId, int dimension) {
        String safe = encoderId.replaceAll("[^A-Za-z0-9._-]", "_");
        return directory.resolve(safe + "-" + dimension + ".emb");
    }

    /**
     * Opens {@code file}, creating it with a header when absent.
     *
     * @throws IllegalStateException when the file belongs to another encoder id or dimension, or
     *     another process holds it locked for longer than a minute
     */
    public static EmbeddingDiskStore openFile(Path file, String encoderId, int dimension) throws IOException {
        if (encoderId == null || encoderId.isBlank() || dimension < 1) {
            throw new IllegalArgumentException("need an encoder id and a positive dimension");
        }
        if (!Files.exists(file)) {
            createWithHeader(file, encoderId, dimension);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try (FileRangeLocks.Held reading = FileRangeLocks.lock(file, channel, true, PATIENCE)) {
            long headerLength = checkHeader(channel, file, encoderId, dimension);
            Map<ContentHash, float[]> records = readRecords(channel, headerLength, dimension);
            return new EmbeddingDiskStore(file, encoderId, dimension, channel, headerLength, records);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * The header goes to a temp file first and is linked into place, so a crash never leaves a
     * half-written header, and of two processes creating the file at once one wins and the other
     * uses its file (a rename would replace a file the first may already be appending to).
     */
    private static void createWithHeader(Path file, String encoderId, int dimension) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".part");
        try {
            Files.write(tmp, header(encoderId, dimension).array());
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException e) {
                // another process made it first: theirs is as good
            } catch (UnsupportedOperationException | FileSystemException e) {
                moveUnlessPresent(tmp, file); // a file system without hard links
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void moveUnlessPresent(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file);
        } catch (FileAlreadyExistsException e) {
            // another process made it first
        }
    }

    private static ByteBuffer header(String encoderId, int dimension) {
        byte[] id = encoderId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + 2 + id.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putInt(dimension).putShort((short) id.length).put(id).flip();
        return buf;
    }

    /** Checks the header against the encoder; returns its length. */
    private static long checkHeader(FileChannel channel, Path file, String encoderId, int dimension)
            throws IOException {
        ByteBuffer fixed = ByteBuffer.allocate(MAGIC.length + 6).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, fixed, 0);
        byte[] magic = new byte[MAGIC.length];
        fixed.flip().get(magic);
        if (fixed.limit() < fixed.capacity() || !Arrays.equals(magic, MAGIC)) {
            throw new EmbeddingStoreException(file + " is not a PLUS embedding store (bad header)");
        }
        int fileDimension = fixed.getInt();
        int idLength = Short.toUnsignedInt(fixed.getShort());
        ByteBuffer idBuf = ByteBuffer.allocate(idLength);
        readFully(channel, idBuf, fixed.capacity());
        String fileId = new String(idBuf.array(), 0, idBuf.position(), StandardCharsets.UTF_8);
        if (!fileId.equals(encoderId) || fileDimension != dimension) {
            throw new EmbeddingStoreException("Embedding store " + file + " holds embeddings of encoder '" + fileId
                    + "' (dimension " + fileDimension + "), not '" + encoderId + "' (dimension " + dimension
                    + "); refusing to mix them. Use another cache directory or delete the file.");
        }
        return fixed.capacity() + idLength;
    }

    /** Every complete record; a partial last one (a writer that crashed mid-record) is left for the next append to cut. */
    private static Map<ContentHash, float[]> readRecords(FileChannel channel, long headerLength, int dimension)
            throws IOException {
        int recordLength = ContentHash.BYTES + 4 * dimension;
        long count = (channel.size() - headerLength) / recordLength;
        long valid = headerLength + count * recordLength;
        Map<ContentHash, float[]> records = new HashMap<>((int) Math.min(count * 2, Integer.MAX_VALUE));
        ByteBuffer body = ByteBuffer.allocate(recordLength * 1024).order(ByteOrder.LITTLE_ENDIAN);
        long position = headerLength;
        byte[] hash = new byte[ContentHash.BYTES];
        while (position < valid) {
            body.clear().limit((int) Math.min(body.capacity(), valid - position));
            readFully(channel, body, position);
            position += body.position();
            body.flip();
            while (body.remaining() >= recordLength) {
                body.get(hash);
                float[] v = new float[dimension];
                body.asFloatBuffer().get(v);
                body.position(body.position() + 4 * dimension);
                records.put(ContentHash.ofBytes(hash), v);
            }
        }
        return records;
    }

    private static void readFully(FileChannel channel, ByteBuffer buf, long position) throws IOException {
        while (buf.hasRemaining()) {
            int n = channel.read(buf, position + buf.position());
            if (n < 0) {
                return;
            }
        }
    }

    public Path file() {
        return file;
    }

    public String encoderId() {
        return encoderId;
    }

    public int dimension() {
        return dimension;
    }

    /** Records that were in the file when it was opened. */
    public Map<ContentHash, float[]> loaded() {
        return loaded;
    }

    /** Number of records on disk plus those waiting for {@link #flush()}. */
    public synchronized int size() {
        return persisted.size() + pending.size();
    }

    /** Queues a record for the next {@link #flush()}; records already stored are skipped. */
    public synchronized void append(ContentHash hash, float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("vector has " + vector.length + " dims, store has " + dimension);
        }
        ensureOpen();
        if (!persisted.contains(hash)) {
            pending.putIfAbsent(hash, vector.clone());
        }
    }

    /**
     * Appends the queued records at the end of the file in one write, under the exclusive lock, and
     * forces them to disk. Another process's records since this store was opened stay where they
     * are; a record both computed is stored twice, which readers take as one.
     */
    public synchronized void flush() throws IOException {
        ensureOpen();
        if (pending.isEmpty()) {
            return;
        }
        int recordLength = ContentHash.BYTES + 4 * dimension;
        ByteBuffer buf = ByteBuffer.allocate(recordLength * pending.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (Map.Entry<ContentHash, float[]> e : pending.entrySet()) {
            buf.put(e.getKey().bytes());
            for (float x : e.getValue()) {
                buf.putFloat(x);
            }
        }
        buf.flip();
        try (FileRangeLocks.Held writing = FileRangeLocks.lock(file, channel, false, PATIENCE)) {
            long size = channel.size();
            long aligned = headerLength + (size - headerLength) / recordLength * recordLength;
            if (size > aligned) { // no writer is mid-record while this lock is held: a crashed one left it
                LOG.log(System.Logger.Level.WARNING, "Dropping " + (size - aligned)
                        + " bytes of an incomplete last record in " + file);
                channel.truncate(aligned);
            }
            long position = aligned;
            while (buf.hasRemaining()) {
                position += channel.write(buf, position);
            }
            channel.force(false);
        }
        persisted.addAll(pending.keySet());
        pending.clear();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("embedding store " + file + " is closed");
        }
    }

    /** Flushes, then closes the file. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            channel.close();
        }
    }
}
