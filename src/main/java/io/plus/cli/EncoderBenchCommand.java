package io.plus.cli;

import io.plus.encoder.EncoderSpec;
import io.plus.encoder.EncoderThroughputBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    @Override
    public Integer call() {
        List<String> inputs = EncoderThroughputBenchmark.defaultTexts(texts);
        for (String id : encoders) {
            System.out.print(EncoderThroughputBenchmark.run(EncoderSpec.fromId(id), inputs, batch, repeats).toMarkdown());
        }
        return 0;
    }
}
