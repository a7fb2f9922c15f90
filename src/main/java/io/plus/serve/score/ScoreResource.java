package io.plus.serve.score;

import io.plus.model.CandidateRanking;
import io.plus.serve.auth.Caller;
import io.plus.serve.auth.CurrentCaller;
import io.plus.serve.encoding.ServingEncoders;
import io.plus.serve.input.TenantLimits;
import io.plus.serve.model.ActiveModel;
import io.plus.serve.model.LoadedModel;
import io.plus.serve.model.ModelTraffic;
import io.plus.serve.summary.SummaryService;
import io.plus.serve.summary.SummaryView;
import io.plus.summary.CandidateScoring;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** score: rank candidate responses for a user (their current summary) or for a summary text. */
@Path("/v1/score")
@Tag(name = "score")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {
    /** The summary a score used: its text and where it came from ({@code source}: user or request). */
    public record SummaryUsed(String text, String source, String origin, String modelVersion, Long feedbackSequence,
                              Boolean pinned) {
        static SummaryUsed of(SummaryView view) {
            return new SummaryUsed(view.text(), "user", view.origin(), view.modelVersion(), view.feedbackSequence(),
                    view.pinned());
        }

        static SummaryUsed given(String text) {
            return new SummaryUsed(text, "request", null, null, null, null);
        }
    }

    public record ScoreResponse(String modelVersion, SummaryUsed summary, List<CandidateRanking.CandidateScore> results,
                                List<Integer> ranking) {
    }

    public record BatchScoreResponse(String modelVersion, SummaryUsed summary, List<CandidateRanking.Ranked> items) {
    }

    private final ModelTraffic traffic;
    private final ActiveModel active;
    private final SummaryService summaries;
    private final ServingEncoders encoders;
    private final TenantLimits limits;
    private final CurrentCaller caller;

    @Inject
    public ScoreResource(ModelTraffic traffic, ActiveModel active, SummaryService summaries, ServingEncoders encoders,
                         TenantLimits limits, CurrentCaller caller) {
        this.traffic = traffic;
        this.active = active;
        this.summaries = summaries;
        this.encoders = encoders;
        this.limits = limits;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "score", summary = "Rewards, ranking and P(beats the best) for up to 64 candidates of one prompt",
            description = "Give \"user\" (their current summary is used) or \"summary\" (any text). A model that reads "
                    + "no summary (BTL) scores without one (summary: null).")
    public Uni<ScoreResponse> score(ScoreRequests.ScoreRequest request) {
        ScoreRequests.Subject subject = validate(request);
        List<ScoreRequests.Item> items = List.of(new ScoreRequests.Item(request.prompt(), request.candidates()));
        return scoreAll(subject, items).map(scored -> new ScoreResponse(scored.model().version(), scored.summary(),
                scored.ranked().get(0).results(), scored.ranked().get(0).ranking()));
    }

    @POST
    @Path("/batch")
    @Operation(operationId = "scoreBatch", summary = "Score many prompts (up to 32) for one user or summary in one call")
    public Uni<BatchScoreResponse> batch(ScoreRequests.BatchScoreRequest request) {
        ScoreRequests.Subject subject = validate(request);
        return scoreAll(subject, request.items()).map(scored -> new BatchScoreResponse(scored.model().version(),
                scored.summary(), scored.ranked()));
    }

    /** The request checked against the limits of the caller's tenant. */
    private ScoreRequests.Subject validate(ScoreRequests.ScoreRequest request) {
        Caller who = caller.get();
        return ScoreRequests.validate(request, who, limits.of(who.tenant()));
    }

    private ScoreRequests.Subject validate(ScoreRequests.BatchScoreRequest request) {
        Caller who = caller.get();
        return ScoreRequests.validate(request, who, limits.of(who.tenant()));
    }

    private record Scored(LoadedModel model, SummaryUsed summary, List<CandidateRanking.Ranked> ranked) {
    }

    private Uni<Scored> scoreAll(ScoreRequests.Subject subject, List<ScoreRequests.Item> items) {
        // one model for the whole request, even if another is activated meanwhile: the user's
        // (the canary's for a canary user), or the active one for a summary given as text
        LoadedModel model = active.requireFor(subject.summaryText() != null ? null : subject.user());
        traffic.served("score", model.version());
        Uni<SummaryUsed> summary;
        if (!model.readsSummary()) {
            summary = Uni.createFrom().nullItem();
        } else if (subject.summaryText() != null) {
            summary = Uni.createFrom().item(SummaryUsed.given(subject.summaryText()));
        } else {
            summary = summaries.current(subject.user()).map(lookup -> SummaryUsed.of(lookup.summary()));
        }
        return summary.chain(used -> encoders.embed(model.encoder().id(),
                        CandidateScoring.texts(model.readsSummary(), used == null ? null : used.text(), items))
                .map(vectors -> new Scored(model, used,
                        CandidateScoring.rank(model.rewardHead(), model.readsSummary(), vectors, items))));
    }
}
