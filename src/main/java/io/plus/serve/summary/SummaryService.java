package io.plus.serve.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.plus.data.ContextItem;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.serve.ServeConfig;
import io.plus.serve.db.TenantTransactions;
import io.plus.serve.encoding.ServingEncoders;
import io.plus.serve.feedback.FeedbackEvent;
import io.plus.serve.model.ActiveModel;
import io.plus.serve.model.LoadedModel;
import io.plus.serve.model.ModelTraffic;
import io.plus.serve.users.PlusUser;
import io.plus.serve.users.UserKey;
import io.plus.summary.StatementBank;
import io.plus.summary.SummaryConditioner;
import io.plus.summary.UserContext;
import io.plus.summary.UserContexts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * summarize: a user's current summary. From Redis when fresh (same model, no newer feedback);
 * otherwise the pinned summary the user wrote, or the generated summary for the active model and
 * the user's watermark from PostgreSQL, or a new one written by the active model from the user's
 * newest feedback — stored in the user's history, then cached. Concurrent misses build it once.
 */
@ApplicationScoped
public class SummaryService {
    /** A summary from the cache (its stored JSON, answered as is) or read or built now. */
    public record Lookup(SummaryCache.Cached cached, SummaryView built) {
        public boolean cacheHit() {
            return cached != null;
        }

        public SummaryView summary() {
            return cached != null ? cached.view() : built;
        }
    }

    private static final String INSERT_GENERATED = "INSERT INTO user_summary (id, tenant, user_id, text, statements, "
            + "model_version, feedback_sequence, origin, created_at) VALUES (nextval('user_summary_id_seq'), ?1, ?2, ?3, ?4, "
            + "?5, ?6, 'generated', ?7) ON CONFLICT DO NOTHING";

    private final SummaryCache cache;
    private final ActiveModel active;
    private final ModelTraffic traffic;
    private final ServingEncoders encoders;
    private final ServeConfig config;
    private final ObjectMapper json;

    private final SingleFlight<UserKey, SummaryView> builds = new SingleFlight<>();
    /** The summary of a user with no feedback depends only on the model: written once per model. */
    private final Map<String, GeneratedParts> priors = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;
    private final Counter built;

    @Inject
    public SummaryService(MeterRegistry meters, SummaryCache cache, ActiveModel active, ModelTraffic traffic,
                          ServingEncoders encoders, ServeConfig config, ObjectMapper json) {
        this.cache = cache;
        this.active = active;
        this.traffic = traffic;
        this.encoders = encoders;
        this.config = config;
        this.json = json;
        hits = Counter.builder("plus.summary.cache").tag("result", "hit").description("summary lookups").register(meters);
        misses = Counter.builder("plus.summary.cache").tag("result", "miss").description("summary lookups").register(meters);
        built = Counter.builder("plus.summaries.built").description("summaries written by the summarizer").register(meters);
    }

    public Uni<Lookup> current(UserKey user) {
        LoadedModel model = active.requireFor(user);
        traffic.served("summarize", model.version());
        return cachedHit(user, model).chain(cached -> {
            if (cached.isPresent()) {
                return Uni.createFrom().item(new Lookup(cached.get(), null));
            }
            misses.increment();
            SingleFlight.Flight<SummaryView> flight = builds.join(user, () -> resolve(user, model));
            return flight.result().map(view -> new Lookup(null, view));
        });
    }

    /**
     * The user's cached summary if it still holds for {@code model} (the user's own text, or written
     * by that model), counted as a hit; empty otherwise (not counted: the caller that builds it counts the miss).
     */
    public Uni<Optional<SummaryCache.Cached>> cachedHit(UserKey user, LoadedModel model) {
        return cache.get(user).map(cached -> {
            if (cached.isPresent() && (cached.get().edited() || cached.get().modelVersion().equals(model.version()))) {
                hits.increment();
                return cached;
            }
            return Optional.empty();
        });
    }

