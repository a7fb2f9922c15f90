package io.plus.trainrun;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plus.bundle.BundleManifest;
import io.plus.bundle.BundleStore;
import io.plus.bundle.Sha256;
import io.plus.data.Split;
import io.plus.encoder.TextEncoder;
import io.plus.methods.catalog.MethodRegistry;
import io.plus.methods.RewardMethod;
import io.plus.training.DjlSetup;
import io.plus.pipeline.TrainPipeline;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code train-run}: snapshot the stored feedback of some tenants, split it (held-out users and
 * pairs), train, evaluate the new model and the active one on the same held-out data, write the
 * bundle (the split and the comparison in its manifest) and register it as a candidate. The
 * evaluation gate and the rollout are the operator's: this job only measures and registers.
 */
public final class TrainRunJob {
    /** Beside the manifest: every user's watermark and exactly which users and pairs were held out. */
    public static final String SNAPSHOT_FILE = "snapshot.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource database;
    private final Function<String, TextEncoder> encoders;
    private final Consumer<String> log;

    /**
     * @param encoders opens the text encoder with a given id (the new model's, or an older active model's)
     * @param log      where progress lines go
     */
    public TrainRunJob(DataSource database, Function<String, TextEncoder> encoders, Consumer<String> log) {
        this.database = database;
        this.encoders = encoders;
        this.log = log;
    }

    public TrainRunResult run(TrainRunRequest request, String encoderId) throws SQLException {
        long start = System.nanoTime();
        Optional<RegisteredVersion> earlier;
        try (Connection connection = database.getConnection()) {
            earlier = new CandidateRegistry(connection).find(request.modelVersion());
        }
        if (earlier.isPresent()) {
            return alreadyRegistered(request, earlier.get(), seconds(start));
        }
        Path written = request.modelStore().resolve(request.modelVersion());
        if (Files.exists(written)) {
            return registerWritten(request, written, seconds(start));
        }
        FeedbackSnapshot snapshot;
        long exportStart = System.nanoTime();
        try (Connection connection = database.getConnection()) {
            snapshot = SnapshotExporter.export(connection, request.tenants(),
                    n -> log.accept("exported " + n + " events so far"));
        }
        double exportSeconds = seconds(exportStart);
        SnapshotDataset split = SnapshotDataset.of(snapshot, request.split());
        Map<String, Object> summary = snapshotSummary(snapshot, split, exportSeconds);
        log.accept(String.format(Locale.ROOT, "snapshot of %s: %d events of %d users in %.2f s; %d training pairs, "
                        + "%d unseen users held out (%d test pairs), %d seen-user test pairs", request.tenants(),
                snapshot.events().size(), snapshot.watermarks().size(), exportSeconds, split.pairs(Split.TRAIN),
                split.unseenUsers().size(), split.pairs(Split.TEST_UNSEEN_USERS), split.pairs(Split.TEST_SEEN_USERS)));
        Optional<String> tooLittle = tooLittle(request, split);
        if (tooLittle.isPresent()) {
            return TrainRunResult.insufficient(tooLittle.get(), summary, seconds(start));
        }

        String device = device();
        log.accept("training " + request.method() + " on " + device);
        TrainingProgress progress = new TrainingProgress(log);
        TrainPipeline.Trained trained;
        try (TextEncoder encoder = encoders.apply(encoderId)) {
            RewardMethod method = MethodRegistry.standard(encoder, request.iterations(),
                    entry -> progress.iteration(entry, request.iterations())).require(request.method());
            trained = TrainPipeline.train(split.dataset(), encoder, method, request.config(),
                    epoch -> progress.epoch(epoch, request.config().epochs()));

            Optional<RegisteredVersion> active;
            try (Connection connection = database.getConnection()) {
                active = new CandidateRegistry(connection).active();
            }
            BaselineEvaluation.Baseline baseline = active.map(a -> BaselineEvaluation.of(a, trained, encoders)).orElse(null);
            if (baseline != null && baseline.unavailable() != null) {
                log.accept("active model " + baseline.version() + " " + baseline.unavailable());
            }
            Map<String, Object> trainingData = trainingData(request, snapshot, split, summary, baseline, device);
            Path bundle = TrainPipeline.write(trained, request.modelStore(), request.modelVersion(), trainingData,
                    Map.of(SNAPSHOT_FILE, snapshotFile(snapshot, split)));
            Map<String, Object> metrics = TrainPipeline.metricsMap(trained.metrics());
            try (Connection connection = database.getConnection()) {
                new CandidateRegistry(connection).register(new CandidateRegistry.Candidate(request.modelVersion(),
                        bundle.toString(), manifestDigest(bundle), request.method(), trained.model().conditioning().name(),
                        encoder.id(), json(metrics), baseline == null ? null : baseline.version(),
                        baseline == null || baseline.metrics() == null ? null : json(baseline.metrics()),
                        request.trainingRun()));
            }
            String message = "registered candidate " + request.modelVersion() + describe(metrics, baseline);
            return new TrainRunResult(TrainRunOutcome.REGISTERED, message, request.modelVersion(), bundle.toString(),
                    metrics, baseline == null ? null : baseline.version(), baseline == null ? null : baseline.metrics(),
                    summary, device, seconds(start));
        }
    }

