package io.plus.serve.users;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A user's feedback watermark and pinned summary. */
@Entity
@Table(name = "plus_user")
public class PlusUser extends PanacheEntityBase {
    @EmbeddedId
    public Id id;
    @Column(name = "last_sequence")
    public long lastSequence;
    @Column(name = "pinned_summary_id")
    public Long pinnedSummaryId;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Embeddable
    public static class Id implements Serializable {
        public String tenant;
        @Column(name = "user_id")
        public String userId;

        public Id() {
        }

        public Id(UserKey key) {
            this.tenant = key.tenant();
            this.userId = key.user();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && Objects.equals(tenant, other.tenant) && Objects.equals(userId, other.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenant, userId);
        }
    }
}
