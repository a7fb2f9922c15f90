package io.plus.trainrun;

import java.time.Instant;
import java.util.List;

/** The stored feedback of some tenants as one transaction saw it, with each user's watermark. */
public record FeedbackSnapshot(List<String> tenants, Instant takenAt, List<Watermark> watermarks,
                               List<StoredEvent> events) {
    public FeedbackSnapshot {
        tenants = List.copyOf(tenants);
        watermarks = List.copyOf(watermarks);
        events = List.copyOf(events);
    }
}
