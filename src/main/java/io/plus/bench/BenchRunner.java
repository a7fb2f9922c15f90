package io.plus.bench;

import io.plus.data.ContextBudget;
import io.plus.data.Dataset;
import io.plus.data.PreferencePair;
import io.plus.encoder.TextEncoder;
import io.plus.eval.ColdStartCurve;
import io.plus.eval.Evaluator;
import io.plus.eval.IdentificationCeiling;
import io.plus.eval.SplitMetrics;
import io.plus.eval.SummaryEvaluation;
import io.plus.methods.EmbeddingTable;
import io.plus.methods.FittedModel;
import io.plus.methods.catalog.MethodRegistry;
import io.plus.methods.RewardMethod;
import io.plus.summary.SummaryConditioner;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs every method on every dataset and seed, on the same embeddings and splits, and collects
 * per-split metrics. Printing and files are left to {@link BenchReport}.
 */
public final class BenchRunner {
    /** What a dataset without hidden truth (no {@code truth.jsonl}) cannot report. */
    static final String NO_TRUTH = "no hidden truth (truth.jsonl), so no Oracle, no controversial pairs, "
            + "no Bayes or identification ceiling, no other type's summary and no check that summaries name the preference";

    private final TextEncoder encoder;
    private final MethodRegistry registry;

    public BenchRunner(TextEncoder encoder, MethodRegistry registry) {
        this.encoder = encoder;
        this.registry = registry;
    }

    public BenchResult run(BenchConfig config, Progress progress) throws IOException {
        List<RewardMethod> methods = config.methods().stream().map(registry::require).toList();
        Map<String, Double> phases = new LinkedHashMap<>();
        long start = System.nanoTime();
        // Embedding first, on every core (ONNX Runtime splits each batch); then the runs, several at
        // once, each on one thread. Every run draws from its own seeded generators and waits its turn
        // for what libtorch shares (SeededInitialization, ExclusiveGradientCollector), so running side
        // by side changes nothing but the timings. Every dataset's data and embeddings stay in
        // memory until the last run ends.
        List<Supplier<RunOutcome>> runs = new ArrayList<>();
        for (long seed : config.seeds()) {
            for (DatasetSource source : config.datasets()) {
                Prepared prepared = prepare(source, seed, phases, progress);
                for (RewardMethod method : methods) {
                    runs.add(() -> runOne(config, progress, prepared, method));
                }
            }
        }
        progress.paceFromHere(); // the runs' epochs are the units; a cold cache makes embedding far slower
        List<RunRecord> records = new ArrayList<>();
        List<SummaryRecord> summaryReports = new ArrayList<>();
        List<ColdStartRecord> coldStart = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        int runsAtOnce = Math.max(1, Math.min(config.runsAtOnce(), runs.size()));
        for (RunOutcome outcome : OrderedParallel.run(runs, runsAtOnce, "bench-run")) {
            records.addAll(outcome.runs());
            summaryReports.addAll(outcome.summaries());
            coldStart.addAll(outcome.coldStart());
            outcome.note().ifPresent(notes::add);
            phases.merge("train", outcome.trainSeconds(), Double::sum);
            phases.merge("evaluate", outcome.evaluateSeconds(), Double::sum);
        }
        return new BenchResult(encoder.id(), config.seeds(), records, summaryReports, coldStart, phases,
                (System.nanoTime() - start) / 1e9, List.copyOf(notes), runsAtOnce);
    }

    private Prepared prepare(DatasetSource source, long seed, Map<String, Double> phases, Progress progress)
            throws IOException {
        String where = source.name() + " seed " + seed;
        long generateStart = System.nanoTime();
        Dataset full = source.load(seed);
        // the main tables read as much of the unseen users' context as the rest of their users have
        Dataset dataset = source.contextBudget().isPresent() ? ContextBudget.truncate(full,
                ContextBudget.unseenUsers(full), source.contextBudget().getAsInt(), source.contextUnit()) : full;
        add(phases, "generate", generateStart);
        progress.note(where + ": " + dataset.pairs().size() + " pairs ready");

        long embedStart = System.nanoTime();
        EmbeddingTable embeddings = EmbeddingTable.embed(full, encoder, done -> { });
        add(phases, "embed", embedStart);
        progress.note(where + ": " + embeddings.size() + " texts embedded");
        return new Prepared(source, seed, full, dataset, embeddings);
    }

    /** One dataset for one seed, ready for the methods: all of it, the main tables' cut, their embeddings. */
    private record Prepared(DatasetSource source, long seed, Dataset full, Dataset dataset, EmbeddingTable embeddings) {
        String where() {
            return source.name() + " seed " + seed;
        }
    }

    /** What one method's run on one dataset and seed produced, and its own seconds training and evaluating. */
    private record RunOutcome(List<RunRecord> runs, List<SummaryRecord> summaries, List<ColdStartRecord> coldStart,
                              Optional<String> note, double trainSeconds, double evaluateSeconds) {
        static RunOutcome skipped(String note) {
            return new RunOutcome(List.of(), List.of(), List.of(), Optional.of(note), 0, 0);
        }
    }

