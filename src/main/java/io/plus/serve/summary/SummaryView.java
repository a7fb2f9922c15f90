package io.plus.serve.summary;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A user's summary as the API shows and the cache holds it: the text, the bank statements it is
 * made of (none for an edited one), and its provenance.
 */
public record SummaryView(String tenant, String user, String text, List<StatementView> statements,
                          String modelVersion, long feedbackSequence, String origin, boolean pinned,
                          OffsetDateTime createdAt) {

    public record StatementView(String id, String text) {
    }

    public boolean edited() {
        return UserSummary.EDITED.equals(origin);
    }
}
