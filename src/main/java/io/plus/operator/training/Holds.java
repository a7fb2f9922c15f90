package io.plus.operator.training;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Canary hold durations as a TrainingRun writes them: {@code 30s}, {@code 10m}, {@code 1h30m}. */
final class Holds {
    private static final Pattern PART = Pattern.compile("([0-9]+)(s|m|h)");

    private Holds() {
    }

    static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            return Duration.ofMinutes(5);
        }
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                throw new IllegalArgumentException("'" + text + "' is not a duration like 30s, 10m or 1h30m");
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
            end = m.end();
        }
        if (end != text.length() || end == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 30s, 10m or 1h30m");
        }
        return total;
    }
}
