package io.plus.data.generate;

import java.util.List;

/**
 * Writes a response from a topic's snippets so that each attribute is visible in the text:
 * concise uses one fact, detailed three plus a closing line; formal and casual differ in opener
 * and connectives; cautious adds a safety note, direct a go-ahead; with-examples adds an example.
 * Both responses of a pair share the same snippets, so they differ only in their attributes.
 */
final class ResponseComposer {
    private ResponseComposer() {
    }

    /** The snippets one pair's responses are built from. */
    record Snippets(String subject, List<String> facts, String example, String caution) {
    }

    static String compose(Snippets s, int mask) {
        boolean concise = ResponseAttribute.CONCISE.in(mask);
        boolean formal = ResponseAttribute.FORMAL.in(mask);
        StringBuilder sb = new StringBuilder(formal
                ? "Certainly. Regarding " + s.subject() + ", please consider the following."
                : "Sure thing! So, about " + s.subject() + ", here's the deal.");
        sb.append(' ').append(s.facts().get(0));
        if (!concise) {
            sb.append(formal ? " Furthermore, " : " Plus, ").append(lowerFirst(s.facts().get(1)));
            sb.append(formal ? " In addition, " : " Also, ").append(lowerFirst(s.facts().get(2)));
        }
        if (ResponseAttribute.EXAMPLES.in(mask)) {
            sb.append(formal ? " For example, " : " Like, for instance, ").append(s.example());
        }
        if (ResponseAttribute.CAUTIOUS.in(mask)) {
            sb.append(' ').append(s.caution()).append(formal
                    ? " Please consult a qualified professional if you are unsure."
                    : " Better safe than sorry, right?");
        } else {
            sb.append(formal ? " No further precautions are necessary; you may proceed directly."
                    : " That's it, just go for it!");
        }
        if (!concise) {
            sb.append(formal ? " I trust this detailed overview proves useful." : " Hope that long rundown helps!");
        }
        return sb.toString();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
