package io.plus.data.io;

import java.io.IOException;
import java.util.List;

/**
 * A dataset file had bad or partial records. The message lists every problem found (capped) as
 * {@code file:line: problem}, so one run shows all that must be fixed; nothing was loaded.
 */
public class DatasetFormatException extends IOException {
    private final List<String> problems;
    private final int total;

    public DatasetFormatException(List<String> problems, int total) {
        super(message(problems, total));
        this.problems = List.copyOf(problems);
        this.total = total;
    }

    public DatasetFormatException(String problem) {
        this(List.of(problem), 1);
    }

    /** The listed problems (at most {@link Problems#MAX_LISTED}). */
    public List<String> problems() {
        return problems;
    }

    /** How many problems were found in all, listed or not. */
    public int total() {
        return total;
    }

    private static String message(List<String> problems, int total) {
        StringBuilder sb = new StringBuilder(total + (total == 1 ? " problem" : " problems") + " in dataset input:");
        problems.forEach(p -> sb.append("\n  ").append(p));
        if (total > problems.size()) {
            sb.append("\n  ... and ").append(total - problems.size()).append(" more");
        }
        return sb.toString();
    }
}
