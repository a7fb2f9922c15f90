package io.plus.operator.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.Optional;

/** The JSON termination message {@code train-run} leaves in its pod's status. */
record TerminationReport(String outcome, String message, String modelVersion, Map<String, Object> metrics,
                         String baselineVersion, Map<String, Object> baselineMetrics) {
    private static final ObjectMapper JSON = new ObjectMapper();

    @SuppressWarnings("unchecked")
    static Optional<TerminationReport> parse(String text) {
        try {
            Map<String, Object> json = JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
            return Optional.of(new TerminationReport((String) json.get("outcome"), (String) json.get("message"),
                    (String) json.get("modelVersion"), (Map<String, Object>) json.get("metrics"),
                    (String) json.get("baselineVersion"), (Map<String, Object>) json.get("baselineMetrics")));
        } catch (JsonProcessingException | ClassCastException e) {
            return Optional.empty();
        }
    }

    boolean registered() {
        return ("registered".equals(outcome) || "already-registered".equals(outcome)) && modelVersion != null;
    }
}
