package io.plus.serve.encoding;

import io.plus.encoder.CachingTextEncoder;
import io.plus.encoder.CoalescingEncoder;
import io.plus.encoder.EncoderSpec;
import io.plus.encoder.OnnxSentenceEncoder;
import io.plus.encoder.TextEncoder;
import io.plus.serve.CallerContext;
import io.plus.serve.ServeConfig;
import io.plus.serve.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The serving process's text encoders (ONNX Runtime, never libtorch), one per encoder id, each
 * behind a bounded memory cache, and the worker lane that runs encoder-bound work off the event
 * loop. Each encoder call already uses every core, so only a few run at once.
 */
@ApplicationScoped
public class ServingEncoders {
    /** Texts of concurrent score requests embedded in one call (sorted by length, less padding). */
    private static final int COALESCED_TEXTS = 256;
    /** How long shutdown waits for encoder work in progress (a full coalesced batch takes a few seconds). */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);
    private static final Logger LOG = Logger.getLogger(ServingEncoders.class);

    private final Map<String, TextEncoder> byId = new ConcurrentHashMap<>();
    private final Map<String, CoalescingEncoder> coalescing = new ConcurrentHashMap<>();
    /** A few dedicated threads for encoder-bound work (summary builds, bundle loads): each call uses every core. */
    private final ThreadPoolExecutor lane;
    private final int cacheEntries;
    private final int batchSize;
    private final long queueCharacters;

    @Inject
    public ServingEncoders(ServeConfig config) {
        AtomicInteger count = new AtomicInteger();
        // bounded: work beyond the queue is refused at once (503), not left to wait behind a backlog
        this.lane = new ThreadPoolExecutor(config.encoderConcurrency(), config.encoderConcurrency(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.encoderQueueTasks()), task -> {
                    Thread thread = new Thread(task, "plus-encoder-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.queueCharacters = config.encoderQueueCharacters();
        this.cacheEntries = config.embeddingCacheEntries();
        this.batchSize = config.encoderBatchSize();
    }

    public TextEncoder encoder(String encoderId) {
        return byId.computeIfAbsent(encoderId, id -> CachingTextEncoder.bounded(OnnxSentenceEncoder.open(
                EncoderSpec.fromId(id), OnnxSentenceEncoder.Settings.defaults().withBatchSize(batchSize)), cacheEntries));
    }

    /**
     * Embeds {@code texts} with the encoder of {@code encoderId}, batched together with other
     * requests' texts; the result comes back on the caller's Vert.x context.
     */
    public Uni<float[][]> embed(String encoderId, List<String> texts) {
        CoalescingEncoder batcher = coalescing.computeIfAbsent(encoderId, id -> new CoalescingEncoder(encoder(id),
                COALESCED_TEXTS, queueCharacters, Duration.ofMillis(5), "plus-encoder-batch-" + id));
        return CallerContext.resumeOn(Uni.createFrom().completionStage(() -> batcher.embed(texts)))
                .onFailure(CoalescingEncoder.Overloaded.class)
                .transform(busy -> ProblemException.overloaded("the encoder is busy: " + busy.getMessage()));
    }

    /** Runs {@code work} on the encoder lane; the result comes back on the caller's Vert.x context. */
    public <T> Uni<T> run(Supplier<T> work) {
        return CallerContext.resumeOn(Uni.createFrom().item(work).runSubscriptionOn(lane))
                .onFailure(RejectedExecutionException.class).transform(full -> ProblemException.overloaded(
                        "the encoder lane has " + lane.getQueue().size() + " tasks waiting"));
    }

    /**
     * Native encoder sessions are closed only once no encoder call runs: closing one under a
     * running call crashes the JVM. If work does not stop in time the sessions are left to the
     * process exit.
     */
    @PreDestroy
    void close() {
        lane.shutdown();
        boolean stopped = true;
        for (CoalescingEncoder batcher : coalescing.values()) {
            stopped &= batcher.stop(SHUTDOWN_WAIT);
        }
        try {
            stopped &= lane.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = false;
        }
        if (stopped) {
            byId.values().forEach(TextEncoder::close);
        } else {
            LOG.warn("encoder work still running at shutdown; leaving the encoder sessions to the process exit");
        }
    }
}
