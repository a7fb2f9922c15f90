package io.plus.serve.summary;

import io.plus.serve.ServingTestResources;
import io.plus.serve.users.UserKey;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The summary cache on its own, against the real Redis: what is cached, what a watermark keeps
 * out, what erasure removes, and that tenants never share an entry. The journey tests see it
 * only through the API.
 */
@QuarkusTest
@QuarkusTestResource(value = ServingTestResources.class, restrictToAnnotatedClass = true)
class SummaryCacheTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    SummaryCache cache;

    private static SummaryView view(String tenant, String user, String text, long sequence) {
        return new SummaryView(tenant, user, text, List.of(new SummaryView.StatementView("s1", text)), "model-1",
                sequence, "generated", false, OffsetDateTime.of(2026, 12, 2, 12, 0, 0, 0, ZoneOffset.UTC));
    }

    private Optional<SummaryCache.Cached> get(UserKey user) {
        return cache.get(user).await().atMost(WAIT);
    }

    @Test
    void aSummaryIsCachedAsWrittenAndReadBackWhole() {
        UserKey user = new UserKey("cache-test", "reader");
        cache.erase(user).await().atMost(WAIT);
        assertTrue(cache.put(view("cache-test", "reader", "Likes dogs.", 3), 3).await().atMost(WAIT));
        SummaryCache.Cached cached = get(user).orElseThrow();
        assertEquals("model-1", cached.modelVersion());
        assertFalse(cached.edited());
        assertEquals(view("cache-test", "reader", "Likes dogs.", 3), cached.view());
    }

    @Test
    void newFeedbackDropsTheSummaryAndKeepsOutOneBuiltFromOlderFeedback() {
        UserKey user = new UserKey("cache-test", "racer");
        cache.erase(user).await().atMost(WAIT);
        assertTrue(cache.put(view("cache-test", "racer", "Likes dogs.", 4), 4).await().atMost(WAIT));
        cache.stored(Map.of(user, 7L)).await().atMost(WAIT);
        assertTrue(get(user).isEmpty(), "feedback up to 7 dropped the summary of 4");
        // a build that started before event 7 arrived finishes late: it must not be cached
        assertFalse(cache.put(view("cache-test", "racer", "Likes dogs.", 6), 6).await().atMost(WAIT));
        assertTrue(get(user).isEmpty());
        assertTrue(cache.put(view("cache-test", "racer", "Likes dogs and cats.", 7), 7).await().atMost(WAIT),
                "a build that saw event 7 is current");
        assertEquals("Likes dogs and cats.", get(user).orElseThrow().view().text());
        // a lower watermark arriving late does not lower it
        cache.stored(Map.of(user, 5L)).await().atMost(WAIT);
        assertFalse(cache.put(view("cache-test", "racer", "Likes dogs.", 6), 6).await().atMost(WAIT));
    }

    @Test
    void erasureRemovesTheSummaryAndTheWatermark() {
        UserKey user = new UserKey("cache-test", "leaver");
        cache.erase(user).await().atMost(WAIT);
        cache.stored(Map.of(user, 9L)).await().atMost(WAIT);
        assertTrue(cache.put(view("cache-test", "leaver", "Likes cats.", 9), 9).await().atMost(WAIT));
        assertEquals(1, cache.erase(user).await().atMost(WAIT), "one summary removed");
        assertTrue(get(user).isEmpty());
        assertEquals(0, cache.erase(user).await().atMost(WAIT), "nothing left to remove");
        // the watermark went too: a user who comes back starts from nothing
        assertTrue(cache.put(view("cache-test", "leaver", "Likes birds.", 1), 1).await().atMost(WAIT));
    }

    @Test
    void theSameUserIdInTwoTenantsHasTwoEntries() {
        UserKey acme = new UserKey("cache-acme", "alice");
        UserKey globex = new UserKey("cache-globex", "alice");
        cache.erase(acme).await().atMost(WAIT);
        cache.erase(globex).await().atMost(WAIT);
        assertTrue(cache.put(view("cache-acme", "alice", "Likes dogs.", 1), 1).await().atMost(WAIT));
        assertTrue(get(globex).isEmpty(), "acme's entry is not globex's");
        cache.stored(Map.of(globex, 50L)).await().atMost(WAIT);
        assertEquals("Likes dogs.", get(acme).orElseThrow().view().text(), "globex's feedback leaves acme's entry");
        assertEquals(0, cache.erase(globex).await().atMost(WAIT));
        assertTrue(get(acme).isPresent(), "erasing globex's alice leaves acme's");
        assertTrue(SummaryCache.summaryKey(acme).contains("cache-acme"));
    }
}
