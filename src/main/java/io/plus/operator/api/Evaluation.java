package io.plus.operator.api;

/** The evaluation gate applied to a candidate: both values of the metric on the same held-out data. */
public class Evaluation {
    public String metric;
    public Double candidate;
    public Double active;
    public String activeVersion;
    public Double minimum;
    public Double maxRegression;
    /** passed | rejected */
    public String decision;
    public String reason;
}
