package io.hedgedesk.persistence.audit;

import io.hedgedesk.domain.portfolio.AuditEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Writes audit events inside the transaction of the change they describe, and reads a portfolio's trail. */
@ApplicationScoped
public class AuditLog implements PanacheRepository<AuditEventEntity> {

    public static final int TRAIL_LIMIT = 200;

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records one change. Must run in the transaction of the change itself, so that both commit or neither does.
     *
     * @param portfolioId the portfolio concerned, or null for a team-level change
     * @param before      the state before (null for a creation)
     * @param after       the state after (null for a deletion)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(
            long teamId,
            Long portfolioId,
            long actorId,
            String objectType,
            long objectId,
            String action,
            Map<String, ?> before,
            Map<String, ?> after) {
        AuditEventEntity e = new AuditEventEntity();
        e.teamId = teamId;
        e.portfolioId = portfolioId;
        e.actorId = actorId;
        e.occurredAt = clock.instant();
        e.objectType = objectType;
        e.objectId = objectId;
        e.action = action;
        e.beforeState = before == null ? null : AuditJson.of(before);
        e.afterState = after == null ? null : AuditJson.of(after);
        persist(e);
    }

    /** The newest {@link #TRAIL_LIMIT} events of a portfolio, newest first. The caller has checked access. */
    public List<AuditEvent> portfolioTrail(long portfolioId) {
        return trail("e.portfolioId = ?1", portfolioId);
    }

    /** The newest {@link #TRAIL_LIMIT} team-level events (not about a portfolio), newest first. */
    public List<AuditEvent> teamTrail(long teamId) {
        return trail("e.teamId = ?1 and e.portfolioId is null", teamId);
    }

    private List<AuditEvent> trail(String where, long id) {
        List<Object[]> rows = getEntityManager()
                .createQuery(
                        "select e, u.displayName from AuditEventEntity e, AppUserEntity u where u.id = e.actorId and "
                                + where + " order by e.occurredAt desc, e.id desc",
                        Object[].class)
                .setParameter(1, id)
                .setMaxResults(TRAIL_LIMIT)
                .getResultList();
        return rows.stream()
                .map(r -> {
                    AuditEventEntity e = (AuditEventEntity) r[0];
                    return new AuditEvent(
                            e.occurredAt,
                            (String) r[1],
                            e.objectType,
                            e.objectId,
                            e.action,
                            e.beforeState,
                            e.afterState);
                })
                .toList();
    }
}