    private static TrainRunResult alreadyRegistered(TrainRunRequest request, RegisteredVersion row, double seconds) {
        if (request.trainingRun() == null || !request.trainingRun().equals(row.trainingRun())) {
            throw new TrainRunConflict("model version " + request.modelVersion() + " is already registered"
                    + (row.trainingRun() == null ? "" : " by training run " + row.trainingRun())
                    + "; choose another --model-version");
        }
        return new TrainRunResult(TrainRunOutcome.ALREADY_REGISTERED, "candidate " + row.version()
                + " was registered by an earlier attempt of " + row.trainingRun() + " (status " + row.status() + ")",
                row.version(), row.location(), parse(row.metrics()), row.baselineVersion(), parse(row.baselineMetrics()),
                null, null, seconds);
    }

    /**
     * An earlier attempt of the same training run wrote the bundle and stopped before registering it
     * (a Job retried after its pod died): register that bundle, whose manifest holds everything the
     * registry needs, instead of training again. Anything else in the way is refused.
     */
    private TrainRunResult registerWritten(TrainRunRequest request, Path bundle, double seconds) throws SQLException {
        BundleManifest manifest = BundleStore.read(bundle, Optional.empty()).manifest();
        Map<String, Object> data = manifest.trainingData();
        if (request.trainingRun() == null || data == null || !request.trainingRun().equals(data.get("trainingRun"))) {
            throw new TrainRunConflict("a bundle " + request.modelVersion() + " already exists in the model "
                    + "store; choose another --model-version");
        }
        Map<String, Object> baseline = data.get("baseline") instanceof Map<?, ?> b ? cast(b) : null;
        String baselineVersion = baseline == null ? null : (String) baseline.get("version");
        Map<String, Object> baselineMetrics = baseline != null && baseline.get("metrics") instanceof Map<?, ?> m
                ? cast(m) : null;
        try (Connection connection = database.getConnection()) {
            new CandidateRegistry(connection).register(new CandidateRegistry.Candidate(manifest.modelVersion(),
                    bundle.toString(), manifestDigest(bundle), manifest.method(), manifest.conditioning(),
                    manifest.encoder().id(), json(manifest.metrics()), baselineVersion,
                    baselineMetrics == null ? null : json(baselineMetrics), request.trainingRun()));
        }
        return new TrainRunResult(TrainRunOutcome.REGISTERED, "registered candidate " + manifest.modelVersion()
                + ", written by an earlier attempt of " + request.trainingRun(), manifest.modelVersion(),
                bundle.toString(), manifest.metrics(), baselineVersion, baselineMetrics, null,
                (String) data.get("device"), seconds);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static Optional<String> tooLittle(TrainRunRequest request, SnapshotDataset split) {
        long users = split.usersWithPairs();
        int pairs = split.dataset().pairs().size();
        if (users < request.minUsers()) {
            return Optional.of(users + " users have labelled pairs; at least " + request.minUsers() + " are needed");
        }
        if (pairs < request.minPairs()) {
            return Optional.of(pairs + " labelled pairs are stored; at least " + request.minPairs() + " are needed");
        }
        if (split.pairs(Split.TRAIN) == 0) {
            return Optional.of("no pairs are left to train on after holding out context and test pairs");
        }
        if (split.pairs(Split.TEST_UNSEEN_USERS) == 0) {
            return Optional.of("no unseen-user test pairs: " + split.unseenUsers().size() + " of " + users
                    + " users are held out and none has two or more pairs");
        }
        if (split.pairs(Split.TEST_SEEN_USERS) == 0) {
            return Optional.of("no seen-user test pairs were held out");
        }
        return Optional.empty();
    }

    /** The device DJL's PyTorch engine trains on: a GPU when it has one. */
    static String device() {
        DjlSetup.ensure();
        Engine engine = Engine.getEngine("PyTorch");
        return engine.defaultDevice() + " (PyTorch " + engine.getVersion() + ", " + engine.getGpuCount() + " GPUs visible)";
    }

    private static Map<String, Object> snapshotSummary(FeedbackSnapshot snapshot, SnapshotDataset split,
                                                       double exportSeconds) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("tenants", snapshot.tenants());
        summary.put("takenAt", snapshot.takenAt().toString());
        summary.put("users", snapshot.watermarks().size());
        summary.put("events", snapshot.events().size());
        Map<String, Object> pairs = new LinkedHashMap<>();
        for (Split s : List.of(Split.TRAIN, Split.CONTEXT, Split.TEST_SEEN_USERS, Split.TEST_UNSEEN_USERS)) {
            pairs.put(s.wireName(), split.pairs(s));
        }
        summary.put("pairs", pairs);
        summary.put("unseenUsers", split.unseenUsers().size());
        summary.put("exportSeconds", Math.round(exportSeconds * 1000) / 1000.0);
        return summary;
    }

