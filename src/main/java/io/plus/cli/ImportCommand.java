package io.plus.cli;

import io.plus.data.Dataset;
import io.plus.data.generate.JsonlPreferenceImporter;
import io.plus.data.io.DatasetWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Convert generic JSONL preference data (prompt/chosen/rejected plus a user field) into PLUS's dataset format.")
public class ImportCommand implements Callable<Integer> {
    @Option(names = "--in", required = true, description = "Input JSONL file, one preference per line.")
    Path in;

    @Option(names = "--out", required = true, description = "Folder to write the dataset into.")
    Path out;

    @Option(names = "--user-field", defaultValue = "user", description = "Field holding the user id (default: ${DEFAULT-VALUE}).")
    String userField;

    @Option(names = "--prompt-field", defaultValue = "prompt", description = "Default: ${DEFAULT-VALUE}.")
    String promptField;

    @Option(names = "--chosen-field", defaultValue = "chosen", description = "Default: ${DEFAULT-VALUE}.")
    String chosenField;

    @Option(names = "--rejected-field", defaultValue = "rejected", description = "Default: ${DEFAULT-VALUE}.")
    String rejectedField;

    @Option(names = "--topic-field", defaultValue = "topic", description = "Optional field (default: ${DEFAULT-VALUE}).")
    String topicField;

    @Option(names = "--split-field", defaultValue = "split", description = "Optional field (default: ${DEFAULT-VALUE}).")
    String splitField;

    @Option(names = "--skip-invalid", description = "Import the good lines and report each bad one (file:line: why) "
            + "on stderr, instead of importing nothing when any line is bad.")
    boolean skipInvalid;

    @Override
    public Integer call() throws Exception {
        JsonlPreferenceImporter.FieldNames fields = new JsonlPreferenceImporter.FieldNames(
                userField, promptField, chosenField, rejectedField, topicField, splitField);
        String name = in.getFileName().toString().replaceFirst("\\.jsonl?$", "");
        JsonlPreferenceImporter.Imported imported = new JsonlPreferenceImporter(fields).importFile(in, name, skipInvalid);
        Dataset data = imported.dataset();
        DatasetWriter.write(data, out);
        for (String problem : imported.skippedProblems()) {
            System.err.println("skipped " + problem);
        }
        System.out.printf("imported %d pairs from %s -> %s%s%n", data.pairs().size(), in, out,
                imported.skippedLines() == 0 ? "" : "; skipped " + imported.skippedLines() + " invalid lines");
        return 0;
    }
}
