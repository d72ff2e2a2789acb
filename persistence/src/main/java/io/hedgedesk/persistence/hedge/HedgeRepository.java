package io.hedgedesk.persistence.hedge;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.hedge.LedgerEntry;
import io.hedgedesk.domain.hedge.LedgerPosition;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.team.Role;
import io.hedgedesk.persistence.Flush;
import io.hedgedesk.persistence.NotFoundException;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioEntity;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hedge positions, their holding links and their append-only ledger: every query and write of the hedge book.
 * Reads that take a user load by (id, teams of the user), anything else is a {@link NotFoundException}; role checks,
 * ledger rules and audit are the caller's. Writes check the submitted version ({@link Flush#orStale}).
 */
@ApplicationScoped
@Transactional
public class HedgeRepository {

    /** A hedge with the portfolio access of the user it was loaded for. */
    public record HedgeInPortfolio(Hedge hedge, PortfolioAccess portfolio) {}

    /** Sums over a hedge's ledger, settlement asset: FUNDING cash changes, fees, all cash changes. */
    public record LedgerSums(BigDecimal funding, BigDecimal fees, BigDecimal cash, BigDecimal margin) {}

    /** What a write changed: the id it concerns (hedge or event) and the audited state before (null: new) and after. */
    public record Written(long id, Map<String, Object> before, Map<String, Object> after) {}

    /**
     * SQL: the event {@code e} is not voided by a VOID event referencing it (the partial unique index
     * {@code hedge_event_void_idx} answers it). Events of a voided hedge are excluded by {@code voided_at is null} on
     * the hedge where a query reaches it.
     */
    public static final String NOT_VOIDED =
            "not exists (select 1 from hedge_event v where v.corrects_event_id = e.id " + "and v.event_type = 'VOID')";

    private final Clock clock;

    public HedgeRepository(Clock clock) {
        this.clock = clock;
    }

    /** The hedge, if it belongs to a portfolio of one of the user's teams; {@link NotFoundException} otherwise. */
    public Hedge find(long userId, long hedgeId) {
        return toDomain(entity(userId, hedgeId));
    }

    /** The hedges of a portfolio, newest first (the caller checked access to the portfolio). */
    public List<Hedge> ofPortfolio(long portfolioId) {
        return em()
                .createQuery(
                        "from HedgePositionEntity h where h.portfolioId = ?1 order by h.openedAt desc, h.id desc",
                        HedgePositionEntity.class)
                .setParameter(1, portfolioId)
                .getResultList()
                .stream()
                .map(this::toDomain)
                .toList();
    }

    /** Every OPEN hedge in every team of the user, oldest first, in two queries whatever their number. */
    public List<HedgeInPortfolio> open(long userId) {
        List<Object[]> rows = em().createQuery(
                        "select h, p, t.name, m.role, u.displayName "
                                + "from HedgePositionEntity h, PortfolioEntity p, TeamEntity t, MembershipEntity m, AppUserEntity u "
                                + "where p.id = h.portfolioId and t.id = p.teamId and m.teamId = p.teamId and m.userId = ?1 "
                                + "and u.id = h.openedBy and h.status = ?2 order by h.openedAt, h.id",
                        Object[].class)
                .setParameter(1, userId)
                .setParameter(2, HedgeStatus.OPEN)
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> insured = new HashMap<>();
        List<?> pairs = em().createNativeQuery(
                        "select hedge_id, holding_id from hedge_holding where hedge_id = any(?1) order by hedge_id, holding_id")
                .setParameter(
                        1,
                        rows.stream().map(r -> ((HedgePositionEntity) r[0]).id).toArray(Long[]::new))
                .getResultList();
        for (Object pair : pairs) {
            Object[] r = (Object[]) pair;
            insured.computeIfAbsent(((Number) r[0]).longValue(), id -> new ArrayList<>())
                    .add(((Number) r[1]).longValue());
        }
        return rows.stream()
                .map(r -> {
                    HedgePositionEntity h = (HedgePositionEntity) r[0];
                    PortfolioAccess access =
                            new PortfolioAccess(((PortfolioEntity) r[1]).toDomain(), (String) r[2], (Role) r[3]);
                    return new HedgeInPortfolio(
                            h.toDomain(insured.getOrDefault(h.id, List.of()), (String) r[4]), access);
                })
                .toList();
    }

