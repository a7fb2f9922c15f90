package io.plus.serve.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A row of the model registry: one immutable bundle and where it stands. */
@Entity
@Table(name = "model_version")
public class ModelVersion extends PanacheEntityBase {
    public static final String CANDIDATE = "candidate";
    public static final String ACTIVE = "active";
    public static final String RETIRED = "retired";
    public static final String REJECTED = "rejected";

    @Id
    public String version;
    public String location;
    @Column(name = "manifest_sha256")
    public String manifestSha256;
    public String method;
    public String conditioning;
    @Column(name = "encoder_id")
    public String encoderId;
    /** The bundle's metrics as JSON text, copied from its manifest. */
    public String metrics;
    public String status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;
    @Column(name = "activated_at")
    public OffsetDateTime activatedAt;
    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;
    /** The version that was active when train-run evaluated this one, and its metrics on the same held-out data. */
    @Column(name = "baseline_version")
    public String baselineVersion;
    @Column(name = "baseline_metrics")
    public String baselineMetrics;
    /** The TrainingRun whose Job trained it; null for a bundle registered by hand. */
    @Column(name = "training_run")
    public String trainingRun;
}
