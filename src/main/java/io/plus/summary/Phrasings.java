package io.plus.summary;

import java.util.List;

/**
 * Wordings of mined statements. Training uses {@code *_TRAIN}; the held-out lists are never shown
 * to the reward model and measure whether it understands a summary in words it has not seen.
 */
final class Phrasings {
    static final List<String> LIKES_TRAIN = List.of(
            "Likes answers that mention %s.",
            "Prefers responses about %s.",
            "Enjoys replies that bring up %s.",
            "Favours content involving %s.",
            "Wants to hear about %s.");
    static final List<String> LIKES_HELD_OUT = List.of(
            "Responds well to material on %s.",
            "Is keen on answers discussing %s.");
    static final List<String> SHORT_TRAIN = List.of(
            "Prefers short, concise answers.",
            "Likes brief, to-the-point replies.",
            "Wants compact responses without padding.");
    static final List<String> SHORT_HELD_OUT = List.of("Values brevity in an answer above all.");
    static final List<String> LONG_TRAIN = List.of(
            "Prefers long, detailed answers.",
            "Likes thorough, in-depth replies.",
            "Wants comprehensive responses with plenty of detail.");
    static final List<String> LONG_HELD_OUT = List.of("Values thoroughness and extensive explanation.");

    /** Filled with quoted words ("'certainly', 'consider' and 'following'"): a person naming a way of writing. */
    static final List<String> STYLE_TRAIN = List.of(
            "Prefers wording such as %s.",
            "Likes answers phrased with words like %s.",
            "Favours a tone that brings in words such as %s.",
            "Wants replies that say things like %s.");
    static final List<String> STYLE_HELD_OUT = List.of(
            "Is drawn to writing that often reads %s.",
            "Enjoys a manner of answering full of %s.");

    private Phrasings() {
    }

    static List<String> fill(List<String> templates, String term) {
        return templates.stream().map(t -> String.format(t, term)).toList();
    }
}
