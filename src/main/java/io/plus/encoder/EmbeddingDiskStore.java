package io.plus.encoder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
 * appended, so a crash can at worst leave a partial last record, which {@link #open} drops
 * (and cuts off, so later appends stay aligned). A file lock keeps a second writer out.
 */
public final class EmbeddingDiskStore implements AutoCloseable {

    private static final byte[] MAGIC = "PLUSEMB1".getBytes(StandardCharsets.US_ASCII);
    private static final System.Logger LOG = System.getLogger(EmbeddingDiskStore.class.getName());

    private final Path file;
    private final String encoderId;
    private final int dimension;
    private final FileChannel channel;
    private final FileLock lock;
    private final Map<ContentHash, float[]> loaded;
    private final Map<ContentHash, float[]> pending = new LinkedHashMap<>();
    private final Set<ContentHash> persisted;
    private boolean closed;

    private EmbeddingDiskStore(Path file, String encoderId, int dimension, FileChannel channel, FileLock lock,
            Map<ContentHash, float[]> loaded) {
        this.file = file;
        this.encoderId = encoderId;
        this.dimension = dimension;
        this.channel = channel;
        this.lock = lock;
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
     *     another process (or store in this JVM) has it open
     */
    public static EmbeddingDiskStore openFile(Path file, String encoderId, int dimension) throws IOException {
        if (encoderId == null || encoderId.isBlank() || dimension < 1) {
            throw new IllegalArgumentException("need an encoder id and a positive dimension");
        }
        if (!Files.exists(file)) {
            createWithHeader(file, encoderId, dimension);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("Embedding store " + file + " is already open elsewhere");
            }
            Map<ContentHash, float[]> records = readAll(channel, file, encoderId, dimension);
            return new EmbeddingDiskStore(file, encoderId, dimension, channel, lock, records);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Header goes to a temp file first, so a crash never leaves a half-written header behind. */
    private static void createWithHeader(Path file, String encoderId, int dimension) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".part");
        try {
            Files.write(tmp, header(encoderId, dimension).array());
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static ByteBuffer header(String encoderId, int dimension) {
        byte[] id = encoderId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + 2 + id.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putInt(dimension).putShort((short) id.length).put(id).flip();
        return buf;
    }

    private static Map<ContentHash, float[]> readAll(FileChannel channel, Path file, String encoderId,
            int dimension) throws IOException {
        long size = channel.size();
        ByteBuffer fixed = ByteBuffer.allocate(MAGIC.length + 6).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, fixed, 0);
        byte[] magic = new byte[MAGIC.length];
        fixed.flip().get(magic);
        if (fixed.limit() < fixed.capacity() || !Arrays.equals(magic, MAGIC)) {
            throw new IllegalStateException(file + " is not a PLUS embedding store (bad header)");
        }
        int fileDimension = fixed.getInt();
        int idLength = Short.toUnsignedInt(fixed.getShort());
        ByteBuffer idBuf = ByteBuffer.allocate(idLength);
        readFully(channel, idBuf, fixed.capacity());
        String fileId = new String(idBuf.array(), 0, idBuf.position(), StandardCharsets.UTF_8);
        if (!fileId.equals(encoderId) || fileDimension != dimension) {
            throw new IllegalStateException("Embedding store " + file + " holds embeddings of encoder '" + fileId
                    + "' (dimension " + fileDimension + "), not '" + encoderId + "' (dimension " + dimension
                    + "); refusing to mix them. Use another cache directory or delete the file.");
        }
        long headerLength = fixed.capacity() + idLength;
        int recordLength = ContentHash.BYTES + 4 * dimension;
        long count = (size - headerLength) / recordLength;
        long valid = headerLength + count * recordLength;
        if (size > valid) {
            LOG.log(System.Logger.Level.WARNING, "Dropping " + (size - valid)
                    + " bytes of an incomplete last record in " + file);
            channel.truncate(valid);
        }
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

    /** Appends the queued records to the file in one write and forces them to disk. */
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
        long position = channel.size();
        while (buf.hasRemaining()) {
            position += channel.write(buf, position);
        }
        channel.force(false);
        persisted.addAll(pending.keySet());
        pending.clear();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("embedding store " + file + " is closed");
        }
    }

    /** Flushes, then releases the lock and the file. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }
}
