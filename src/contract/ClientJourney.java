import io.plus.client.ApiClient;
import io.plus.client.ApiException;
import io.plus.client.api.FeedbackIngestApi;
import io.plus.client.api.ScoreApi;
import io.plus.client.api.SummarizeApi;
import io.plus.client.model.FeedbackEvent;
import io.plus.client.model.IngestResponse;
import io.plus.client.model.Preference;
import io.plus.client.model.ScoreRequest;
import io.plus.client.model.ScoreResponse;
import io.plus.client.model.SummaryView;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The user journey through a client generated from PLUS's OpenAPI document (check-openapi.sh):
 * every call is the generated one, made with the API key given, and the refused requests (no key;
 * an invalid body) are read back by their problem types.
 */
public final class ClientJourney {
    public static void main(String[] args) throws Exception {
        ApiClient anonymous = new ApiClient();
        anonymous.updateBaseUri(args[0]);
        ApiClient client = new ApiClient();
        client.updateBaseUri(args[0]);
        String apiKey = args[1];
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
        String tenant = "contract";
        String user = "journey-" + UUID.randomUUID().toString().substring(0, 8);

        List<FeedbackEvent> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(new FeedbackEvent().tenant(tenant).user(user).eventId(user + "-" + i).timestamp("2026-11-27T10:00:00Z")
                    .preference(new Preference().prompt("Tell me about pets.")
                            .chosen("Dogs are loyal and love to play fetch with you.")
                            .rejected("Cats are independent and groom themselves.")));
        }
        try {
            new FeedbackIngestApi(anonymous).ingestFeedback(events);
            check(false, "a call without a key was accepted");
        } catch (ApiException refused) {
            check(refused.getCode() == 401 && refused.getResponseBody().contains("urn:plus:problem:unauthenticated"),
                    "refused without a key: " + refused.getResponseBody());
        }
        IngestResponse stored = new FeedbackIngestApi(client).ingestFeedback(events);
        check(stored.getEvents().size() == 6, "6 events stored: " + stored);

        SummaryView summary = new SummarizeApi(client).getSummary(user, tenant);
        check(summary.getText() != null && summary.getFeedbackSequence() == 6, "summary of 6 events: " + summary);

        ScoreApi score = new ScoreApi(client);
        ScoreResponse ranked = score.score(new ScoreRequest().tenant(tenant).user(user).prompt("Tell me about pets.")
                .candidates(List.of("A cat naps in the sun.", "A dog fetches the ball.")));
        check(ranked.getRanking().size() == 2, "two candidates ranked: " + ranked);

        try {
            score.score(new ScoreRequest().summary("Likes dogs.").prompt("Tell me about pets.").candidates(List.of("only one")));
            check(false, "a request with one candidate was accepted");
        } catch (ApiException refused) {
            check(refused.getCode() == 400 && refused.getResponseBody().contains("urn:plus:problem:invalid-request")
                    && refused.getResponseBody().contains("/candidates"), "refused as a typed problem: " + refused.getResponseBody());
        }

        new SummarizeApi(client).eraseUser(user, tenant);
        System.out.println("journey through the generated client: ingest 6, summary \"" + summary.getText()
                + "\", ranking " + ranked.getRanking() + ", a call without a key and an invalid request read as their problems, "
                + "erased: ok");
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("failed: " + what);
        }
    }
}
