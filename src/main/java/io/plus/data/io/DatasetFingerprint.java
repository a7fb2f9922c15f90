package io.plus.data.io;

import io.plus.data.ContextItem;
import io.plus.data.Dataset;
import io.plus.data.PreferencePair;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * A content hash of what methods may observe (pairs and context items, each sorted by id, in
 * their wire form). The dataset name and the hidden truth are left out, so a report can state
 * exactly which observable data a result came from without the hash depending on the truth.
 */
public final class DatasetFingerprint {
    private DatasetFingerprint() {
    }

    /** Lower-case hex SHA-256. */
    public static String of(Dataset dataset) {
        MessageDigest sha = sha256();
        dataset.pairs().stream().sorted(Comparator.comparing(PreferencePair::id))
                .forEach(p -> update(sha, DatasetJson.pairLine(p)));
        dataset.contextItems().stream().sorted(Comparator.comparing(ContextItem::id))
                .forEach(c -> update(sha, DatasetJson.contextLine(c)));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String line) {
        sha.update(line.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
