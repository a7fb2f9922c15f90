package io.plus.encoder;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Texts per second through {@link OnnxSentenceEncoder} (tokenize, window, batch, pool, normalise;
 * no cache) against a bare {@code OrtSession.run} on the same batches already tokenized, sorted
 * and padded, with the same session options and threads. The ratio is the share of raw speed the
 * encoder keeps, i.e. how much our Java-side work costs.
 */
public final class EncoderThroughputBenchmark {

    public record Result(String encoderId, int texts, int batchSize, int repeats, int threads,
            double encoderTextsPerSecond, double rawTextsPerSecond) {

        /** Encoder speed as a fraction of raw ONNX Runtime speed (1.0 = no overhead). */
        public double ratio() {
            return encoderTextsPerSecond / rawTextsPerSecond;
        }

        public String toMarkdown() {
            return String.format(Locale.ROOT,
                    "| encoder | texts | batch | threads | repeats | encoder texts/s | raw ORT texts/s | ratio |%n"
                            + "|---|---|---|---|---|---|---|---|%n"
                            + "| %s | %d | %d | %d | %d | %.1f | %.1f | %.3f |%n",
                    encoderId, texts, batchSize, threads, repeats, encoderTextsPerSecond, rawTextsPerSecond,
                    ratio());
        }
    }

    private EncoderThroughputBenchmark() {
    }

    /** Medians over {@code repeats} timed passes of each side, after one warm-up pass each. */
    public static Result run(EncoderSpec spec, List<String> texts, int batchSize, int repeats) {
        if (texts.isEmpty() || repeats < 1) {
            throw new IllegalArgumentException("need texts and at least one repeat");
        }
        OnnxSentenceEncoder.Settings settings = OnnxSentenceEncoder.Settings.defaults().withBatchSize(batchSize);
        try (OnnxSentenceEncoder encoder = OnnxSentenceEncoder.open(spec, settings);
             RawOrt raw = new RawOrt(encoder, texts, batchSize)) {
            encoder.embed(texts);
            raw.runAll();
            double[] encoderRates = new double[repeats];
            double[] rawRates = new double[repeats];
            // Interleave the two sides so drift on a shared machine hits both alike.
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                encoder.embed(texts);
                long t1 = System.nanoTime();
                raw.runAll();
                long t2 = System.nanoTime();
                encoderRates[r] = texts.size() / ((t1 - t0) / 1e9);
                rawRates[r] = texts.size() / ((t2 - t1) / 1e9);
            }
            return new Result(spec.id(), texts.size(), batchSize, repeats, settings.intraOpThreads(),
                    median(encoderRates), median(rawRates));
        } catch (OrtException e) {
            throw new IllegalStateException("raw ONNX Runtime baseline failed", e);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Its own session on the encoder's cached model file, fed prebuilt input tensors. */
    private static final class RawOrt implements AutoCloseable {
        private final OrtSession.SessionOptions options;
        private final OrtSession session;
        private final List<Map<String, OnnxTensor>> batches = new ArrayList<>();

        RawOrt(OnnxSentenceEncoder encoder, List<String> texts, int batchSize) throws OrtException {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            options = OnnxSentenceEncoder.sessionOptions(encoder.settings().intraOpThreads());
            session = env.createSession(encoder.modelFile().toString(), options);
            for (List<OnnxSentenceEncoder.Segment> batch :
                    OnnxSentenceEncoder.batches(encoder.segments(texts), batchSize)) {
                OnnxSentenceEncoder.PaddedBatch padded = OnnxSentenceEncoder.PaddedBatch.of(batch);
                long[] shape = {padded.rows(), padded.width()};
                Map<String, OnnxTensor> inputs = new HashMap<>();
                for (String name : session.getInputNames()) {
                    inputs.put(name, OnnxTensor.createTensor(env, LongBuffer.wrap(padded.input(name)), shape));
                }
                batches.add(inputs);
            }
        }

        void runAll() throws OrtException {
            for (Map<String, OnnxTensor> inputs : batches) {
                session.run(inputs).close();
            }
        }

        @Override
        public void close() throws OrtException {
            for (Map<String, OnnxTensor> inputs : batches) {
                inputs.values().forEach(OnnxTensor::close);
            }
            session.close();
            options.close();
        }
    }

    /**
     * {@code count} varied English sentences of roughly 20-60 tokens, the same on every call:
     * a fixed seed picks openers, subjects, actions and trailing clauses.
     */
    public static List<String> defaultTexts(int count) {
        String[] openers = {"Yesterday", "In the spring", "According to the report", "After a long meeting",
            "Surprisingly", "Every Monday", "During the storm", "Without much warning", "Last quarter",
            "Before lunch"};
        String[] subjects = {"the small bakery on Elm Street", "our neighbour's old golden retriever",
            "the city council", "a group of graduate students", "the new marketing manager",
            "my grandmother", "the customer support team", "an independent film studio",
            "the hiking club", "the regional hospital"};
        String[] actions = {"announced a plan to reduce plastic waste", "adopted a stray kitten",
            "rewrote the onboarding guide for new volunteers", "raised prices for the first time in years",
            "planted tomatoes, basil and peppers in the garden", "cancelled the annual summer festival",
            "published a detailed review of the budget", "started offering free coding workshops",
            "repaired the bridge over the river", "switched to a four-day working week"};
        String[] clauses = {"because the old approach had stopped working",
            "although several residents complained loudly about the noise",
            "which surprised almost everyone who had followed the story",
            "so that families could spend more time together on weekends",
            "while the local newspaper kept asking difficult questions",
            "even though the weather forecast predicted heavy rain",
            "and the results were better than anyone expected",
            "after comparing offers from three different suppliers",
            "to prepare for the busy holiday season",
            "despite a shortage of experienced staff"};
        Random random = new Random(20240917L);
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder();
            sb.append(openers[random.nextInt(openers.length)]).append(", ")
                    .append(subjects[random.nextInt(subjects.length)]).append(' ')
                    .append(actions[random.nextInt(actions.length)]);
            int extra = 1 + random.nextInt(4);
            for (int c = 0; c < extra; c++) {
                sb.append(c == 0 ? " " : ", ").append(clauses[random.nextInt(clauses.length)]);
            }
            texts.add(sb.append('.').toString());
        }
        return texts;
    }

    /** Usage: {@code [spec-id ...] [--batch N] [--repeats N] [--texts N]}; default MiniLM float and int8. */
}
