package io.plus.serve.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** The one canary, if any: a registered version served to {@code percent} of users beside the active one. */
@Entity
@Table(name = "model_canary")
public class ModelCanary extends PanacheEntityBase {
    @Id
    public Boolean singleton = Boolean.TRUE;
    public String version;
    public int percent;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
