package io.hedgedesk.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An append-only audit row; never updated, so it has no version. */
@Entity
@Table(name = "audit_event")
public class AuditEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "team_id", nullable = false, updatable = false)
    public long teamId;

    @Column(name = "portfolio_id", updatable = false)
    public Long portfolioId;

    @Column(name = "actor_id", nullable = false, updatable = false)
    public long actorId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(name = "object_type", nullable = false, updatable = false)
    public String objectType;

    @Column(name = "object_id", nullable = false, updatable = false)
    public long objectId;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(name = "before_state", updatable = false)
    public String beforeState;

    @Column(name = "after_state", updatable = false)
    public String afterState;
}
