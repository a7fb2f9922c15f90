package io.plus.trainrun;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where bundles are written, given as a URI ({@code file:///models}) or a plain path. Only the file
 * scheme (a mounted volume) is served in this release; the URI form leaves room for object stores.
 */
public final class ModelStoreLocation {
    private ModelStoreLocation() {
    }

    public static Path parse(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("the model store location is empty");
        }
        if (!location.contains(":")) {
            return Path.of(location).toAbsolutePath().normalize();
        }
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("model store '" + location + "' is not a path or a URI: " + e.getReason());
        }
        if (!"file".equals(uri.getScheme())) {
            throw new IllegalArgumentException("model store '" + location + "': only file: locations (a mounted "
                    + "volume) are supported, not " + uri.getScheme() + ":");
        }
        if (uri.getPath() == null || uri.getPath().isEmpty() || (uri.getAuthority() != null && !uri.getAuthority().isEmpty())) {
            throw new IllegalArgumentException("model store '" + location + "': a file URI is file:///absolute/path");
        }
        return Path.of(uri.getPath()).normalize();
    }
}