    private static Map<String, Object> trainingData(TrainRunRequest request, FeedbackSnapshot snapshot,
                                                    SnapshotDataset split, Map<String, Object> summary,
                                                    BaselineEvaluation.Baseline baseline, String device) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", "feedback-snapshot");
        data.putAll(summary);
        data.put("split", Map.of("unseenUserShare", request.split().unseenUserShare(),
                "seenTestShare", request.split().seenTestShare(), "contextPairs", request.split().contextPairs()));
        data.put("watermarksAndHeldOut", SNAPSHOT_FILE);
        if (baseline != null) {
            Map<String, Object> compared = new LinkedHashMap<>();
            compared.put("version", baseline.version());
            compared.put(baseline.metrics() != null ? "metrics" : "unavailable",
                    baseline.metrics() != null ? baseline.metrics() : baseline.unavailable());
            data.put("baseline", compared);
        }
        data.put("trainingRun", request.trainingRun());
        data.put("device", device);
        return data;
    }

    private static byte[] snapshotFile(FeedbackSnapshot snapshot, SnapshotDataset split) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("tenants", snapshot.tenants());
        file.put("takenAt", snapshot.takenAt().toString());
        file.put("watermarks", snapshot.watermarks().stream()
                .map(w -> Map.of("tenant", w.tenant(), "user", w.user(), "sequence", w.sequence())).toList());
        file.put("unseenUsers", split.unseenUsers());
        file.put("seenTestPairs", split.seenTestPairs());
        return json(file).getBytes(StandardCharsets.UTF_8);
    }

    private static String describe(Map<String, Object> metrics, BaselineEvaluation.Baseline baseline) {
        String unseen = accuracy(metrics);
        if (baseline == null) {
            return ": unseen-user accuracy " + unseen + " (no model was active)";
        }
        if (baseline.metrics() == null) {
            return ": unseen-user accuracy " + unseen + "; active model " + baseline.version() + " " + baseline.unavailable();
        }
        return ": unseen-user accuracy " + unseen + " vs " + accuracy(baseline.metrics()) + " for active model "
                + baseline.version() + " on the same users";
    }

    @SuppressWarnings("unchecked")
    private static String accuracy(Map<String, Object> metrics) {
        Object split = metrics.get(Split.TEST_UNSEEN_USERS.wireName());
        return split instanceof Map<?, ?> values && values.get("accuracy") instanceof Number a
                ? String.format(Locale.ROOT, "%.1f%%", 100 * a.doubleValue()) : "n/a";
    }

    private static String manifestDigest(Path bundle) {
        try {
            return Sha256.of(bundle.resolve(BundleManifest.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable metrics in the registry: " + e.getOriginalMessage(), e);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
