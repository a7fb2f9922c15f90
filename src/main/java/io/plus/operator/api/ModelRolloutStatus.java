package io.plus.operator.api;

import io.fabric8.kubernetes.api.model.Condition;

import java.util.ArrayList;
import java.util.List;

/**
 * What the serving instances report and what rollback returns to. Conditions: Ready (the instances
 * serve what the spec asks), Progressing (a candidate is being rolled out), RolledBack.
 */
public class ModelRolloutStatus {
    public Long observedGeneration;
    /** Versions the serving instances report as loaded. */
    public List<String> loadedVersions = new ArrayList<>();
    /** The stable version before the current one: what a rollback sets back. */
    public String previousStableVersion;
    /** The stable version last applied to the registry. */
    public String appliedStableVersion;
    public List<Condition> conditions = new ArrayList<>();
}
