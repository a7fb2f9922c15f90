package io.plus.bench;

import io.plus.training.Calibration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The temperature each method's rewards were scaled by after training, per dataset (mean over
 * seeds), with the held-out training pairs it was fitted on and their loss before and after.
 */
final class CalibrationTable {
    private CalibrationTable() {
    }

    static String render(BenchResult result) {
        Map<String, Map<Long, Calibration>> byMethod = new LinkedHashMap<>();
        for (RunRecord run : result.runs()) {
            if (!SvgChart.isDiagnostic(run.method())) {
                byMethod.computeIfAbsent(run.dataset() + "\u0000" + run.method(), key -> new LinkedHashMap<>())
                        .putIfAbsent(run.seed(), run.calibration());
            }
        }
        if (byMethod.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nReward calibration: after training, each method's rewards are multiplied "
                + "by the factor that best explains training pairs it held out (mean over seeds; — = too few held-out "
                + "pairs, left as trained):\n\n| Dataset | Method | Scale | Held-out pairs | Their NLL before → after |\n"
                + "|---|---|---|---|---|\n");
        for (Map.Entry<String, Map<Long, Calibration>> entry : byMethod.entrySet()) {
            String[] key = entry.getKey().split("\u0000");
            List<Calibration> fits = entry.getValue().values().stream().filter(Calibration::fitted).toList();
            out.append("| ").append(key[0]).append(" | ").append(key[1]).append(" | ");
            if (fits.isEmpty()) {
                out.append("— | — | — |\n");
                continue;
            }
            out.append(String.format(Locale.ROOT, "%.2f | %.0f | %.3f → %.3f |%n",
                    fits.stream().mapToDouble(Calibration::scale).average().orElseThrow(),
                    fits.stream().mapToInt(Calibration::pairs).average().orElseThrow(),
                    fits.stream().mapToDouble(Calibration::nllBefore).average().orElseThrow(),
                    fits.stream().mapToDouble(Calibration::nllAfter).average().orElseThrow()));
        }
        return out.toString();
    }
}
