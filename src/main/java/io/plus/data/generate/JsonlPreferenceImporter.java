package io.plus.data.generate;

import io.plus.data.Dataset;
import io.plus.data.GroundTruth;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.data.io.DatasetReader;
import io.plus.data.io.JsonLine;
import io.plus.data.io.JsonlFiles;
import io.plus.data.io.Problems;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports third-party preference data: JSONL with one object per line holding a user, a prompt,
 * a chosen and a rejected response, and optionally a topic and a split (a {@link Split} wire name;
 * absent means train). Field names are configurable; other fields are ignored. Pair ids are
 * {@code <file-stem>-<line>}. There is no ground truth. Bad lines are all reported together as
 * {@code file:line: problem}, and then nothing is imported.
 */
public final class JsonlPreferenceImporter {
    public record FieldNames(String user, String prompt, String chosen, String rejected, String topic, String split) {
        public static final FieldNames DEFAULTS = new FieldNames("user", "prompt", "chosen", "rejected", "topic", "split");
    }

    private final FieldNames fields;

    public JsonlPreferenceImporter() {
        this(FieldNames.DEFAULTS);
    }

    public JsonlPreferenceImporter(FieldNames fields) {
        this.fields = fields;
    }

    public Dataset importFile(Path file, String datasetName) throws IOException {
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Problems problems = new Problems();
        List<PreferencePair> pairs = new ArrayList<>();
        for (JsonLine l : JsonlFiles.read(file, problems)) {
            String user = l.key(fields.user());
            String prompt = l.text(fields.prompt());
            String chosen = l.text(fields.chosen());
            String rejected = l.text(fields.rejected());
            String topic = l.optionalText(fields.topic());
            Split split = DatasetReader.split(l, l.optionalText(fields.split()));
            if (chosen != null && chosen.equals(rejected)) {
                l.problem("chosen equals rejected");
            }
            if (!l.hasProblems()) {
                pairs.add(new PreferencePair(stem + "-" + l.line(), user, prompt, chosen, rejected, topic, split));
            }
        }
        problems.throwIfAny();
        return new Dataset(datasetName, pairs, List.of(), GroundTruth.NONE);
    }
}
