import io.plus.encoder.EncoderSpec;
import io.plus.encoder.OnnxSentenceEncoder;
import io.plus.model.FeatureLayout;
import io.plus.model.MlpWeights;
import io.plus.model.RewardHead;
import io.plus.summary.PolicyNetwork;
import io.plus.summary.SummaryCheck;
import io.plus.summary.SummaryShape;
import io.plus.summary.UserContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * What checking a summary (SummaryCheck) adds to building one in the summarize function: the check's
 * time for a user's newest 8 and 32 labelled pairs (32 is plus.serve.context-pairs' default) beside
 * the encoder embedding those pairs' texts, which every summary build does anyway. Networks at
 * serving size (384-d MiniLM embeddings, a 256x2 reward head, a 30-statement bank) with random
 * weights; the numbers are time, not quality. Run after a package build:
 *
 *   java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*' src/load/SummaryCheckBenchmark.java
 */
public class SummaryCheckBenchmark {
    private static final int D = 384;
    private static final int STATEMENTS = 30;
    private static final int REPEATS = 15;

    public static void main(String[] args) throws Exception {
        Random random = new Random(7);
        SummaryShape shape = new SummaryShape(D, 4, 50, 3f);
        float[][] statements = new float[STATEMENTS][];
        for (int s = 0; s < STATEMENTS; s++) {
            statements[s] = unit(random);
        }
        int[] words = new int[STATEMENTS];
        Arrays.fill(words, 8);
        int[] groups = new int[STATEMENTS];
        Arrays.fill(groups, -1);
        PolicyNetwork policy = new PolicyNetwork(mlp(random, shape.stateDimension(), 128, shape.outputDimension()),
                shape, statements, words, groups);
        RewardHead head = new RewardHead(mlp(random, FeatureLayout.CROSS.dimension(D, D), 256, 1), FeatureLayout.CROSS,
                D, D);
        SummaryCheck check = SummaryCheck.of(head, policy, statements);
        try (OnnxSentenceEncoder encoder = OnnxSentenceEncoder.open(EncoderSpec.fromId("all-minilm-l6-v2"))) {
            for (int pairs : new int[] {8, 32}) {
                List<UserContext.Pair> context = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < pairs; i++) {
                    context.add(new UserContext.Pair(unit(random), unit(random), unit(random)));
                    texts.add("Question " + i + ": how should I plan a trip to the mountains in spring?");
                    texts.add("Answer A " + i + ": pack layers, check the weather and start early in the day.");
                    texts.add("Answer B " + i + ": it depends; many people enjoy going in spring, and some do not.");
                }
                double[] twoMs = new double[REPEATS];
                double[] fullMs = new double[REPEATS];
                double[] embedMs = new double[REPEATS];
                for (int r = 0; r < REPEATS; r++) {
                    long t0 = System.nanoTime();
                    check.refine(List.of(0, 1), context);
                    long t1 = System.nanoTime();
                    // a summary at the policy's 4 statements: nothing can be added, every replacement is tried
                    check.refine(List.of(0, 1, 2, 3), context);
                    long t2 = System.nanoTime();
                    String round = " #" + r;
                    encoder.embed(texts.stream().map(t -> t + round).toList()); // no cache hits
                    long t3 = System.nanoTime();
                    twoMs[r] = (t1 - t0) / 1e6;
                    fullMs[r] = (t2 - t1) / 1e6;
                    embedMs[r] = (t3 - t2) / 1e6;
                }
                System.out.printf("%d pairs: check of a 2-statement summary %.1f ms, of a 4-statement one %.1f ms; "
                                + "embedding the pairs' %d texts %.1f ms (medians of %d; ratios %.2f and %.2f)%n",
                        pairs, median(twoMs), median(fullMs), texts.size(), median(embedMs), REPEATS,
                        median(twoMs) / median(embedMs), median(fullMs) / median(embedMs));
            }
        }
    }

    private static MlpWeights mlp(Random random, int in, int hidden, int out) {
        return new MlpWeights(List.of(layer(random, in, hidden), layer(random, hidden, hidden), layer(random, hidden, out)));
    }

    private static MlpWeights.Layer layer(Random random, int in, int out) {
        float[] weight = new float[in * out];
        double scale = Math.sqrt(2.0 / in);
        for (int i = 0; i < weight.length; i++) {
            weight[i] = (float) (random.nextGaussian() * scale);
        }
        return new MlpWeights.Layer(in, out, weight, new float[out]);
    }

    private static float[] unit(Random random) {
        float[] v = new float[D];
        double norm = 0;
        for (int i = 0; i < D; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < D; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
