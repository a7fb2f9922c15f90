package io.plus.serve.score;

import io.plus.serve.auth.Caller;
import io.plus.serve.ServeConfig;
import io.plus.serve.input.FieldRules;
import io.plus.serve.problem.Problem.FieldError;
import io.plus.serve.problem.ProblemException;
import io.plus.serve.users.UserKey;
import io.plus.summary.CandidateScoring;

import java.util.ArrayList;
import java.util.List;

/** The score requests and their field-by-field validation. */
public final class ScoreRequests {
    private ScoreRequests() {
    }

    /** One prompt and its candidates, for the user named or the summary given. */
    public record ScoreRequest(String tenant, String user, String summary, String prompt, List<String> candidates) {
    }

    /** Many prompts for one user or summary. */
    public record BatchScoreRequest(String tenant, String user, String summary, List<Item> items) {
    }

    public record Item(String prompt, List<String> candidates) implements CandidateScoring.Prompt {
    }

    /** Whose preferences to score with: a stored user's summary, or a summary text given in the request. */
    public record Subject(UserKey user, String summaryText) {
    }

    public static Subject subject(Caller caller, String tenant, String user, String summary, ServeConfig.Limits limits,
                                  List<FieldError> errors) {
        if ((user == null) == (summary == null)) {
            errors.add(new FieldError("/user", "give exactly one of \"user\" (their current summary is used) or "
                    + "\"summary\" (a summary text)"));
            return null;
        }
        if (summary != null) {
            FieldRules.summaryText(summary, "/summary", limits.summaryLength(), errors);
            return new Subject(null, summary);
        }
        boolean ok = tenant == null || FieldRules.id(tenant, "/tenant", limits.idLength(), errors);
        ok &= FieldRules.id(user, "/user", limits.idLength(), errors);
        return ok ? new Subject(new UserKey(caller.tenantFor(tenant, "/tenant"), caller.userFor(user, "/user")), null) : null;
    }

    public static void item(String pointer, String prompt, List<String> candidates, ServeConfig.Limits limits,
                            List<FieldError> errors) {
        FieldRules.text(prompt, pointer + "/prompt", limits.promptLength(), errors);
        if (candidates == null || candidates.size() < 2 || candidates.size() > limits.candidates()) {
            errors.add(new FieldError(pointer + "/candidates", "give 2 to " + limits.candidates() + " candidate responses"
                    + (candidates == null ? "" : " (got " + candidates.size() + ")")));
            return;
        }
        for (int i = 0; i < candidates.size(); i++) {
            FieldRules.text(candidates.get(i), pointer + "/candidates/" + i, limits.responseLength(), errors);
        }
    }

    public static Subject validate(ScoreRequest request, Caller caller, ServeConfig.Limits limits) {
        if (request == null) {
            throw ProblemException.invalid("", "a JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        Subject subject = subject(caller, request.tenant(), request.user(), request.summary(), limits, errors);
        item("", request.prompt(), request.candidates(), limits, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        withinTextBudget(subject, List.of(new Item(request.prompt(), request.candidates())), limits);
        return subject;
    }

    public static Subject validate(BatchScoreRequest request, Caller caller, ServeConfig.Limits limits) {
        if (request == null) {
            throw ProblemException.invalid("", "a JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        Subject subject = subject(caller, request.tenant(), request.user(), request.summary(), limits, errors);
        if (request.items() == null || request.items().isEmpty() || request.items().size() > limits.scoreBatchItems()) {
            errors.add(new FieldError("/items", "give 1 to " + limits.scoreBatchItems() + " items"));
        } else {
            for (int i = 0; i < request.items().size(); i++) {
                Item item = request.items().get(i);
                if (item == null) {
                    errors.add(new FieldError("/items/" + i, "must be an object with prompt and candidates"));
                } else {
                    item("/items/" + i, item.prompt(), item.candidates(), limits, errors);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        withinTextBudget(subject, request.items(), limits);
        return subject;
    }

    /**
     * The encoder's work grows with the characters it reads, so a request's total is bounded
     * ({@code plus.serve.limits.score-text-characters}); a stored user's summary counts at its
     * largest possible length, since it is read only after this check.
     */
    static void withinTextBudget(Subject subject, List<Item> items, ServeConfig.Limits limits) {
        long characters = subject.summaryText() != null ? subject.summaryText().length() : limits.summaryLength();
        for (Item item : items) {
            characters += item.prompt().length();
            for (String candidate : item.candidates()) {
                characters += candidate.length();
            }
        }
        if (characters > limits.scoreTextCharacters()) {
            throw new ProblemException(413, "score-text-too-large", "Too much text to score in one request",
                    "the prompts, candidates and summary add up to " + characters + " characters; at most "
                            + limits.scoreTextCharacters() + " per request: split it into several requests");
        }
    }
}
