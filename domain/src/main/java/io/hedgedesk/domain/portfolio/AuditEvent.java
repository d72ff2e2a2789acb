package io.hedgedesk.domain.portfolio;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the audit trail.
 *
 * @param occurredAt when (UTC)
 * @param actor      display name of who did it
 * @param objectType e.g. {@code HOLDING}
 * @param objectId   the object's id
 * @param action     e.g. {@code CREATE}, {@code UPDATE}, {@code DELETE}
 * @param before     state before, JSON text; empty for a creation
 * @param after      state after, JSON text; empty for a deletion
 */
public record AuditEvent(
        Instant occurredAt,
        String actor,
        String objectType,
        long objectId,
        String action,
        String before,
        String after) {

    public AuditEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(action, "action");
        before = before == null ? "" : before;
        after = after == null ? "" : after;
    }
}
