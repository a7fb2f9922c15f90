package io.plus.data.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * One topic of the attributes dataset with its prompts and text snippets, loaded from
 * {@code datasets/attributes/<id>.txt} (lines "subject: ", "prompt: ", "fact: ", "example: ", "caution: ").
 */
public record AttributeTopic(String id, String subject, List<String> prompts, List<String> facts,
                             List<String> examples, List<String> cautions) {
    /** Facts a detailed response uses; a concise one uses the first. */
    static final int FACTS_PER_RESPONSE = 3;

    public AttributeTopic {
        prompts = List.copyOf(prompts);
        facts = List.copyOf(facts);
        examples = List.copyOf(examples);
        cautions = List.copyOf(cautions);
        if (subject == null || prompts.isEmpty() || facts.size() < FACTS_PER_RESPONSE
                || examples.isEmpty() || cautions.isEmpty()) {
            throw new IllegalStateException("topic " + id + " needs a subject, prompts, >= "
                    + FACTS_PER_RESPONSE + " facts, examples and cautions");
        }
    }

    /** All topics listed in {@code datasets/attributes/topics.txt}, in that order. */
    public static List<AttributeTopic> loadAll() {
        List<AttributeTopic> out = new ArrayList<>();
        for (String id : TextResources.lines("datasets/attributes/topics.txt")) {
            out.add(load(id));
        }
        return List.copyOf(out);
    }

    static AttributeTopic load(String id) {
        String resource = "datasets/attributes/" + id + ".txt";
        String subject = null;
        List<String> prompts = new ArrayList<>();
        List<String> facts = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        List<String> cautions = new ArrayList<>();
        for (String line : TextResources.lines(resource)) {
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "subject" -> subject = value;
                case "prompt" -> prompts.add(value);
                case "fact" -> facts.add(value);
                case "example" -> examples.add(value);
                case "caution" -> cautions.add(value);
                default -> throw new IllegalStateException(resource + ": unknown line '" + line + "'");
            }
        }
        return new AttributeTopic(id, subject, prompts, facts, examples, cautions);
    }
}
