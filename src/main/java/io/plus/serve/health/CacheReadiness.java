package io.plus.serve.health;

import io.plus.serve.summary.RedisGuard;
import io.plus.serve.summary.SummaryCache;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Redis is only a cache: without it the functions answer from PostgreSQL, slower. So this check
 * is always UP and reports "degraded" instead of taking the instance out of service.
 */
@Readiness
@ApplicationScoped
public class CacheReadiness implements AsyncHealthCheck {
    private final ReactiveRedisDataSource redis;
    private final RedisGuard guard;
    private final SummaryCache cache;

    @Inject
    public CacheReadiness(ReactiveRedisDataSource redis, RedisGuard guard, SummaryCache cache) {
        this.redis = redis;
        this.guard = guard;
        this.cache = cache;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return redis.execute("PING").ifNoItem().after(Duration.ofMillis(500)).fail()
                .map(pong -> "up").onFailure().recoverWithItem("degraded")
                .map(state -> HealthCheckResponse.named("summary-cache").up().withData("redis", state)
                        .withData("skipping", !guard.available())
                        .withData("pendingInvalidations", cache.pendingInvalidations()).build());
    }
}
