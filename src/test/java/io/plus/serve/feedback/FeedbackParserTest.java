package io.plus.serve.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plus.serve.auth.Caller;
import io.plus.serve.auth.Scope;
import io.plus.serve.input.LimitsConfig;
import io.plus.serve.input.StrictJson;
import io.plus.serve.problem.Problem.FieldError;
import io.plus.serve.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ingest body parser on its own: shapes it takes, and each refusal naming the field at fault. */
class FeedbackParserTest {
    private static final Caller ACME = Caller.service("acme", Set.of(Scope.INGEST), "key-1");
    private static final Caller ALICE = new Caller("acme", Set.of(Scope.INGEST), "jwt:1", "alice");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);

    private final FeedbackParser parser = parser(Map.of("plus.serve.limits.events-per-request", "3"));

    private static FeedbackParser parser(Map<String, String> limits) {
        ObjectMapper json = new ObjectMapper();
        new StrictJson().customize(json);
        return new FeedbackParser(json, LimitsConfig.from(limits), NOW);
    }

    private static String preference(String user, String eventId) {
        return "{\"user\":\"" + user + "\",\"eventId\":\"" + eventId + "\",\"timestamp\":\"2026-12-02T11:00:00+01:00\","
                + "\"preference\":{\"prompt\":\"Which pet?\",\"chosen\":\"A dog.\",\"rejected\":\"A cat.\"}}";
    }

    private List<FeedbackInput> parse(String body, boolean ndjson, Caller caller) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), ndjson, caller);
    }

    private List<FieldError> refusal(String body, boolean ndjson, Caller caller) {
        ProblemException refused = assertThrows(ProblemException.class, () -> parse(body, ndjson, caller));
        assertEquals(400, refused.status(), refused.getMessage());
        return refused.toProblem(null).errors();
    }

    @Test
    void oneEventAnArrayAndNdjsonGiveTheSameEvents() {
        FeedbackInput one = parse(preference("u1", "e1"), false, ACME).get(0);
        assertEquals("acme", one.tenant(), "the credential's tenant");
        assertEquals("u1", one.user());
        assertEquals(OffsetDateTime.parse("2026-12-02T10:00:00Z"), one.occurredAt(), "kept in UTC");
        assertEquals(FeedbackEvent.PREFERENCE, one.kind());
        assertEquals(List.of("/0", "/1"), parse("[" + preference("u1", "e1") + "," + preference("u2", "e2") + "]", false, ACME)
                .stream().map(FeedbackInput::pointer).toList());
        List<FeedbackInput> lines = parse(preference("u1", "e1") + "\r\n\n  \n" + preference("u2", "e2") + "\n", true, ACME);
        assertEquals(List.of("e1", "e2"), lines.stream().map(FeedbackInput::eventId).toList(), "blank lines and CRLF are fine");
    }

    @Test
    void aContextItemIsTakenAndItsKindChecked() {
        String context = "{\"user\":\"u1\",\"eventId\":\"c1\",\"timestamp\":\"2026-12-02T11:00:00Z\","
                + "\"context\":{\"kind\":\"self-description\",\"text\":\"I keep rabbits.\"}}";
        assertEquals("I keep rabbits.", parse(context, false, ACME).get(0).contextText());
        assertEquals("/context/kind", refusal(context.replace("self-description", "diary"), false, ACME).get(0).pointer());
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsTakenFromTheRequest() {
        String bad = "[" + preference("u1", "e1") + ","
                + preference("no spaces", "e2").replace("A cat.", "A dog.").replace("\"timestamp\":\"2026-12-02T11:00:00+01:00\"",
                "\"timestamp\":\"2026-12-05T00:00:00Z\"") + "]";
        List<FieldError> errors = refusal(bad, false, ACME);
        assertEquals(List.of("/1/user", "/1/timestamp", "/1/preference/rejected"),
                errors.stream().map(FieldError::pointer).toList(), errors.toString());
        assertTrue(errors.get(1).detail().contains("future"), errors.toString());
        assertEquals("/0/mood", refusal("[" + preference("u1", "e1").replace("{\"user\"", "{\"mood\":\"happy\",\"user\"") + "]",
                false, ACME).get(0).pointer(), "unknown fields are refused, not ignored");
        assertEquals("/0/preference", refusal("[{\"user\":\"u1\",\"eventId\":\"e\",\"timestamp\":\"2026-12-02T11:00:00Z\"}]",
                false, ACME).get(0).pointer(), "neither preference nor context");
    }

    @Test
    void sizeAndShapeAreCheckedBeforeAnyField() {
        assertEquals("4 events; at most 3 per request", refusal("[" + String.join(",", preference("u", "1"), preference("u", "2"),
                preference("u", "3"), preference("u", "4")) + "]", false, ACME).get(0).detail());
        assertTrue(refusal("[]", false, ACME).get(0).detail().startsWith("no events"));
        assertTrue(refusal("\n\n", true, ACME).get(0).detail().startsWith("no events"));
        ProblemException twoOnOneLine = assertThrows(ProblemException.class,
                () -> parse(preference("u1", "e1") + " " + preference("u2", "e2") + "\n", true, ACME));
        assertTrue(twoOnOneLine.getMessage().contains("line 1"), twoOnOneLine.getMessage());
        ProblemException duplicateKey = assertThrows(ProblemException.class,
                () -> parse(preference("u1", "e1").replace("{\"user\":\"u1\"", "{\"user\":\"u1\",\"user\":\"u2\""), false, ACME));
        assertEquals(400, duplicateKey.status(), "a key given twice is ambiguous: refused");
    }

    @Test
    void theCredentialDecidesTenantAndUser() {
        String otherTenant = preference("u1", "e1").replace("{\"user\"", "{\"tenant\":\"globex\",\"user\"");
        ProblemException refused = assertThrows(ProblemException.class, () -> parse(otherTenant, false, ACME));
        assertEquals(403, refused.status());
        assertEquals("tenant-mismatch", refused.slug());
        assertEquals("acme", parse(otherTenant.replace("globex", "acme"), false, ACME).get(0).tenant(), "naming its own is fine");

        assertEquals("alice", parse(preference("alice", "e1"), false, ALICE).get(0).user());
        ProblemException otherUser = assertThrows(ProblemException.class, () -> parse(preference("bob", "e1"), false, ALICE));
        assertEquals("other-user", otherUser.slug());
    }
}
