package io.plus.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PLUS's packages form no cycle: each may use the ones below it only, so a package can be read
 * (and tested) without those that use it — the learning core without the functions, the summarizer
 * without the method catalog, one serving package without the others. Read from the sources: every
 * reference to a class of another io.plus package, imported or written out.
 */
class PackageCyclesTest {
    private static final Path SOURCES = Path.of("src/main/java/io/plus");
    private static final Pattern REFERENCE = Pattern.compile("io\\.plus((?:\\.[a-z]+)+)\\.[A-Z]");

    @Test
    void packagesUseEachOtherWithoutACycle() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        assertTrue(uses.size() > 30, "the packages were read: " + uses.keySet());
        assertTrue(uses.get("serve.summary").contains("serve.users"), "a known dependency was seen: " + uses.get("serve.summary"));
        List<String> cycle = findCycle(uses);
        assertEquals(List.of(), cycle, "a package cycle");
    }

    @Test
    void aCycleIsFound() {
        Map<String, Set<String>> uses = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a")));
        assertEquals(List.of("a", "b", "c", "a"), findCycle(uses));
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String own = packageOf(file);
                Set<String> used = uses.computeIfAbsent(own, p -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(Files.readString(file));
                while (reference.find()) {
                    String other = reference.group(1).substring(1);
                    if (!other.equals(own)) {
                        used.add(other);
                    }
                }
            }
        }
        return uses;
    }

    private static String packageOf(Path file) {
        Path folder = SOURCES.relativize(file.getParent());
        return folder.toString().replace('/', '.');
    }

    /** One cycle as the path that closes it, or none. */
    static List<String> findCycle(Map<String, Set<String>> uses) {
        Map<String, Integer> state = new HashMap<>(); // 1: on the current path, 2: done
        for (String start : uses.keySet()) {
            List<String> found = visit(start, uses, state, new ArrayList<>());
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> visit(String node, Map<String, Set<String>> uses, Map<String, Integer> state,
                                      List<String> path) {
        Integer seen = state.get(node);
        if (seen != null && seen == 2) {
            return List.of();
        }
        path.add(node);
        if (seen != null) {
            return new ArrayList<>(path.subList(path.indexOf(node), path.size()));
        }
        state.put(node, 1);
        for (String next : uses.getOrDefault(node, Set.of())) {
            List<String> found = visit(next, uses, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        state.put(node, 2);
        path.remove(path.size() - 1);
        return List.of();
    }
}
