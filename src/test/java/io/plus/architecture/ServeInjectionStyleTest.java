package io.plus.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The serving beans take what they need through one {@code @Inject} constructor into final
 * fields, never by field injection: a bean's needs are in one place, and it can be built by hand
 * in a test.
 */
class ServeInjectionStyleTest {
    private static final Path SOURCES = Path.of("src/main/java/io/plus/serve");
    /** {@code @Inject} followed by a field declaration rather than a constructor. */
    private static final Pattern INJECTED_FIELD = Pattern.compile("@Inject\\s+(?:@\\w+(?:\\([^)]*\\))?\\s+)*"
            + "(?:(?:private|protected|public|final)\\s+)*[\\w.<>, ?]+\\s+\\w+\\s*;");

    static List<String> injectedFields(String source) {
        List<String> found = new ArrayList<>();
        Matcher matcher = INJECTED_FIELD.matcher(source);
        while (matcher.find()) {
            found.add(matcher.group().replaceAll("\\s+", " "));
        }
        return found;
    }

    @Test
    void noServingBeanUsesFieldInjection() throws IOException {
        List<String> offenders = new ArrayList<>();
        int injectedConstructors = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                injectedFields(source).forEach(field -> offenders.add(SOURCES.relativize(file) + ": " + field));
                injectedConstructors += source.split("@Inject\\s+public \\w+\\(", -1).length - 1;
            }
        }
        assertTrue(injectedConstructors > 20, "the sources were read: " + injectedConstructors + " @Inject constructors");
        assertEquals(List.of(), offenders, "field injection");
    }

    @Test
    void theCheckSeesAFieldAndNotAConstructor() {
        assertEquals(1, injectedFields("class A {\n    @Inject\n    ServeConfig config;\n}").size());
        assertEquals(1, injectedFields("class A { @Inject Provider<ServeConfig> config; }").size());
        assertEquals(0, injectedFields("class A {\n    @Inject\n    public A(ServeConfig config) {\n    }\n}").size());
    }
}
