package io.plus.serve;

import io.agroal.api.AgroalDataSource;
import io.plus.trainrun.FeedbackSnapshot;
import io.plus.trainrun.SnapshotExporter;
import io.plus.trainrun.StoredEvent;
import io.plus.trainrun.Watermark;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Feedback ingested while train-run exports is, per request, wholly in or wholly out of the
 * snapshot, and each user's exported events are exactly sequences 1..watermark.
 */
@QuarkusTest
@QuarkusTestResource(value = ServingTestResources.class, restrictToAnnotatedClass = true)
class SnapshotConsistencyTest {
    private static final int USERS = 40;
    private static final int PRELOADED_PER_USER = 2_500;
    private static final int WRITERS = 4;

    @Inject
    AgroalDataSource database;

    /** One acknowledged request: its user and the sequence numbers it was given. */
    private record Batch(String user, long first, long last) {
    }

    @Test
    void requestsCommittedDuringTheExportAreWhollyInOrWhollyOut() throws Exception {
        String tenant = "snap-" + UUID.randomUUID().toString().substring(0, 8);
        // stored directly, so each export takes long enough for requests to commit while it runs
        ServingTestResources.query("INSERT INTO plus_user (tenant, user_id, last_sequence) SELECT '" + tenant
                + "', 'u' || u, " + PRELOADED_PER_USER + " FROM generate_series(0, " + (USERS - 1) + ") u; "
                + "INSERT INTO feedback_event (id, tenant, user_id, event_id, sequence, kind, prompt, chosen, rejected, "
                + "occurred_at, body_sha256) SELECT nextval('feedback_event_id_seq'), '" + tenant + "', 'u' || u, "
                + "'pre-' || u || '-' || s, s, 'preference', 'Pets?', 'Dogs ' || s, 'Cats ' || s, now(), md5(u || '/' || s) "
                + "FROM generate_series(0, " + (USERS - 1) + ") u, generate_series(1, " + PRELOADED_PER_USER + ") s");

        ConcurrentLinkedQueue<Batch> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                for (int round = 0; !stop.get(); round++) {
                    String user = "u" + (writer + WRITERS * (round % (USERS / WRITERS)));
                    Response response = Api.ingest(TrainRunTest.withTenant(tenant,
                            Api.preferences(user, "live-" + writer + "-" + round + "-", 7, true)));
                    response.then().statusCode(200);
                    List<Integer> sequences = response.jsonPath().getList("events.sequence", Integer.class);
                    acknowledged.add(new Batch(user, sequences.get(0), sequences.get(sequences.size() - 1)));
                }
                return null;
            }));
        }
        List<FeedbackSnapshot> snapshots = new ArrayList<>();
        int overlapped = 0;
        try {
            Thread.sleep(300); // the writers are under way
            for (int i = 0; i < 6; i++) {
                int before = acknowledged.size();
                try (Connection connection = database.getConnection()) {
                    // a slow reader of the progress reports keeps the export open while requests commit
                    snapshots.add(SnapshotExporter.export(connection, List.of(tenant), n -> pause(60)));
                }
                overlapped += acknowledged.size() > before ? 1 : 0;
            }
        } finally {
            stop.set(true);
            for (Future<?> writer : running) {
                writer.get();
            }
            writers.shutdown();
        }
        assertTrue(overlapped >= 3, "requests were acknowledged while exports ran (" + overlapped + " of 6)");

        for (FeedbackSnapshot snapshot : snapshots) {
            Map<String, Long> watermarks = snapshot.watermarks().stream()
                    .collect(Collectors.toMap(Watermark::user, Watermark::sequence));
            assertEquals(USERS, watermarks.size());
            Map<String, List<Long>> exported = snapshot.events().stream().collect(Collectors.groupingBy(StoredEvent::user,
                    Collectors.mapping(StoredEvent::sequence, Collectors.toList())));
            for (Map.Entry<String, Long> user : watermarks.entrySet()) {
                List<Long> sequences = exported.get(user.getKey());
                assertEquals(user.getValue(), sequences.size(), user.getKey() + ": exactly 1..watermark");
                for (int i = 0; i < sequences.size(); i++) {
                    assertEquals(i + 1, sequences.get(i), user.getKey() + " has no gap");
                }
            }
            int straddling = 0;
            for (Batch batch : acknowledged) {
                long watermark = watermarks.get(batch.user());
                if (batch.first() <= watermark && batch.last() > watermark) {
                    straddling++;
                }
            }
            if (straddling > 0) {
                fail(straddling + " requests are partly in the snapshot taken at " + snapshot.takenAt());
            }
        }
        long spread = snapshots.stream().map(s -> s.events().size()).distinct().count();
        assertTrue(spread > 1, "the snapshots saw the feedback grow between them");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
