package io.plus.serve.score;

import io.plus.serve.ServeConfig;
import io.plus.serve.feedback.FeedbackParser;
import io.plus.serve.problem.Problem.FieldError;
import io.plus.serve.problem.ProblemException;
import io.plus.serve.users.UserKey;
import io.plus.serve.users.UserParams;

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

    public record Item(String prompt, List<String> candidates) {
    }

    /** Whose preferences to score with: a stored user's summary, or a summary text given in the request. */
    public record Subject(UserKey user, String summaryText) {
    }

    public static Subject subject(String tenant, String user, String summary, ServeConfig.Limits limits,
                                  List<FieldError> errors) {
        if ((user == null) == (summary == null)) {
            errors.add(new FieldError("/user", "give exactly one of \"user\" (their current summary is used) or "
                    + "\"summary\" (a summary text)"));
            return null;
        }
        if (summary != null) {
            if (summary.isBlank()) {
                errors.add(new FieldError("/summary", "must not be blank"));
            } else if (summary.length() > limits.summaryLength()) {
                errors.add(new FieldError("/summary", "has " + summary.length() + " characters; at most "
                        + limits.summaryLength()));
            }
            return new Subject(null, summary);
        }
        String t = tenant == null ? UserParams.DEFAULT_TENANT : tenant;
        boolean ok = FeedbackParser.checkId(t, "/tenant", limits.idLength(), errors);
        ok &= FeedbackParser.checkId(user, "/user", limits.idLength(), errors);
        return ok ? new Subject(new UserKey(t, user), null) : null;
    }

    public static void item(String pointer, String prompt, List<String> candidates, ServeConfig.Limits limits,
                            List<FieldError> errors) {
        if (prompt == null || prompt.isBlank()) {
            errors.add(new FieldError(pointer + "/prompt", "is required and must not be blank"));
        } else if (prompt.length() > limits.promptLength()) {
            errors.add(new FieldError(pointer + "/prompt", "has " + prompt.length() + " characters; at most "
                    + limits.promptLength()));
        }
        if (candidates == null || candidates.size() < 2 || candidates.size() > limits.candidates()) {
            errors.add(new FieldError(pointer + "/candidates", "give 2 to " + limits.candidates() + " candidate responses"
                    + (candidates == null ? "" : " (got " + candidates.size() + ")")));
            return;
        }
        for (int i = 0; i < candidates.size(); i++) {
            String candidate = candidates.get(i);
            if (candidate == null || candidate.isBlank()) {
                errors.add(new FieldError(pointer + "/candidates/" + i, "must not be blank"));
            } else if (candidate.length() > limits.responseLength()) {
                errors.add(new FieldError(pointer + "/candidates/" + i, "has " + candidate.length()
                        + " characters; at most " + limits.responseLength()));
            }
        }
    }

    public static Subject validate(ScoreRequest request, ServeConfig.Limits limits) {
        if (request == null) {
            throw ProblemException.invalid("", "a JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        Subject subject = subject(request.tenant(), request.user(), request.summary(), limits, errors);
        item("", request.prompt(), request.candidates(), limits, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return subject;
    }

    public static Subject validate(BatchScoreRequest request, ServeConfig.Limits limits) {
        if (request == null) {
            throw ProblemException.invalid("", "a JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        Subject subject = subject(request.tenant(), request.user(), request.summary(), limits, errors);
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
        return subject;
    }
}
