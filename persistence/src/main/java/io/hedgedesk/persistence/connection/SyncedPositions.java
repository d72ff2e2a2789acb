package io.hedgedesk.persistence.connection;

import io.hedgedesk.domain.hedge.HedgeStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;

/** The positions of a team's connections as last synced, and the team's open hedges they are compared with. */
@ApplicationScoped
public class SyncedPositions implements PanacheRepository<SyncedPositionEntity> {

    /** An open hedge of the team, with what the venue's report is compared against. */
    public record OpenHedge(
            long hedgeId,
            long portfolioId,
            String portfolioName,
            String contractId,
            boolean shortSide,
            BigDecimal size,
            BigDecimal entryPrice,
            BigDecimal margin) {}

    /** Replaces the connection's positions with {@code positions} (a sync reports the whole account). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(long connectionId, List<SyncedPositionEntity> positions) {
        delete("connectionId", connectionId);
        positions.forEach(p -> {
            p.connectionId = connectionId;
            persist(p);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SyncedPositionEntity> ofConnection(long connectionId) {
        return list("connectionId = ?1 order by contractId, shortSide", connectionId);
    }

    /** The team's open (not voided) hedges, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OpenHedge> openHedgesOfTeam(long teamId) {
        return getEntityManager()
                .createQuery(
                        "select h.id, p.id, p.name, h.contractId, h.side, h.size, h.entryPrice,"
                                + " h.margin from HedgePositionEntity h, PortfolioEntity p where h.portfolioId = p.id"
                                + " and p.teamId = ?1 and h.status = ?2 and h.voidedAt is null order by h.openedAt, h.id",
                        Object[].class)
                .setParameter(1, teamId)
                .setParameter(2, HedgeStatus.OPEN)
                .getResultList()
                .stream()
                .map(r -> new OpenHedge(
                        (Long) r[0],
                        (Long) r[1],
                        (String) r[2],
                        (String) r[3],
                        "SHORT".equals(String.valueOf(r[4])),
                        (BigDecimal) r[5],
                        (BigDecimal) r[6],
                        (BigDecimal) r[7]))
                .toList();
    }
}
