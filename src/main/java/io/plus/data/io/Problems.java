package io.plus.data.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects input problems while a file is read, so that all of them are reported together
 * instead of failing on the first (or, worse, silently dropping a record).
 */
public final class Problems {
    /** Problems beyond this many are only counted, to keep the message readable. */
    public static final int MAX_LISTED = 50;

    private final List<String> listed = new ArrayList<>();
    private final int maxListed;
    private int total;

    public Problems() {
        this(MAX_LISTED);
    }

    /** Lists up to {@code maxListed} problems (a report of every skipped line lists them all). */
    public Problems(int maxListed) {
        this.maxListed = maxListed;
    }

    public void add(String file, int line, String problem) {
        add(file + ":" + line + ": " + problem);
    }

    public void add(String problem) {
        total++;
        if (listed.size() < maxListed) {
            listed.add(problem);
        }
    }

    /** The problems listed so far, as {@code file:line: problem}. */
    public List<String> listed() {
        return List.copyOf(listed);
    }

    public int count() {
        return total;
    }

    public boolean isEmpty() {
        return total == 0;
    }

    public void throwIfAny() throws DatasetFormatException {
        if (total > 0) {
            throw new DatasetFormatException(listed, total);
        }
    }
}
