package io.plus.data.generate;

import io.plus.data.Dataset;
import io.plus.data.GroundTruth;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.data.io.DatasetFormatException;
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
 * {@code file:line: problem}, and then nothing is imported; or, when the caller asks to skip them,
 * the good lines are imported and every bad one is reported as skipped.
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

    /** What an import kept, and every problem of the lines it skipped. */
    public record Imported(Dataset dataset, int skippedLines, List<String> skippedProblems) {
    }

    /** All or nothing: any bad line fails the import, listing the problems. */
    public Dataset importFile(Path file, String datasetName) throws IOException {
        return importFile(file, datasetName, false).dataset();
    }

    /**
     * With {@code skipInvalid}, bad lines are left out and reported; an import that keeps no pair
     * still fails, since a dataset without pairs is of no use.
     */
    public Imported importFile(Path file, String datasetName, boolean skipInvalid) throws IOException {
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Problems problems = skipInvalid ? new Problems(Integer.MAX_VALUE) : new Problems();
        List<PreferencePair> pairs = new ArrayList<>();
        List<JsonLine> lines = JsonlFiles.read(file, problems);
        int skipped = problems.count(); // each line that is not a JSON object is one problem
        for (JsonLine l : lines) {
            String user = l.key(fields.user());
            String prompt = l.text(fields.prompt());
            String chosen = l.text(fields.chosen());
            String rejected = l.text(fields.rejected());
            String topic = l.optionalText(fields.topic());
            Split split = DatasetReader.split(l, l.optionalText(fields.split()));
            if (chosen != null && chosen.equals(rejected)) {
                l.problem("chosen equals rejected");
            }
            if (l.hasProblems()) {
                skipped++;
            } else {
                pairs.add(new PreferencePair(stem + "-" + l.line(), user, prompt, chosen, rejected, topic, split));
            }
        }
        if (!skipInvalid || pairs.isEmpty()) {
            problems.throwIfAny();
        }
        if (pairs.isEmpty()) {
            throw new DatasetFormatException(file.getFileName() + ": no preference pairs in the file");
        }
        return new Imported(new Dataset(datasetName, pairs, List.of(), GroundTruth.NONE), skipped, problems.listed());
    }
}
