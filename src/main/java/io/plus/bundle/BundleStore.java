package io.plus.bundle;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.plus.model.FeatureLayout;
import io.plus.model.MlpWeights;
import io.plus.model.RewardHead;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes and reads immutable model bundles: {@code <root>/<modelVersion>/} holding
 * {@code manifest.json} and the weights. A bundle appears atomically (written aside, then moved in
 * place) and is never overwritten; reading verifies every checksum and shape before use.
 */
public final class BundleStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private BundleStore() {
    }

    /** Writes a new bundle under {@code root}; the manifest's file list is filled in here. */
    public static Path write(Path root, BundleManifest manifest, MlpWeights weights) {
        return write(root, manifest, weights, Map.of());
    }

    /** Writes a new bundle with further files (e.g. a summarizer) beside the reward head. */
    public static Path write(Path root, BundleManifest manifest, MlpWeights weights, Map<String, byte[]> extraFiles) {
        Path target = root.resolve(manifest.modelVersion());
        if (Files.exists(target)) {
            throw new BundleException("model version " + manifest.modelVersion() + " already exists at "
                    + target + "; bundles are immutable, choose a new version");
        }
        Path staging = root.resolve(".staging-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            Path weightsFile = staging.resolve(ModelBundle.REWARD_HEAD_FILE);
            try (OutputStream out = Files.newOutputStream(weightsFile)) {
                weights.writeTo(out);
            }
            Map<String, String> files = new TreeMap<>();
            files.put(ModelBundle.REWARD_HEAD_FILE, Sha256.of(weightsFile));
            for (Map.Entry<String, byte[]> extra : extraFiles.entrySet()) {
                if (extra.getKey().contains("/") || extra.getKey().equals(BundleManifest.FILE_NAME)
                        || extra.getKey().equals(ModelBundle.REWARD_HEAD_FILE)) {
                    throw new BundleException("invalid bundle file name " + extra.getKey());
                }
                Files.write(staging.resolve(extra.getKey()), extra.getValue());
                files.put(extra.getKey(), Sha256.of(extra.getValue()));
            }
            JSON.writeValue(staging.resolve(BundleManifest.FILE_NAME).toFile(), manifest.withFiles(files));
            moveIntoPlace(staging, target);
            return target;
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new BundleException("could not write bundle " + manifest.modelVersion() + ": " + e.getMessage(), e);
        }
    }

    /** Reads and verifies a bundle; {@code expectedEncoder}, when given, must match the manifest. */
    public static ModelBundle read(Path directory, Optional<BundleManifest.EncoderInfo> expectedEncoder) {
        Path manifestFile = directory.resolve(BundleManifest.FILE_NAME);
        if (!Files.isRegularFile(manifestFile)) {
            throw new BundleException("not a model bundle: " + manifestFile + " is missing");
        }
        BundleManifest manifest;
        try {
            manifest = JSON.readValue(manifestFile.toFile(), BundleManifest.class);
        } catch (JsonProcessingException e) {
            // where, not what: the file's content stays out of the message (it may not be a manifest at all)
            JsonLocation at = e.getLocation();
            throw new BundleException("unreadable manifest " + manifestFile + ": not a bundle manifest"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
        } catch (IOException e) {
            throw new BundleException("unreadable manifest " + manifestFile + ": " + e.getMessage(), e);
        }
        if (manifest.formatVersion() != BundleManifest.FORMAT_VERSION) {
            throw new BundleException("bundle " + directory + " has format version " + manifest.formatVersion()
                    + "; this build reads version " + BundleManifest.FORMAT_VERSION + " (train the model again with it)");
        }
        if (manifest.encoder() == null || manifest.files() == null || manifest.featureLayout() == null) {
            throw new BundleException("manifest " + manifestFile + " lacks the encoder, the feature layout or the file list");
        }
        expectedEncoder.ifPresent(expected -> requireEncoder(manifest, expected));
        Map<String, byte[]> contents = readVerified(directory, manifest);
        MlpWeights weights = readWeights(directory.resolve(ModelBundle.REWARD_HEAD_FILE), contents);
        try {
            RewardHead head = new RewardHead(weights, FeatureLayout.valueOf(manifest.featureLayout()),
                    manifest.encoder().dimension(), manifest.conditioningDimension());
            return new ModelBundle(directory, manifest, head, contents);
        } catch (IllegalArgumentException e) {
            throw new BundleException("bundle " + manifest.modelVersion() + " does not match its manifest: "
                    + e.getMessage(), e);
        }
    }

    /** Refuses a bundle whose embeddings come from another encoder than {@code actual}. */
    public static void requireEncoder(BundleManifest manifest, BundleManifest.EncoderInfo actual) {
        if (!actual.equals(manifest.encoder())) {
            throw new BundleException("bundle " + manifest.modelVersion() + " was trained on encoder "
                    + manifest.encoder() + " but this runtime uses " + actual);
        }
    }

    /** Reads every listed file once and checks its SHA-256, so what is used is what was verified. */
    private static Map<String, byte[]> readVerified(Path directory, BundleManifest manifest) {
        Map<String, byte[]> contents = new TreeMap<>();
        if (!manifest.files().containsKey(ModelBundle.REWARD_HEAD_FILE)) {
            throw new BundleException("manifest of " + manifest.modelVersion() + " does not list "
                    + ModelBundle.REWARD_HEAD_FILE);
        }
        for (Map.Entry<String, String> file : manifest.files().entrySet()) {
            Path path = directory.resolve(file.getKey()).normalize();
            if (!path.startsWith(directory.normalize())) {
                throw new BundleException("manifest names a file outside the bundle: " + file.getKey());
            }
            if (!Files.isRegularFile(path)) {
                throw new BundleException("bundle " + manifest.modelVersion() + " is incomplete: " + file.getKey()
                        + " is missing");
            }
            try {
                byte[] bytes = Files.readAllBytes(path);
                String actual = Sha256.of(bytes);
                if (!actual.equalsIgnoreCase(file.getValue())) {
                    throw new BundleException("bundle " + manifest.modelVersion() + " is corrupt: SHA-256 of "
                            + file.getKey() + " is " + actual + " but the manifest says " + file.getValue());
                }
                contents.put(file.getKey(), bytes);
            } catch (IOException e) {
                throw new BundleException("cannot read " + path + ": " + e.getMessage(), e);
            }
        }
        return contents;
    }

    private static MlpWeights readWeights(Path file, Map<String, byte[]> contents) {
        try (InputStream in = new java.io.ByteArrayInputStream(contents.get(file.getFileName().toString()))) {
            return MlpWeights.readFrom(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new BundleException("cannot read weights " + file + ": " + e.getMessage(), e);
        }
    }

    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
        } catch (FileAlreadyExistsException e) {
            throw new BundleException("model version already exists at " + target + "; bundles are immutable");
        }
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover staging folder is never read as a bundle
        }
    }
}
