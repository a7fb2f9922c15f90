package io.plus.serve.feedback;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One stored feedback event: a preference or an unlabelled context item, numbered in the user's sequence. */
@Entity
@Table(name = "feedback_event")
public class FeedbackEvent extends PanacheEntityBase {
    public static final String PREFERENCE = "preference";

    /** Sequence ids allocated 100 at a time, so a batch is inserted in JDBC-style batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feedbackEventIds")
    @SequenceGenerator(name = "feedbackEventIds", sequenceName = "feedback_event_id_seq", allocationSize = 100)
    public Long id;
    public String tenant;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "event_id")
    public String eventId;
    public long sequence;
    public String kind;
    public String prompt;
    public String chosen;
    public String rejected;
    @Column(name = "context_text")
    public String contextText;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    @Column(name = "body_sha256")
    public String bodySha256;
}
