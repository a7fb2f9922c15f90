package io.plus.cli;

import io.agroal.api.AgroalDataSource;
import io.plus.ids.Ids;
import io.plus.pipeline.TrainPipeline;
import io.plus.serve.db.SchemaMigrations;
import io.plus.serve.input.FieldRules;
import io.plus.serve.problem.Problem.FieldError;
import io.plus.trainrun.ModelStoreLocation;
import io.plus.trainrun.SplitPolicy;
import io.plus.trainrun.TerminationMessage;
import io.plus.trainrun.TrainRunConflict;
import io.plus.trainrun.TrainRunJob;
import io.plus.trainrun.TrainRunOutcome;
import io.plus.trainrun.TrainRunRequest;
import io.plus.trainrun.TrainRunResult;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "train-run", mixinStandardHelpOptions = true,
        description = {"Train on the feedback stored in PostgreSQL (PLUS_DB_URL): snapshot the tenants' feedback up "
                + "to each user's watermark, hold out a fixed share of users and of each user's pairs, train, evaluate "
                + "the new model and the active one on the same held-out data, write the bundle to the model store "
                + "and register it as a candidate. This is what a TrainingRun's Job runs."},
        footer = {"", "Exit codes: 0 candidate registered (or already registered by an earlier attempt of the same "
                + "--training-run), 1 failed (database, model store, training), 2 invalid arguments, 3 too little "
                + "data for --min-users/--min-pairs (nothing trained).",
                "The outcome is also written as JSON to --termination-log, $PLUS_TERMINATION_LOG, or "
                        + "/dev/termination-log inside a Kubernetes pod."})
public class TrainRunCommand implements Callable<Integer> {
    private static final Logger LOG = Logger.getLogger(TrainRunCommand.class);
    /** Methods a bundle can hold that read only stored feedback (VPL and Oracle are benchmark baselines). */
    private static final Set<String> METHODS = Set.of("plus", "plus-untrained", "btl", "icl");

    @Option(names = "--tenant", required = true, description = "Tenant whose feedback to train on (repeat for several).")
    List<String> tenants;

    @Option(names = "--method", defaultValue = "PLUS", description = "PLUS, PLUS-untrained, BTL or ICL (default: ${DEFAULT-VALUE}).")
    String method;

    @Mixin
    TrainingOptions training;

    @Option(names = "--min-users", defaultValue = "20",
            description = "Fewest users with labelled pairs worth training on (default: ${DEFAULT-VALUE}).")
    int minUsers;

    @Option(names = "--min-pairs", defaultValue = "200",
            description = "Fewest labelled pairs worth training on (default: ${DEFAULT-VALUE}).")
    int minPairs;

    @Option(names = "--unseen-user-share", defaultValue = "" + SplitPolicy.DEFAULT_UNSEEN_USER_SHARE,
            description = "Share of users never trained on, chosen by a stable hash of tenant and user, the same in "
                    + "every run (default: ${DEFAULT-VALUE}).")
    double unseenUserShare;

    @Option(names = "--seen-test-share", defaultValue = "" + SplitPolicy.DEFAULT_SEEN_TEST_SHARE,
            description = "Share of each training user's pairs held out as seen-user test pairs (default: ${DEFAULT-VALUE}).")
    double seenTestShare;

    @Option(names = "--context-pairs", defaultValue = "32",
            description = "Most pairs of a user that form their context, as serving uses (default: ${DEFAULT-VALUE}).")
    int contextPairs;

    @Option(names = "--model-store", defaultValue = "${env:PLUS_MODELS_DIR:-plus-out/models}",
            description = "Where the bundle is written: a path or a file: URI (default: $PLUS_MODELS_DIR or plus-out/models).")
    String modelStore;

    @Option(names = "--model-version", description = "Version of the new bundle (default: method and UTC time).")
    String modelVersion;

    @Option(names = "--training-run", description = "Name of the TrainingRun this Job belongs to: a retried Job "
            + "finds the candidate or bundle of its earlier attempt instead of training again.")
    String trainingRun;

    @Option(names = "--termination-log", description = "Where the JSON outcome is written.")
    Path terminationLog;

    @Mixin
    EncoderOptions encoderOptions;

    @Inject
    AgroalDataSource database;
    @Inject
    SchemaMigrations migrations;

    @Override
    public Integer call() throws IOException {
        Optional<Path> termination = TerminationMessage.destination(terminationLog);
        long start = System.nanoTime();
        TrainRunRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            finish(termination, invalidArguments(e.getMessage()));
            throw e;
        }
        TrainRunResult result;
        try {
            migrations.migrateNow();
            result = new TrainRunJob(database, encoderOptions::open, LOG::info).run(request, encoderOptions.encoderId);
        } catch (TrainRunConflict e) {
            System.err.println("error: " + e.getMessage());
            finish(termination, invalidArguments(e.getMessage()));
            return TrainRunOutcome.INVALID_ARGUMENTS;
        } catch (Exception e) {
            LOG.error("train-run failed", e);
            result = TrainRunResult.failed(e.getClass().getSimpleName() + ": " + e.getMessage(),
                    (System.nanoTime() - start) / 1e9);
        }
        (result.outcome() == TrainRunOutcome.FAILED || result.outcome() == TrainRunOutcome.INSUFFICIENT_DATA
                ? System.err : System.out).println(result.outcome().wireName() + ": " + result.message());
        finish(termination, result.asJson());
        return result.outcome().exitCode();
    }

    private TrainRunRequest request() {
        List<FieldError> errors = new ArrayList<>();
        for (String tenant : tenants) {
            FieldRules.id(tenant, "--tenant " + tenant, Ids.MAX_LENGTH, errors);
        }
        String version = modelVersion != null ? modelVersion
                : TrainPipeline.defaultVersion(method, Instant.now());
        FieldRules.id(version, "--model-version", Ids.MAX_LENGTH, errors);
        if (trainingRun != null) {
            FieldRules.id(trainingRun, "--training-run", Ids.MAX_LENGTH, errors);
        }
        if (!errors.isEmpty()) {
            FieldError first = errors.get(0);
            throw new IllegalArgumentException(first.pointer() + " " + first.detail());
        }
        if (!METHODS.contains(method.toLowerCase())) {
            throw new IllegalArgumentException("unknown method '" + method + "' for train-run (known: PLUS, "
                    + "PLUS-untrained, BTL, ICL)");
        }
        return new TrainRunRequest(tenants, method, training.iterations, training.config(),
                new SplitPolicy(unseenUserShare, seenTestShare, contextPairs), minUsers, minPairs,
                ModelStoreLocation.parse(modelStore), version, trainingRun);
    }

    private static Map<String, Object> invalidArguments(String message) {
        return Map.of("outcome", "invalid-arguments", "exitCode", TrainRunOutcome.INVALID_ARGUMENTS, "message", message);
    }

    private static void finish(Optional<Path> termination, Map<String, Object> message) throws IOException {
        if (termination.isPresent()) {
            TerminationMessage.write(termination.get(), message);
        }
    }
}
