package io.plus.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.jar.JarEntry;

/**
 * Copies a model from the classpath to a cache folder once, because ONNX Runtime loads from a file
 * path. The cached name carries a content fingerprint and the copy is written to a temp file then
 * moved atomically, so a partial or stale copy is never picked up.
 */
final class ModelFileCache {

    private ModelFileCache() {
    }

    /** {@code $PLUS_CACHE_DIR/models}, default {@code ~/.cache/plus/models}. */
    static Path defaultModelsDir() {
        String env = System.getenv("PLUS_CACHE_DIR");
        Path root = env != null && !env.isBlank()
                ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "plus");
        return root.resolve("models");
    }

    /** Returns the cached file for {@code resource}, copying it there first if needed. */
    static Path materialize(String resource, String stem, Path modelsDir) {
        URL url = ModelFileCache.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("Encoder resource " + resource
                    + " is not on the classpath; is its langchain4j-embeddings jar a dependency?");
        }
        try {
            Files.createDirectories(modelsDir);
            String fingerprint = jarFingerprint(url);
            if (fingerprint != null) {
                Path target = modelsDir.resolve(stem + "-" + fingerprint + ".onnx");
                if (!Files.isRegularFile(target)) {
                    Path tmp = copyToTemp(url, stem, modelsDir, null);
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                return target;
            }
            // Not in a jar (e.g. exploded classes): hash while copying, then name by the hash.
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Path tmp = copyToTemp(url, stem, modelsDir, sha);
            String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
            Path target = modelsDir.resolve(stem + "-sha256-" + hash + ".onnx");
            if (Files.isRegularFile(target)) {
                Files.delete(tmp);
            } else {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot cache encoder model " + resource + " in " + modelsDir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Size and CRC-32 from the jar's central directory: a content fingerprint without reading 100 MB. */
    private static String jarFingerprint(URL url) throws IOException {
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar) {
            JarEntry entry = jar.getJarEntry();
            if (entry != null && entry.getSize() >= 0 && entry.getCrc() >= 0) {
                return entry.getSize() + "-" + Long.toHexString(entry.getCrc());
            }
        }
        return null;
    }

    private static Path copyToTemp(URL url, String stem, Path dir, MessageDigest digest) throws IOException {
        Path tmp = Files.createTempFile(dir, stem + "-", ".part");
        try (InputStream raw = url.openStream();
             InputStream in = digest == null ? raw : new DigestInputStream(raw, digest)) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
