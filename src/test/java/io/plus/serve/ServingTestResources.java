package io.plus.serve;

import io.plus.data.Dataset;
import io.plus.data.generate.PetsGenerator;
import io.plus.encoder.EncoderSpec;
import io.plus.encoder.Encoders;
import io.plus.encoder.TextEncoder;
import io.plus.methods.catalog.MethodRegistry;
import io.plus.pipeline.TrainPipeline;
import io.plus.training.TrainConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the serving tests run against: the machine's real PostgreSQL behind a TCP hop the tests can
 * cut ({@link PgProxy}), a real redis-server the tests start and stop ({@link RedisProcess}), and
 * two model bundles trained for real on a small pets dataset, both in the model store — PLUS
 * (bootstrapped at start, as a fresh install would) and BTL (registered and activated by the
 * hot-swap test).
 */
public class ServingTestResources implements QuarkusTestResourceLifecycleManager {
    public static final String PLUS_VERSION = "plus-serve-test";
    public static final String BTL_VERSION = "btl-serve-test";
    static final Path ROOT = Path.of("target", "serving-test").toAbsolutePath();
    /** The model store: the registry reads bundles only from inside it. */
    static final Path MODEL_STORE = ROOT.resolve("models");

    private static PgProxy postgres;
    private static RedisProcess redis;
    private static boolean trained;

    static PgProxy postgres() {
        return postgres;
    }

    static RedisProcess redis() {
        return redis;
    }

    @Override
    public Map<String, String> start() {
        try {
            trainBundlesOnce();
            removeBundlesMadeByTests();
            resetDatabase();
            TestCredentials.install();
            postgres = new PgProxy(5432);
            redis = new RedisProcess();
            redis.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + postgres.port() + "/test",
                // migrations go through the same cuttable hop as requests
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/test",
                // a dropped connection must not leave requests waiting long in the tests
                "quarkus.datasource.reactive.idle-timeout", "PT30S",
                "quarkus.redis.hosts", "redis://127.0.0.1:" + redis.port(),
                "plus.serve.models-dir", MODEL_STORE.toString(),
                // a loaded test machine can stall a cache write past the default 250 ms; a write given up
                // makes the next read a miss where a test expects a hit (a stopped Redis still fails at once)
                "plus.serve.redis-timeout", "2s",
                "plus.serve.redis-retry-after", "500ms");
    }

    @Override
    public void stop() {
        if (redis != null) {
            redis.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    static synchronized void trainBundlesOnce() throws IOException {
        if (trained) {
            return;
        }
        deleteTree(ROOT);
        Dataset pets = PetsGenerator.generate(new PetsGenerator.Config(3, 300, 60, 12, 6, 3, false));
        try (TextEncoder encoder = Encoders.open(EncoderSpec.MINILM, Optional.empty())) {
            MethodRegistry methods = MethodRegistry.standard(encoder, 40);
            // PLUS last: a fresh install activates the newest bundle of the store
            TrainPipeline.run(pets, encoder, methods.require("BTL"), TrainConfig.defaults(3), MODEL_STORE,
                    Optional.of(BTL_VERSION), epoch -> { });
            TrainPipeline.run(pets, encoder, methods.require("PLUS"), TrainConfig.defaults(3), MODEL_STORE,
                    Optional.of(PLUS_VERSION), epoch -> { });
        }
        trained = true;
    }

    /** Each start sees the store as trained (a test's copies would otherwise be the newest bundle). */
    private static void removeBundlesMadeByTests() throws IOException {
        try (Stream<Path> bundles = Files.list(MODEL_STORE)) {
            for (Path bundle : bundles.toList()) {
                String name = bundle.getFileName().toString();
                if (!name.equals(PLUS_VERSION) && !name.equals(BTL_VERSION)) {
                    deleteTree(bundle);
                }
            }
        }
    }

    /** The serving tables start empty, so the PLUS bundle is bootstrapped as on a fresh install. */
    private static void resetDatabase() {
        run("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-q", "-v", "ON_ERROR_STOP=1", "-c",
                "SET client_min_messages = warning; DROP TABLE IF EXISTS plus_user, feedback_event, user_summary, "
                        + "model_version, model_canary, serving_instance, api_key, audit_log, flyway_schema_history CASCADE; DROP SEQUENCE IF EXISTS feedback_event_id_seq, "
                        + "user_summary_id_seq");
    }

    /** What PostgreSQL holds, as psql prints it unaligned: for comparing a user's rows before and after. */
    static String query(String sql) {
        return run("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql);
    }

    static String run(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
