package io.plus.cli;

import io.plus.encoder.EncoderSpec;
import io.plus.encoder.EncoderThroughputBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "encoder-bench", mixinStandardHelpOptions = true,
        description = "Measure encoder throughput (texts/second) through PLUS's batching against the raw ONNX Runtime "
                + "call on the same inputs, in the same run.")
public class EncoderBenchCommand implements Callable<Integer> {
    @Option(names = "--encoders", split = ",", defaultValue = "all-minilm-l6-v2,all-minilm-l6-v2-int8",
            description = "Encoders to measure (default: ${DEFAULT-VALUE}).")
    List<String> encoders;

    @Option(names = "--batch", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--repeats", defaultValue = "7", description = "Timed repeats; medians are reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--texts", defaultValue = "512", description = "Generated sentences per repeat (default: ${DEFAULT-VALUE}).")
    int texts;

    @Option(names = "--texts-file", description = "Measure on these texts instead (one per line), e.g. the texts a "
            + "load test sends, so the bound compares like with like.")
    Path textsFile;

    @Override
    public Integer call() throws IOException {
        List<String> inputs = textsFile == null ? EncoderThroughputBenchmark.defaultTexts(texts)
                : Files.readAllLines(textsFile).stream().filter(line -> !line.isBlank()).toList();
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no texts in " + textsFile);
        }
        for (String id : encoders) {
            System.out.print(EncoderThroughputBenchmark.run(EncoderSpec.fromId(id), inputs, batch, repeats).toMarkdown());
        }
        return 0;
    }
}
