package io.plus.serve.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What a credential may do; each data and admin call needs one. */
public enum Scope {
    INGEST("ingest"),
    SUMMARY_READ("summary:read"),
    SUMMARY_WRITE("summary:write"),
    SCORE("score"),
    ERASE("erase"),
    /** The platform's own: the model registry and the audit log, whatever the key's tenant. */
    ADMIN("admin");

    private final String wire;

    Scope(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Scope> of(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }

    /** Parses a comma-separated list; an unknown name is an {@link IllegalArgumentException} naming it. */
    public static Set<Scope> parse(String list) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : list.split(",")) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            scopes.add(of(trimmed).orElseThrow(() -> new IllegalArgumentException("unknown scope '" + trimmed
                    + "' (known: " + Arrays.stream(values()).map(Scope::wire).collect(Collectors.joining(", ")) + ")")));
        }
        return scopes;
    }

    public static String format(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::wire).collect(Collectors.joining(","));
    }
}