    /** The user's own text replaces the summary and is pinned until unpinned. */
    public Uni<SummaryView> pin(UserKey user, String text) {
        LoadedModel model = active.requireFor(user);
        OffsetDateTime now = now();
        return TenantTransactions.of(user.tenant(), () -> lockedUser(user).chain(row -> {
            UserSummary edited = new UserSummary();
            edited.tenant = user.tenant();
            edited.userId = user.user();
            edited.text = text;
            edited.statements = "[]";
            edited.modelVersion = model.version();
            edited.feedbackSequence = row.lastSequence;
            edited.origin = UserSummary.EDITED;
            edited.createdAt = now;
            return edited.<UserSummary>persist().call(Panache::flush).map(saved -> {
                row.pinnedSummaryId = saved.id;
                row.updatedAt = now;
                return new Pinned(view(saved, true), row.lastSequence);
            });
        })).call(pinned -> cache.markStale(Map.of(user, pinned.asOf()))
                .chain(() -> cache.put(pinned.view(), pinned.asOf()))).map(Pinned::view);
    }

    /** Unpins the user's own summary: generated summaries apply again. False if nothing was pinned. */
    public Uni<Boolean> unpin(UserKey user) {
        return TenantTransactions.of(user.tenant(), () -> PlusUser.<PlusUser>findById(new PlusUser.Id(user)).map(row -> {
            if (row == null || row.pinnedSummaryId == null) {
                return -1L;
            }
            row.pinnedSummaryId = null;
            row.updatedAt = now();
            return row.lastSequence;
        })).call(asOf -> asOf < 0 ? Uni.createFrom().voidItem() : cache.markStale(Map.of(user, asOf)))
                .map(asOf -> asOf >= 0);
    }

    private record Pinned(SummaryView view, long asOf) {
    }

