package io.plus.trainrun;

/**
 * One stored feedback event as the snapshot reads it: a preference ({@code prompt}, {@code chosen},
 * {@code rejected}) or an unlabelled context item ({@code contextText}), numbered in its user's sequence.
 */
public record StoredEvent(String tenant, String user, String eventId, long sequence, String kind, String prompt,
                          String chosen, String rejected, String contextText) {
    public static final String PREFERENCE = "preference";
    public static final String CONVERSATION = "conversation";

    public boolean isPreference() {
        return PREFERENCE.equals(kind);
    }
}
