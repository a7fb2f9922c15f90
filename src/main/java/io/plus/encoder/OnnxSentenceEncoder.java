package io.plus.encoder;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A sentence encoder running an ONNX transformer through DJL's ONNX Runtime engine.
 *
 * <p>All texts of one call are tokenized, split into windows of at most {@link EncoderSpec#maxTokens()},
 * sorted by length and run in batches padded only to the batch's longest window (little wasted
 * compute). Window vectors are pooled, L2-normalised, merged per text by a token-weighted mean and
 * normalised again. Thread-safe: ONNX Runtime sessions and the Rust tokenizer allow concurrent use;
 * a read/write lock only keeps {@link #close()} from freeing native memory under a running call.
 */
public final class OnnxSentenceEncoder implements TextEncoder {

    /** Tuning knobs; {@link #defaults()} suits a small CPU box. */
    public record Settings(int batchSize, int intraOpThreads, Path modelCacheDir) {
        public Settings {
            if (batchSize < 1 || intraOpThreads < 1) {
                throw new IllegalArgumentException("batchSize and intraOpThreads must be >= 1");
            }
            Objects.requireNonNull(modelCacheDir, "modelCacheDir");
        }

        public static Settings defaults() {
            return new Settings(32, Runtime.getRuntime().availableProcessors(),
                    ModelFileCache.defaultModelsDir());
        }

        public Settings withBatchSize(int size) {
            return new Settings(size, intraOpThreads, modelCacheDir);
        }

        public Settings withIntraOpThreads(int threads) {
            return new Settings(batchSize, threads, modelCacheDir);
        }

        public Settings withModelCacheDir(Path dir) {
            return new Settings(batchSize, intraOpThreads, dir);
        }
    }

    static {
        // Nothing may download at run time, and DJL "calls home" unless offline.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // Every operation here runs in ONNX Runtime or plain Java. Without this DJL's ORT engine loads
        // PyTorch as its "alternative engine" at start: 430 MB of libtorch in a serving process that
        // never uses it.
        if (System.getProperty("ai.djl.onnx.disable_alternative") == null) {
            System.setProperty("ai.djl.onnx.disable_alternative", "true");
        }
    }

    private final EncoderSpec spec;
    private final Settings settings;
    private final Path modelFile;
    private final SessionOptions sessionOptions;
    private final Model model;
    private final Block block;
    private final List<String> inputNames;
    private final HuggingFaceTokenizer tokenizer;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private OnnxSentenceEncoder(EncoderSpec spec, Settings settings) {
        this.spec = spec;
        this.settings = settings;
        // The ORT engine must exist before any other native ML object in the JVM: the order in
        // which ONNX Runtime and the PyTorch natives load reliably side by side.
        Engine.getEngine("OnnxRuntime");
        this.modelFile = ModelFileCache.materialize(spec.modelResource(), spec.resourceBase(),
                settings.modelCacheDir());
        SessionOptions options = null;
        Model loaded = null;
        HuggingFaceTokenizer tok = null;
        try {
            options = sessionOptions(settings.intraOpThreads());
            loaded = Model.newInstance(spec.id(), "OnnxRuntime");
            String fileName = modelFile.getFileName().toString();
            loaded.load(modelFile.getParent(), fileName.substring(0, fileName.length() - ".onnx".length()),
                    Map.of("sessionOptions", options));
            tok = loadTokenizer(spec);
        } catch (IOException | MalformedModelException | OrtException | RuntimeException e) {
            if (loaded != null) {
                loaded.close();
            }
            if (options != null) {
                options.close();
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Cannot load encoder " + spec.id(), io);
            }
            throw e instanceof RuntimeException re ? re
                    : new IllegalStateException("Cannot load encoder " + spec.id(), e);
        }
        this.sessionOptions = options;
        this.model = loaded;
        this.block = loaded.getBlock();
        this.inputNames = List.copyOf(block.describeInput().keys());
        this.tokenizer = tok;
    }

    public static OnnxSentenceEncoder open(EncoderSpec spec) {
        return open(spec, Settings.defaults());
    }

    public static OnnxSentenceEncoder open(EncoderSpec spec, Settings settings) {
        return new OnnxSentenceEncoder(Objects.requireNonNull(spec, "spec"), Objects.requireNonNull(settings));
    }

    /** Same options for our session and the benchmark's raw one, so timings compare like with like. */
    static SessionOptions sessionOptions(int intraOpThreads) throws OrtException {
        SessionOptions options = new SessionOptions();
        options.setIntraOpNumThreads(intraOpThreads);
        options.setInterOpNumThreads(1);
        // Idle ONNX Runtime threads spin by default, burning the CPU a server needs for everything
        // else (HTTP, JSON, the database driver) between encoder calls.
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
        return options;
    }

    private static HuggingFaceTokenizer loadTokenizer(EncoderSpec spec) throws IOException {
        try (InputStream in = OnnxSentenceEncoder.class.getResourceAsStream(spec.tokenizerResource())) {
            if (in == null) {
                throw new IllegalStateException("Tokenizer resource " + spec.tokenizerResource()
                        + " is not on the classpath");
            }
            // The shipped MiniLM tokenizer.json truncates at 128 and pads to 128: turn both off,
            // we window long texts and pad per batch ourselves.
            return HuggingFaceTokenizer.newInstance(in, Map.of(
                    "addSpecialTokens", "true", "truncation", "false", "padding", "false"));
        }
    }

    public EncoderSpec spec() {
        return spec;
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public int dimension() {
        return spec.dimension();
    }

    @Override
    public float[][] embed(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("encoder " + spec.id() + " is closed");
            }
            return embedOpen(texts);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private float[][] embedOpen(List<String> texts) {
        int dim = spec.dimension();
        float[][] sums = new float[texts.size()][dim];
        List<Segment> segments = segments(texts);
        for (List<Segment> batch : batches(segments, settings.batchSize())) {
            float[][] pooled = runBatch(batch);
            for (int i = 0; i < batch.size(); i++) {
                Segment s = batch.get(i);
                float[] v = Vectors.normalize(pooled[i]);
                float[] sum = sums[s.textIndex()];
                for (int d = 0; d < dim; d++) {
                    sum[d] += s.window().weight() * v[d];
                }
            }
        }
        for (float[] sum : sums) {
            Vectors.normalize(sum);
        }
        return sums;
    }

    /** A window of one text; several per text when it is longer than the model's window. */
    record Segment(int textIndex, TokenWindows.Window window) {
        int length() {
            return window.ids().length;
        }
    }

    /** Tokenizes all texts in one native call and windows them. */
    List<Segment> segments(List<String> texts) {
        List<Segment> segments = new ArrayList<>(texts.size());
        if (texts.isEmpty()) {
            return segments;
        }
        long[][] ids = tokenIds(texts.toArray(String[]::new));
        for (int i = 0; i < ids.length; i++) {
            for (TokenWindows.Window w : TokenWindows.split(ids[i], spec.maxTokens(), TokenWindows.DEFAULT_OVERLAP)) {
                segments.add(new Segment(i, w));
            }
        }
        return segments;
    }

    /**
     * Token ids only, via the tokenizer's JNI layer: {@code HuggingFaceTokenizer.batchEncode} also
     * copies tokens, char spans and masks we never use, which made tokenizing ~40% slower
     * (measured 36 vs 21 ms per 512 sentences, about 3% of the int8 encoder's time).
     */
    private long[][] tokenIds(String[] texts) {
        long[] encodings = TokenizersLibrary.LIB.batchEncode(tokenizer.getHandle(), texts, true);
        long[][] ids = new long[encodings.length][];
        try {
            for (int i = 0; i < encodings.length; i++) {
                ids[i] = TokenizersLibrary.LIB.getTokenIds(encodings[i]);
            }
        } finally {
            for (long encoding : encodings) {
                TokenizersLibrary.LIB.deleteEncoding(encoding);
            }
        }
        return ids;
    }

    /** Sorted by length so each batch pads to a length close to its members'. */
    static List<List<Segment>> batches(List<Segment> segments, int batchSize) {
        List<Segment> sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparingInt(Segment::length));
        List<List<Segment>> batches = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += batchSize) {
            batches.add(sorted.subList(from, Math.min(from + batchSize, sorted.size())));
        }
        return batches;
    }

    /** Row-major [batch, maxLen] inputs, zero-padded, as the ONNX graph wants them. */
    record PaddedBatch(long[] inputIds, long[] attentionMask, long[] tokenTypeIds, int rows, int width) {
        static PaddedBatch of(List<Segment> batch) {
            int rows = batch.size();
            int width = batch.stream().mapToInt(Segment::length).max().orElse(0);
            long[] ids = new long[rows * width];
            long[] mask = new long[rows * width];
            for (int r = 0; r < rows; r++) {
                long[] src = batch.get(r).window().ids();
                System.arraycopy(src, 0, ids, r * width, src.length);
                Arrays.fill(mask, r * width, r * width + src.length, 1L);
            }
            return new PaddedBatch(ids, mask, new long[rows * width], rows, width);
        }

        long[] input(String name) {
            return switch (name) {
                case "input_ids" -> inputIds;
                case "attention_mask" -> attentionMask;
                case "token_type_ids" -> tokenTypeIds;
                default -> throw new IllegalStateException("encoder model wants unknown input " + name);
            };
        }
    }

    /** One forward pass; returns the pooled (not yet normalised) vector of each row. */
    private float[][] runBatch(List<Segment> batch) {
        PaddedBatch padded = PaddedBatch.of(batch);
        Shape shape = new Shape(padded.rows(), padded.width());
        float[] hidden;
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDList inputs = new NDList(inputNames.size());
            for (String name : inputNames) {
                NDArray array = manager.create(padded.input(name), shape);
                array.setName(name);
                inputs.add(array);
            }
            NDList outputs = block.forward(new ParameterStore(manager, false), inputs, false);
            NDArray out = outputs.get("last_hidden_state");
            if (out == null) {
                out = outputs.get(0);
            }
            if (out.getShape().dimension() != 3 || out.getShape().get(2) != spec.dimension()) {
                throw new IllegalStateException("encoder output " + out.getShape()
                        + " is not [batch, tokens, " + spec.dimension() + "]");
            }
            hidden = out.toFloatArray();
        }
        return pool(hidden, batch, padded.width());
    }

    private float[][] pool(float[] hidden, List<Segment> batch, int width) {
        int dim = spec.dimension();
        float[][] pooled = new float[batch.size()][dim];
        for (int r = 0; r < batch.size(); r++) {
            int base = r * width * dim;
            float[] v = pooled[r];
            if (spec.pooling() == EncoderSpec.Pooling.CLS) {
                System.arraycopy(hidden, base, v, 0, dim);
                continue;
            }
            int len = batch.get(r).length(); // the attention mask is 1 exactly on these tokens
            for (int t = 0; t < len; t++) {
                int off = base + t * dim;
                for (int d = 0; d < dim; d++) {
                    v[d] += hidden[off + d];
                }
            }
            float inv = 1f / len;
            for (int d = 0; d < dim; d++) {
                v[d] *= inv;
            }
        }
        return pooled;
    }

    /** The cached ONNX file this encoder runs (the benchmark opens it directly). */
    Path modelFile() {
        return modelFile;
    }

    List<String> inputNames() {
        return inputNames;
    }

    Settings settings() {
        return settings;
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            tokenizer.close();
            model.close();
            sessionOptions.close();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
