package io.plus.operator.api;

import io.fabric8.kubernetes.api.model.Condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a run stands. {@code conditions} are metav1.Conditions (JobCreated, Running, Succeeded,
 * Failed, Evaluated, Promoted, Rejected, each with reason, message, lastTransitionTime and
 * observedGeneration); {@code phase} is their one-word summary for {@code kubectl get}.
 */
public class TrainingRunStatus {
    public Long observedGeneration;
    public String phase;
    public List<Condition> conditions = new ArrayList<>();
    public String jobName;
    public String startTime;
    public String completionTime;
    /** The model version the Job registered as a candidate. */
    public String modelVersion;
    /** The gate's reading: the metric, both values, the thresholds and the decision. */
    public Evaluation evaluation;
    /** The candidate's metrics beside the active model's, flattened as {@code <split>.<measure>}. */
    public Map<String, Double> candidateMetrics;
    public Map<String, Double> activeMetrics;
    /** A line on what is happening: the Job's pods, or the canary step being held. */
    public String progress;
    /** Index of the canary step being held (0-based) and since when. */
    public Integer canaryStep;
    public String canaryStepSince;
    /** Digest of the spec the Job was created from (without suspend): later edits are ignored. */
    public String specDigest;
    /** The promotion policy as it was when the Job was created: the gate and the canary walk read this copy. */
    public Promotion promotion;
}