    private static RunOutcome runOne(BenchConfig config, Progress progress, Prepared prepared, RewardMethod method) {
        DatasetSource source = prepared.source();
        long seed = prepared.seed();
        Dataset dataset = prepared.dataset();
        EmbeddingTable embeddings = prepared.embeddings();
        String where = prepared.where();
        int epochs = config.training().epochs();
        if (method.readsGroundTruth() && !everyUserHasATruth(dataset)) {
            progress.advance(epochs + 1L, where + ": " + method.name() + " skipped (no hidden truth)");
            return RunOutcome.skipped(source.name() + ": " + (dataset.truth().isEmpty() ? NO_TRUTH
                    : "not every user has a hidden type in truth.jsonl, so no " + method.name()
                    + " and no identification ceiling"));
        }
        long trainStart = System.nanoTime();
        int[] epochsDone = {0};
        FittedModel fitted = method.fit(dataset, embeddings, config.training().withSeed(seed), epoch -> {
            epochsDone[0] = epoch;
            progress.advance(1, where + ": " + method.name() + " epoch " + epoch + "/" + epochs);
        });
        double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
        if (epochsDone[0] < epochs) {
            // early stopping: the epochs it skipped are done as far as the ETA is concerned
            progress.advance(epochs - epochsDone[0], where + ": " + method.name() + " stopped early at epoch "
                    + epochsDone[0]);
        }
        long evaluateStart = System.nanoTime();
        List<RunRecord> runs = new ArrayList<>();
        List<SummaryRecord> summaryReports = new ArrayList<>();
        for (SplitMetrics metrics : Evaluator.evaluate(fitted, dataset, embeddings)) {
            runs.add(new RunRecord(source.name(), method.name(), seed, metrics, trainSeconds, fitted.calibration()));
        }
        if (fitted.conditioner() instanceof SummaryConditioner summaries) {
            // what only summaries can be asked: held-out wording, another type's summary
            for (SplitMetrics metrics : SummaryEvaluation.reworded(fitted, summaries, dataset, embeddings)) {
                runs.add(new RunRecord(source.name(), method.name() + " reworded", seed, metrics, 0,
                        fitted.calibration()));
            }
            if (!dataset.truth().users().isEmpty()) {
                for (SplitMetrics metrics : SummaryEvaluation.swapped(fitted, summaries, dataset, embeddings)) {
                    runs.add(new RunRecord(source.name(), method.name() + " other type's summary", seed,
                            metrics, 0, fitted.calibration()));
                }
            }
            summaryReports.add(new SummaryRecord(source.name(), method.name(), seed,
                    SummaryEvaluation.report(summaries, dataset, 6)));
        }
        if (method.readsGroundTruth() && IdentificationCeiling.applies(dataset)) {
            for (SplitMetrics metrics : IdentificationCeiling.onTestSplits(fitted, dataset, embeddings)) {
                runs.add(new RunRecord(source.name(), ColdStartRecord.CEILING, seed, metrics, 0,
                        fitted.calibration())); // the Oracle's head, as calibrated
            }
        }
        List<ColdStartRecord> coldStart = coldStart(source, seed, method, fitted, prepared.full(), embeddings);
        double evaluateSeconds = (System.nanoTime() - evaluateStart) / 1e9;
        progress.advance(1, where + ": " + method.name() + " evaluated");
        return new RunOutcome(runs, summaryReports, coldStart, Optional.empty(), trainSeconds, evaluateSeconds);
    }

    /**
     * The cold-start curve of a method that reads context; for the Oracle, the identification ceiling
     * (what telling a new user's hidden type from k units allows). Other methods have a flat line: none.
     */
    private static List<ColdStartRecord> coldStart(DatasetSource source, long seed, RewardMethod method,
                                                   FittedModel fitted, Dataset full, EmbeddingTable embeddings) {
        if (ContextBudget.unseenUsers(full).isEmpty()) {
            return List.of(); // no new users, no cold start
        }
        List<ColdStartCurve.Point> points;
        String line;
        if (ColdStartCurve.applies(fitted)) {
            points = ColdStartCurve.measure(fitted, full, embeddings, source.contextUnit(), ColdStartCurve.BUDGETS);
            line = method.name();
        } else if (method.readsGroundTruth() && IdentificationCeiling.applies(full)) {
            points = IdentificationCeiling.measure(fitted, full, embeddings, source.contextUnit(), ColdStartCurve.BUDGETS);
            line = ColdStartRecord.CEILING;
        } else {
            return List.of();
        }
        return points.stream().map(p -> new ColdStartRecord(source.name(), line, seed, p.k(), p.users(),
                p.usersWithK(), p.metrics().all(), p.metrics().controversial(), p.namesPreference())).toList();
    }

    private static boolean everyUserHasATruth(Dataset dataset) {
        return dataset.pairs().stream().map(PreferencePair::user).distinct()
                .allMatch(user -> dataset.truth().user(user).isPresent());
    }

    /** Work units a run will report, for the ETA: each run's epochs and its evaluation. */
    public static long units(BenchConfig config) {
        long perMethod = config.training().epochs() + 1L;
        return (long) config.seeds().size() * config.datasets().size() * config.methods().size() * perMethod;
    }

    private static void add(Map<String, Double> phases, String phase, long sinceNanos) {
        phases.merge(phase, (System.nanoTime() - sinceNanos) / 1e9, Double::sum);
    }
}