    /** {@link LedgerSums} of hedges already loaded through the user's access, by hedge id, summed by the database. */
    public Map<Long, LedgerSums> ledgerSums(List<Long> hedgeIds) {
        if (hedgeIds.isEmpty()) {
            return Map.of();
        }
        List<?> rows = em().createNativeQuery("""
            select hedge_id, coalesce(sum(cash_change) filter (where event_type = 'FUNDING'), 0),
                   coalesce(sum(fee), 0), coalesce(sum(cash_change), 0),
                   coalesce(sum(cash_change) filter (where event_type in ('MARGIN_IN', 'MARGIN_OUT')), 0)
            from hedge_event e where hedge_id = any(?1) and\s""" + NOT_VOIDED + """
             group by hedge_id""")
                .setParameter(1, hedgeIds.toArray(Long[]::new))
                .getResultList();
        Map<Long, LedgerSums> sums = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            sums.put(
                    ((Number) r[0]).longValue(),
                    new LedgerSums((BigDecimal) r[1], (BigDecimal) r[2], (BigDecimal) r[3], (BigDecimal) r[4]));
        }
        return sums;
    }

    /** The ledger of a hedge already loaded through the user's access, in recording order. */
    public List<HedgeEvent> events(long hedgeId) {
        List<Object[]> rows = em().createQuery(
                        "select e, u.displayName from HedgeEventEntity e, AppUserEntity u where u.id = e.actorId "
                                + "and e.hedgeId = ?1 order by e.id",
                        Object[].class)
                .setParameter(1, hedgeId)
                .getResultList();
        boolean hedgeVoided = em().find(HedgePositionEntity.class, hedgeId).voidedAt != null;
        Set<Long> voided = new HashSet<>();
        for (Object[] r : rows) {
            HedgeEventEntity e = (HedgeEventEntity) r[0];
            if (e.type == HedgeEventType.VOID && e.correctsEventId != null) {
                voided.add(e.correctsEventId);
            }
        }
        return rows.stream()
                .map(r -> {
                    HedgeEventEntity e = (HedgeEventEntity) r[0];
                    return e.toDomain(
                            (String) r[1], voided.contains(e.id) || hedgeVoided && e.type != HedgeEventType.VOID);
                })
                .toList();
    }

    /**
     * Stores a hedge voided as recorded by mistake: the VOID entry, the position it leaves (closed) and who voided it
     * when, if the hedge is still at {@code expectedVersion}.
     */
    public Written voidHedge(
            long actorId, long hedgeId, long expectedVersion, LedgerPosition after, LedgerEntry entry) {
        HedgePositionEntity h = em().find(HedgePositionEntity.class, hedgeId);
        h.voidedAt = clock.instant();
        h.voidedBy = actorId;
        return append(actorId, hedgeId, expectedVersion, after, List.of(entry));
    }

    /** True when every one of the holdings (distinct ids) belongs to the portfolio. */
    public boolean holdingsOf(long portfolioId, List<Long> holdingIds) {
        if (holdingIds.isEmpty()) {
            return true;
        }
        Long found = em().createQuery(
                        "select count(h) from HoldingEntity h where h.portfolioId = ?1 and h.id in ?2", Long.class)
                .setParameter(1, portfolioId)
                .setParameter(2, holdingIds)
                .getSingleResult();
        return found == holdingIds.size();
    }

    /** True when the event exists and belongs to the hedge. */
    public boolean hasEvent(long hedgeId, long eventId) {
        HedgeEventEntity e = em().find(HedgeEventEntity.class, eventId);
        return e != null && e.hedgeId == hedgeId;
    }

    /**
     * Stores an opened hedge: the position, its holding links and its first ledger entries.
     *
     * @return the new hedge's id and its audited state
     */
    public Written insert(
            long actorId,
            OpenHedge command,
            Instrument instrument,
            LedgerPosition position,
            List<LedgerEntry> entries,
            List<Long> holdingIds) {
        HedgePositionEntity h = new HedgePositionEntity();
        h.portfolioId = command.portfolioId();
        h.contractId = instrument.id();
        h.contractType = instrument.type().name();
        h.side = position.side();
        h.leverage = position.leverage();
        h.marginSource = command.marginSource();
        h.settlementAsset = instrument.settlementAsset().symbol();
        h.targetCoverage = command.targetCoverage();
        h.collateralCoins = command.collateralCoins();
        h.beta = command.beta().orElse(null);
        h.planJson = command.planJson().isBlank() ? null : command.planJson();
        h.openedBy = actorId;
        h.openedAt = position.openedAt();
        apply(h, position);
        em().persist(h);
        em().flush();
        for (Long holdingId : holdingIds) {
            em().createNativeQuery("insert into hedge_holding (hedge_id, holding_id) values (?1, ?2)")
                    .setParameter(1, h.id)
                    .setParameter(2, holdingId)
                    .executeUpdate();
        }
        for (LedgerEntry entry : entries) {
            em().persist(event(h, actorId, entry));
        }
        Map<String, Object> state = h.state();
        state.put("holdingIds", holdingIds);
        return new Written(h.id, null, state);
    }

    /**
     * Appends ledger entries (the first is the main one) and stores the position they leave, if the hedge is still at {@code expectedVersion}
     * ({@link io.hedgedesk.persistence.StaleEditException} otherwise); the version is incremented either way.
     *
     * @return the main event's id, and the hedge's audited state before and after (with the event's id and type)
     */
    public Written append(
            long actorId, long hedgeId, long expectedVersion, LedgerPosition after, List<LedgerEntry> entries) {
        HedgePositionEntity h = em().find(HedgePositionEntity.class, hedgeId);
        Map<String, Object> before = h.state();
        apply(h, after);
        em().lock(h, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        Flush.orStale(em(), "HEDGE", hedgeId, expectedVersion);
        HedgeEventEntity e = event(h, actorId, entries.get(0));
        em().persist(e);
        for (LedgerEntry more : entries.subList(1, entries.size())) {
            em().persist(event(h, actorId, more));
        }
        em().flush();
        Map<String, Object> state = h.state();
        state.put("event", e.id);
        state.put("eventType", e.type.name());
        return new Written(e.id, before, state);
    }

    /** Stores the close targets (empty = none) if the hedge is still at {@code expectedVersion}. */
    public Written setTargets(
            long hedgeId,
            long expectedVersion,
            Optional<BigDecimal> stopPrice,
            Optional<BigDecimal> takeProfitPrice,
            Optional<BigDecimal> maxFundingCostUsd) {
        HedgePositionEntity h = em().find(HedgePositionEntity.class, hedgeId);
        Map<String, Object> before = h.state();
        h.stopPrice = stopPrice.orElse(null);
        h.takeProfitPrice = takeProfitPrice.orElse(null);
        h.maxFundingCostUsd = maxFundingCostUsd.orElse(null);
        Flush.orStale(em(), "HEDGE", hedgeId, expectedVersion);
        return new Written(hedgeId, before, h.state());
    }

    /** Stores a manual mark entered now if the hedge is still at {@code expectedVersion}. */
    public void setManualMark(long hedgeId, long expectedVersion, BigDecimal price) {
        HedgePositionEntity h = em().find(HedgePositionEntity.class, hedgeId);
        h.manualMark = price;
        h.manualMarkAt = clock.instant();
        Flush.orStale(em(), "HEDGE", hedgeId, expectedVersion);
    }

    private static void apply(HedgePositionEntity h, LedgerPosition p) {
        h.size = p.size();
        h.entryPrice = p.entryPrice();
        h.margin = p.margin();
        h.realizedPnl = p.realizedPnl();
        h.status = p.status();
        h.closedAt = p.closedAt().orElse(null);
    }

    private HedgeEventEntity event(HedgePositionEntity h, long actorId, LedgerEntry entry) {
        HedgeEventEntity e = new HedgeEventEntity();
        e.hedgeId = h.id;
        e.portfolioId = h.portfolioId;
        e.type = entry.type();
        e.occurredAt = entry.occurredAt();
        e.recordedAt = clock.instant();
        e.actorId = actorId;
        e.quantity = entry.quantity().orElse(null);
        e.price = entry.price().orElse(null);
        e.fee = entry.fee().orElse(null);
        e.fundingRate = entry.fundingRate().orElse(null);
        e.settlementAsset = h.settlementAsset;
        e.settlementUsd = entry.settlementUsd();
        e.cashChange = entry.cashChange();
        e.cashChangeUsd = entry.cashChangeUsd();
        e.realizedPnl = entry.realizedPnl().orElse(null);
        e.realizedPnlUsd = entry.realizedPnlUsd().orElse(null);
        e.sizeAfter = entry.sizeAfter();
        e.entryAfter = entry.entryAfter();
        e.correctsEventId = entry.correctsEventId().orElse(null);
        e.note = entry.note().isEmpty() ? null : entry.note();
        return e;
    }

    private HedgePositionEntity entity(long userId, long hedgeId) {
        List<HedgePositionEntity> found = em().createQuery(
                        "select h from HedgePositionEntity h, PortfolioEntity p, MembershipEntity m where h.id = ?1 "
                                + "and p.id = h.portfolioId and m.teamId = p.teamId and m.userId = ?2",
                        HedgePositionEntity.class)
                .setParameter(1, hedgeId)
                .setParameter(2, userId)
                .getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("hedge", hedgeId);
        }
        return found.get(0);
    }

    private Hedge toDomain(HedgePositionEntity h) {
        List<Long> holdingIds = em()
                .createNativeQuery(
                        "select holding_id from hedge_holding where hedge_id = ?1 order by holding_id", Long.class)
                .setParameter(1, h.id)
                .getResultList()
                .stream()
                .map(Long.class::cast)
                .toList();
        String name = em().createQuery("select u.displayName from AppUserEntity u where u.id = ?1", String.class)
                .setParameter(1, h.openedBy)
                .getSingleResult();
        return h.toDomain(holdingIds, name);
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
