package io.plus.serve;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Settings of the serving role ({@code plus serve}); the command-line jobs leave it off. */
@ConfigMapping(prefix = "plus.serve")
public interface ServeConfig {
    /** Set by {@code plus serve} (and in tests): apply the schema, load the active model, answer HTTP. */
    @WithDefault("false")
    boolean enabled();

    /**
     * The functions this instance answers (feedback-ingest, summarize, score); the others answer 404.
     * An instance without summarize and score loads no model and no encoder.
     */
    @WithDefault("feedback-ingest,summarize,score")
    Set<ServedFunction> functions();

    /** Whether this instance loads and serves the active model. */
    default boolean needsModel() {
        return enabled() && functions().stream().anyMatch(ServedFunction::needsModel);
    }

    /** Where {@code train} writes bundles: with an empty registry the newest one is registered and activated. */
    @WithDefault("plus-out/models")
    Path modelsDir();

    /** How often each instance checks the registry for a newly activated model (in case a message was missed). */
    @WithDefault("5s")
    Duration modelCheckInterval();

    /** Newest labelled pairs and unlabelled context items of a user that a summary is built from. */
    @WithDefault("32")
    int contextPairs();

    @WithDefault("16")
    int contextItems();

    /** Upper bound on how long a cached summary may outlive a missed invalidation. */
    @WithDefault("15m")
    Duration summaryCacheTtl();

    /** A Redis call slower than this counts as Redis being unavailable; the answer comes from PostgreSQL. */
    @WithDefault("250ms")
    Duration redisTimeout();

    /** After a Redis failure, skip Redis for this long instead of paying the timeout on every request. */
    @WithDefault("5s")
    Duration redisRetryAfter();

    /** Texts whose embeddings the serving encoder keeps in memory. */
    @WithDefault("50000")
    int embeddingCacheEntries();

    /**
     * Texts per encoder forward pass. Texts are sorted by length first; small batches pad less, and
     * on a CPU they cost no throughput (encoder-bench: 134 texts/s at 8, 112 at 32 on answers of
     * 100-320 characters).
     */
    @WithDefault("8")
    int encoderBatchSize();

    /** Encoder calls running at once; each already uses every core, so more would only contend. */
    @WithDefault("1")
    int encoderConcurrency();

    /**
     * Characters of text that may wait for (or be in) the score encoder on one instance; a score
     * request beyond it is a 503 at once. New text costs about 83 µs a character on 2 cores, so the
     * default bounds the wait near 15 s in the worst case (texts already cached cost far less).
     */
    @WithDefault("180000")
    long encoderQueueCharacters();

    /** Summary builds (and bundle loads) that may wait for the encoder lane; beyond: 503 at once. */
    @WithDefault("256")
    int encoderQueueTasks();

    /**
     * Ingest transactions in flight at once. Requests arriving meanwhile wait and share the next
     * free transaction (group commit); more than one lets PostgreSQL overlap one transaction's
     * commit flush with the next one's statements, which may pay on machines with more cores; on 2
     * cores one is as fast (8 clients, alternating 60 s runs: 1 lane 1,492 and 1,564 req/s, 2 lanes
     * 1,511 and 1,360; 4 lanes were slower: smaller groups, same CPU).
     */
    @WithDefault("1")
    int ingestTransactions();

    /**
     * Events that may wait for an ingest transaction on one instance; a request beyond it is a 503
     * at once. At the load benchmark's rate (about 1,500 events a second on 2 cores) the default
     * is a few seconds of backlog: more would only make clients wait longer before timing out.
     */
    @WithDefault("5000")
    int ingestQueueEvents();

    /** When set, model registry changes need {@code Authorization: Bearer <token>}. */
    Optional<String> adminToken();

    Limits limits();

    /** JWTs of the identity provider the platform runs, accepted beside API keys. */
    Jwt jwt();

    /**
     * Off until {@link #publicKeyLocation()} is set; then {@link #issuer()} is required too. The
     * tenant and the scopes come from the token's claims, never from the request.
     */
    interface Jwt {
        /** The provider's public keys: a PEM or JWK(S) file, or the provider's JWKS URL (fetched and refreshed). */
        Optional<String> publicKeyLocation();

        /** The {@code iss} every token must carry. */
        Optional<String> issuer();

        /** {@code aud} values of which a token must carry one; unset, the audience is not checked. */
        Optional<Set<String>> audience();

        /** The claim naming the tenant the token acts for (a string). */
        @WithDefault("tenant")
        String tenantClaim();

        /** The claim with the token's scopes: a space-separated string (OAuth 2) or an array; unknown names are ignored. */
        @WithDefault("scope")
        String scopeClaim();

        /**
         * The claim naming the end user a token acts for: such a token reaches only that user's
         * data. A token without it is a service token, acting for any user of its tenant.
         */
        @WithDefault("sub")
        String userClaim();
    }

    /** Size, count and cost limits of the API, checked field by field. */
    interface Limits {
        /** Feedback events in one request (one event, a JSON array or NDJSON lines). */
        @WithDefault("1000")
        int eventsPerRequest();

        /** Characters of a tenant, user, event or model id. */
        @WithDefault("128")
        int idLength();

        @WithDefault("8000")
        int promptLength();

        @WithDefault("20000")
        int responseLength();

        @WithDefault("20000")
        int contextLength();

        @WithDefault("2000")
        int summaryLength();

        /** Candidate responses of one prompt to score. */
        @WithDefault("64")
        int candidates();

        /** Prompts in one batch score request. */
        @WithDefault("32")
        int scoreBatchItems();

        /**
         * Characters one score request may ask the encoder to read: the prompts, candidates and
         * summary text added up. Encoding dominates the cost: on 2 cores 100,000 characters of
         * new text took 8.3 s (three runs, 8.25-8.35 s), so the default keeps the worst request
         * near 2.7 s while 64 candidates of 500 characters still fit; 64 candidates of 20,000
         * characters (47 s of CPU) are refused.
         */
        @WithDefault("32000")
        int scoreTextCharacters();

        /**
         * Data calls one tenant may make per second on one instance, on average; a burst of
         * {@link #tenantBurst()} is allowed. Beyond it: 429 with Retry-After, so one tenant cannot
         * take an instance from the others. One instance can serve more than this to a single
         * tenant (about 1,000 single ingests or 12,000 cached summary reads a second on 2 cores):
         * raise it where one tenant is meant to use a whole instance.
         */
        @WithDefault("2000")
        int tenantRequestsPerSecond();

        @WithDefault("4000")
        int tenantBurst();

        /**
         * Tenants whose rate or cost limits differ from the ones above, by tenant id, for example
         * {@code plus.serve.limits.tenants."acme".requests-per-second=10000}. Field lengths and id
         * rules are the same for everyone: they guard the service, not a tenant's share of it.
         */
        Map<String, TenantOverrides> tenants();
    }

    /** One tenant's own values; an unset one is the instance's. */
    interface TenantOverrides {
        OptionalInt requestsPerSecond();

        OptionalInt burst();

        OptionalInt eventsPerRequest();

        OptionalInt candidates();

        OptionalInt scoreBatchItems();

        OptionalInt scoreTextCharacters();
    }
}
