package io.plus.summary;

/** Arithmetic shared by the plain-Java and the DJL summarizer so both score actions identically. */
public final class SummaryScoring {
    private SummaryScoring() {
    }

    /**
     * From the network output {@code [query (d), stop logit, value]}: the logits of every
     * statement (query · statement embedding + weighted evidence), then STOP, then the value.
     */
    public static float[] logitsAndValue(float[] out, float[][] statementEmbeddings, int d, float[] evidence,
                                  float evidenceWeight) {
        int k = statementEmbeddings.length;
        float[] result = new float[k + 2];
        for (int s = 0; s < k; s++) {
            float dot = evidenceWeight * evidence[s];
            for (int i = 0; i < d; i++) {
                dot += out[i] * statementEmbeddings[s][i];
            }
            result[s] = dot;
        }
        result[k] = out[d];
        result[k + 1] = out[d + 1];
        return result;
    }

    /** Running mean of the written statements' embeddings after adding the {@code count}-th. */
    public static void updateMean(float[] mean, float[] added, int count) {
        for (int i = 0; i < mean.length; i++) {
            mean[i] += (added[i] - mean[i]) / count;
        }
    }

    /** Log-softmax over the allowed actions of {@code logits[0..actions)}; disallowed get {@link PolicyNetwork#MASKED}. */
    public static double[] logSoftmax(float[] logits, boolean[] allowed) {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < allowed.length; a++) {
            if (allowed[a]) {
                max = Math.max(max, logits[a]);
            }
        }
        double sum = 0;
        for (int a = 0; a < allowed.length; a++) {
            if (allowed[a]) {
                sum += Math.exp(logits[a] - max);
            }
        }
        double logSum = max + Math.log(sum);
        double[] out = new double[allowed.length];
        for (int a = 0; a < allowed.length; a++) {
            out[a] = allowed[a] ? logits[a] - logSum : PolicyNetwork.MASKED;
        }
        return out;
    }
}
