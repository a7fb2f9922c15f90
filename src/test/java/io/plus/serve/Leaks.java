package io.plus.serve;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** What an answer of the API must never show: Java types, the server's folders, a file's content. */
final class Leaks {
    private static final List<Pattern> PATTERNS = List.of(
            // a qualified Java name (io.plus.serve.X, java.util.ArrayList, com.fasterxml…) or a nested class
            Pattern.compile("\\b(?:io|java|javax|jakarta|com|org|sun)\\.[a-z0-9_]+\\.[A-Za-z0-9_.$]+"),
            Pattern.compile("[A-Za-z0-9]\\$[A-Z][A-Za-z0-9]*"),
            Pattern.compile("\\b[A-Z][A-Za-z]*(?:Exception|Error)\\b"),
            Pattern.compile("StreamReadConstraints|DeserializationFeature|MapperFeature|getMaxNestingDepth"),
            Pattern.compile("\\bat [a-z]+\\.[a-z]+.*\\(.*\\.java:\\d+\\)"),
            // file content a path trick would show
            Pattern.compile("root:x:0:0|daemon:x:"));

    private Leaks() {
    }

    static boolean found(String answer) {
        if (answer == null) {
            return false;
        }
        String workingDirectory = Path.of("").toAbsolutePath().toString();
        if (answer.contains(workingDirectory) || answer.contains(System.getProperty("user.home") + "/")) {
            return true;
        }
        return PATTERNS.stream().anyMatch(p -> p.matcher(answer).find());
    }
}
