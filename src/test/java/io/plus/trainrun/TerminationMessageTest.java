package io.plus.trainrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerminationMessageTest {
    @Test
    void anOversizedMessageKeepsTheOutcomeTheVersionAndTheMetrics() throws Exception {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("outcome", "registered");
        message.put("exitCode", 0);
        message.put("message", "registered candidate v2 " + "x".repeat(3000));
        message.put("modelVersion", "v2");
        message.put("metrics", Map.of("test-unseen-users", Map.of("accuracy", 0.83, "pairs", 900)));
        message.put("snapshot", Map.of("tenants", List.of("t".repeat(2000), "u".repeat(2000))));
        message.put("device", "cpu()");

        String fitted = TerminationMessage.fitted(message);
        assertTrue(fitted.getBytes(StandardCharsets.UTF_8).length <= TerminationMessage.MAX_BYTES, fitted.length() + " bytes");
        JsonNode json = new ObjectMapper().readTree(fitted);
        assertEquals("v2", json.get("modelVersion").asText());
        assertEquals(0.83, json.at("/metrics/test-unseen-users/accuracy").asDouble());
        assertTrue(json.get("truncated").asBoolean());
        assertTrue(json.get("message").asText().startsWith("registered candidate v2"));
    }

    @Test
    void aSmallMessageIsWrittenAsItIs() {
        Map<String, Object> message = Map.of("outcome", "insufficient-data", "exitCode", 3, "message", "too few");
        assertEquals(TrainRunJob.json(message), TerminationMessage.fitted(message));
    }
}
