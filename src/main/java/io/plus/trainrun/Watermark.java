package io.plus.trainrun;

/** A user's feedback watermark when the snapshot was taken: the snapshot holds exactly sequences 1..{@code sequence}. */
public record Watermark(String tenant, String user, long sequence) {
}
