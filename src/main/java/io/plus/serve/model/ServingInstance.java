package io.plus.serve.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One serving instance's last report: the active and canary versions it has loaded. */
@Entity
@Table(name = "serving_instance")
public class ServingInstance extends PanacheEntityBase {
    @Id
    @Column(name = "instance_id")
    public String instanceId;
    public String functions;
    @Column(name = "active_version")
    public String activeVersion;
    @Column(name = "canary_version")
    public String canaryVersion;
    @Column(name = "canary_percent")
    public Integer canaryPercent;
    @Column(name = "reported_at")
    public OffsetDateTime reportedAt;
}
