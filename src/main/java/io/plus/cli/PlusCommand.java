package io.plus.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

@TopCommand
@Command(name = "plus", mixinStandardHelpOptions = true, version = "PLUS 0.1",
        description = "PLUS: personalised reward models conditioned on learned text summaries of each user's preferences.",
        subcommands = {GenerateCommand.class, ImportCommand.class, TrainCommand.class, TrainRunCommand.class, EvalCommand.class,
                BenchCommand.class, EncoderBenchCommand.class,
                SummarizeCommand.class, ScoreCommand.class, ServeCommand.class, OperatorCommand.class,
                SubmitTrainingRunCommand.class, ProbeCommand.class, KeysCommand.class})
public class PlusCommand {
}