    private Uni<PlusUser> lockedUser(UserKey user) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO plus_user (tenant, user_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, user.tenant()).setParameter(2, user.user()).executeUpdate())
                .chain(() -> PlusUser.<PlusUser>findById(new PlusUser.Id(user),
                        jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    private Uni<SummaryView> resolve(UserKey user, LoadedModel model) {
        // read in one transaction, write the summary outside it (no connection held while encoding), store in another
        return TenantTransactions.of(user.tenant(), () -> read(user, model)).chain(found -> found.view() != null
                        ? Uni.createFrom().item(found) : build(user, model, found.asOf(), found.context()))
                .call(resolution -> resolution.cacheable()
                        ? cache.put(resolution.view(), resolution.asOf()) : Uni.createFrom().voidItem())
                .map(Resolution::view);
    }

    private Uni<Resolution> read(UserKey user, LoadedModel model) {
        return PlusUser.<PlusUser>findById(new PlusUser.Id(user)).chain(row -> {
            if (row == null) {
                return Uni.createFrom().item(new Resolution(prior(user, model), 0, false, null));
            }
            if (row.pinnedSummaryId != null) {
                return UserSummary.<UserSummary>findById(row.pinnedSummaryId)
                        .map(pinned -> new Resolution(view(pinned, true), row.lastSequence, true, null));
            }
            return generated(user, model, row.lastSequence).chain(stored -> stored != null
                    ? Uni.createFrom().item(new Resolution(view(stored, false), row.lastSequence, true, null))
                    : recentContext(user).map(context -> new Resolution(null, row.lastSequence, true, context)));
        });
    }

    private static Uni<UserSummary> generated(UserKey user, LoadedModel model, long watermark) {
        return UserSummary.<UserSummary>find("tenant = ?1 and userId = ?2 and modelVersion = ?3 and "
                        + "feedbackSequence = ?4 and origin = ?5", user.tenant(), user.user(), model.version(),
                watermark, UserSummary.GENERATED).firstResult();
    }

    /** A summary found ({@code view}) or to be written from {@code context}; {@code asOf} is the user's watermark. */
    private record Resolution(SummaryView view, long asOf, boolean cacheable, RecentContext context) {
    }

    private record RecentContext(List<PreferencePair> pairs, List<ContextItem> items) {
    }

    private Uni<RecentContext> recentContext(UserKey user) {
        return FeedbackEvent.<FeedbackEvent>find("tenant = ?1 and userId = ?2 and kind = ?3 order by sequence desc",
                        user.tenant(), user.user(), FeedbackEvent.PREFERENCE).page(0, config.contextPairs()).list()
                .chain(pairs -> FeedbackEvent.<FeedbackEvent>find(
                                "tenant = ?1 and userId = ?2 and kind <> ?3 order by sequence desc",
                                user.tenant(), user.user(), FeedbackEvent.PREFERENCE).page(0, config.contextItems()).list()
                        .map(items -> new RecentContext(
                                pairs.stream().map(SummaryService::pair).toList(),
                                items.stream().map(SummaryService::item).toList())));
    }

    private Uni<Resolution> build(UserKey user, LoadedModel model, long watermark, RecentContext context) {
        return encoders.run(() -> write(model, context)).chain(parts -> {
            built.increment();
            OffsetDateTime now = now();
            return TenantTransactions.of(user.tenant(), () -> Panache.getSession().chain(session -> session
                            .createNativeQuery(INSERT_GENERATED).setParameter(1, user.tenant()).setParameter(2, user.user())
                            .setParameter(3, parts.text()).setParameter(4, statementsJson(parts.statements()))
                            .setParameter(5, model.version()).setParameter(6, watermark).setParameter(7, now)
                            .executeUpdate())
                    // another instance may have stored it first: answer with the stored row
                    .chain(() -> generated(user, model, watermark)))
                    .map(stored -> new Resolution(view(stored, false), watermark, true, null));
        });
    }

    /** The text and statements the model writes for a context (blocking: embeds the context). */
    private static GeneratedParts write(LoadedModel model, RecentContext context) {
        if (model.summarizer().isEmpty()) {
            return new GeneratedParts("", List.of()); // the model reads no summary
        }
        LoadedModel.Summarizer summarizer = model.summarizer().get();
        StatementBank bank = summarizer.bank();
        UserContext userContext = context.pairs().isEmpty() && context.items().isEmpty()
                ? SummaryConditioner.emptyContext(model.encoder().dimension(), bank)
                : UserContexts.of(context.pairs(), context.items(), model.encoder(), bank);
        SummaryConditioner.GeneratedSummary summary = model.summaryFor(userContext);
        List<SummaryView.StatementView> statements = summary.statementIds().stream()
                .map(id -> new SummaryView.StatementView(id, bank.get(bank.indexOf(id)).text())).toList();
        return new GeneratedParts(summary.text(), statements);
    }

    private record GeneratedParts(String text, List<SummaryView.StatementView> statements) {
    }

    /** A user without feedback gets the model's prior summary; nothing is stored for an unknown user. */
    private SummaryView prior(UserKey user, LoadedModel model) {
        GeneratedParts parts = priors.computeIfAbsent(model.version(),
                v -> write(model, new RecentContext(List.of(), List.of())));
        return new SummaryView(user.tenant(), user.user(), parts.text(), parts.statements(), model.version(), 0,
                UserSummary.GENERATED, false, null);
    }

    private SummaryView view(UserSummary row, boolean pinned) {
        return new SummaryView(row.tenant, row.userId, row.text, statements(row.statements), row.modelVersion,
                row.feedbackSequence, row.origin, pinned, row.createdAt);
    }

    private List<SummaryView.StatementView> statements(String stored) {
        try {
            return json.readValue(stored, new TypeReference<List<SummaryView.StatementView>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable statements in user_summary: " + e.getOriginalMessage(), e);
        }
    }

    private String statementsJson(List<SummaryView.StatementView> statements) {
        try {
            return json.writeValueAsString(statements);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreferencePair pair(FeedbackEvent event) {
        return new PreferencePair(event.eventId, event.userId, event.prompt, event.chosen, event.rejected, null,
                Split.CONTEXT);
    }

    private static ContextItem item(FeedbackEvent event) {
        return new ContextItem(event.eventId, event.userId, event.contextText, "conversation".equals(event.kind)
                ? ContextItem.Source.CONVERSATION : ContextItem.Source.SELF_DESCRIPTION);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
