package io.plus.cli;

import io.plus.bench.DatasetCatalog;
import io.plus.data.Dataset;
import io.plus.data.io.DatasetWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a benchmark dataset (pairs.jsonl and the hidden truth.jsonl) to a folder.")
public class GenerateCommand implements Callable<Integer> {
    @Option(names = "--dataset", required = true,
            description = "One of: pets, pets-ood, attributes, attributes-mix, dsp.")
    String dataset;

    @Option(names = "--out", required = true, description = "Folder to write the dataset into.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--quick", description = "Smaller dataset, for quick experiments.")
    boolean quick;

    @Option(names = "--dsp-file", description = "The DSP file domain_specific_preference.test.json (for --dataset dsp; "
            + "default: $PLUS_DSP_FILE).")
    Path dspFile;

    @Override
    public Integer call() throws Exception {
        Dataset data = DatasetCatalog.source(dataset, quick, DatasetCatalog.dspFile(dspFile)).load(seed);
        DatasetWriter.write(data, out);
        System.out.printf("wrote %s: %d pairs, %d context items, %d users with hidden truth -> %s%n", data.name(),
                data.pairs().size(), data.contextItems().size(), data.truth().users().size(), out);
        return 0;
    }
}
