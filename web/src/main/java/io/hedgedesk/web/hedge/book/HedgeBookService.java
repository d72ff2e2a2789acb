package io.hedgedesk.web.hedge.book;

import io.hedgedesk.persistence.hedge.HedgeEventEntity;
import io.hedgedesk.persistence.hedge.HedgePositionEntity;
import io.hedgedesk.persistence.hedge.HedgeMarks;
import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeAction;
import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.HedgeMark;
import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.team.Role;
import io.hedgedesk.persistence.Flush;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.NotFoundException;
import io.hedgedesk.persistence.RoleRefusedException;
import io.hedgedesk.persistence.StaleEditException;
import io.hedgedesk.persistence.audit.AuditLog;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioEntity;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.pricing.catalog.ContractCatalog;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.PerpetualPricingException;
import io.hedgedesk.pricing.perpetual.Position;
import io.hedgedesk.pricing.perpetual.PositionClose;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Hedge positions held as insurance of a portfolio's holdings, and their append-only event ledger.
 *
 * <p>Access exactly like {@link PortfolioService}: a hedge is loaded by (id, teams of the acting user), anything
 * else is a {@link NotFoundException}; actions need the editor or owner role ({@link RoleRefusedException}). Every
 * action runs in one transaction that consumes its single-use form token, checks the position's version
 * ({@link StaleEditException}), updates the position, appends its ledger event(s) and writes an audit event.
 * Spot holdings are never changed here. All position math (averaging, realized PnL) is the pricing module's.
 */
@ApplicationScoped
@Transactional
public class HedgeBookService {

  /** The bundled contract catalog (the same file the web module serves). */
  static final ContractCatalog CATALOG = ContractCatalog.loadDefault();

  private final PortfolioService portfolios;
  private final AuditLog audit;
  private final FormTokens formTokens;
  private final HedgeMarks marks;
  private final Clock clock;

  public HedgeBookService(PortfolioService portfolios, AuditLog audit, FormTokens formTokens, HedgeMarks marks,
                          Clock clock) {
    this.portfolios = portfolios;
    this.audit = audit;
    this.formTokens = formTokens;
    this.marks = marks;
    this.clock = clock;
  }

  /** The contract catalog used to price hedges. */
  public static ContractCatalog catalog() {
    return CATALOG;
  }

  /** A hedge with the portfolio access it was loaded through. */
  public record HedgeAccess(Hedge hedge, PortfolioAccess portfolio, Instrument instrument) {
    public boolean canAct() {
      return portfolio.role().canEdit();
    }
  }

  /**
   * Records an opened hedge: the position, an OPEN event (with the opening fee as a negative cash change), a
   * MARGIN_IN event for a positive margin, and an audit event, in one transaction.
   *
   * @return the new hedge's id
   * @throws InvalidHedgeException       for an unknown contract, a position the venue would refuse (leverage), or
   *                                     holdings not in the portfolio
   * @throws NotFoundException           if the portfolio is not in the user's teams
   * @throws RoleRefusedException        for a viewer
   * @throws io.hedgedesk.persistence.DuplicateSubmissionException when the form token was already used
   */
  public long open(long actorId, UUID formToken, OpenHedge command) {
    PortfolioAccess access = portfolios.writable(actorId, command.portfolioId(), "open hedges");
    Instrument instrument = instrument(command.contractId());
    Position position = position(instrument, command.side(), command.size(), command.entryPrice(),
        command.leverage());
    List<Long> holdingIds = List.copyOf(new LinkedHashSet<>(command.holdingIds()));
    if (!holdingIds.isEmpty()) {
      Long found = em().createQuery("select count(h) from HoldingEntity h where h.portfolioId = ?1 and h.id in ?2",
          Long.class).setParameter(1, command.portfolioId()).setParameter(2, holdingIds).getSingleResult();
      if (found != holdingIds.size()) {
        throw InvalidHedgeException.of("holdingIds", "Choose holdings of this portfolio.");
      }
    }
    Instant now = command.openedAt().orElse(clock.instant());
    if (now.isAfter(clock.instant())) {
      throw InvalidHedgeException.of("openedAt", "The opening time must not be in the future.");
    }
    formTokens.consume(formToken, actorId);
    HedgePositionEntity h = new HedgePositionEntity();
    h.portfolioId = command.portfolioId();
    h.contractId = instrument.id();
    h.contractType = instrument.type().name();
    h.side = command.side();
    h.size = position.size();
    h.entryPrice = position.entryPrice();
    h.leverage = position.leverage();
    h.margin = command.margin();
    h.marginSource = command.marginSource();
    h.settlementAsset = instrument.settlementAsset().symbol();
    h.targetCoverage = command.targetCoverage();
    h.collateralCoins = command.collateralCoins();
    h.beta = command.beta().orElse(null);
    h.planJson = command.planJson().isBlank() ? null : command.planJson();
    h.status = HedgeStatus.OPEN;
    h.realizedPnl = BigDecimal.ZERO;
    h.openedBy = actorId;
    h.openedAt = now;
    em().persist(h);
    em().flush();
    for (Long holdingId : holdingIds) {
      em().createNativeQuery("insert into hedge_holding (hedge_id, holding_id) values (?1, ?2)")
          .setParameter(1, h.id).setParameter(2, holdingId).executeUpdate();
    }
    BigDecimal usd = tradeUsd(instrument, command.entryPrice());
    HedgeEventEntity opened = event(h, HedgeEventType.OPEN, actorId, now, usd, command.fee().negate());
    opened.quantity = command.size();
    opened.price = command.entryPrice();
    opened.fee = command.fee();
    em().persist(opened);
    if (command.margin().signum() > 0) {
      em().persist(event(h, HedgeEventType.MARGIN_IN, actorId, now, usd, command.margin()));
    }
    Map<String, Object> state = h.state();
    state.put("holdingIds", holdingIds);
    audit.record(access.portfolio().teamId(), h.portfolioId, actorId, "HEDGE", h.id, "OPEN", null, state);
    return h.id;
  }

  /** The hedge, if it belongs to a portfolio of one of the user's teams; {@link NotFoundException} otherwise. */
  public HedgeAccess hedge(long userId, long hedgeId) {
    HedgePositionEntity h = entity(userId, hedgeId);
    PortfolioAccess access = portfolios.access(userId, h.portfolioId);
    return new HedgeAccess(toDomain(h), access, instrument(h.contractId));
  }

  /** The hedges of a portfolio, newest first. */
  public List<Hedge> hedges(long userId, long portfolioId) {
    portfolios.access(userId, portfolioId);
    return em().createQuery("from HedgePositionEntity h where h.portfolioId = ?1 order by h.openedAt desc, h.id desc",
            HedgePositionEntity.class)
        .setParameter(1, portfolioId).getResultList().stream().map(this::toDomain).toList();
  }

  /** Every OPEN hedge in every team of the user, oldest first. */
  public List<HedgeAccess> openHedges(long userId) {
    // Two queries whatever the number of hedges: the hedges with portfolio, team, role and opener, then the
    // holdings they insure.
    List<Object[]> rows = em().createQuery(
            "select h, p, t.name, m.role, u.displayName "
                + "from HedgePositionEntity h, PortfolioEntity p, TeamEntity t, MembershipEntity m, AppUserEntity u "
                + "where p.id = h.portfolioId and t.id = p.teamId and m.teamId = p.teamId and m.userId = ?1 "
                + "and u.id = h.openedBy and h.status = ?2 order by h.openedAt, h.id", Object[].class)
        .setParameter(1, userId).setParameter(2, HedgeStatus.OPEN).getResultList();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<Long>> insured = new HashMap<>();
    List<?> pairs = em().createNativeQuery(
            "select hedge_id, holding_id from hedge_holding where hedge_id = any(?1) order by hedge_id, holding_id")
        .setParameter(1, rows.stream().map(r -> ((HedgePositionEntity) r[0]).id).toArray(Long[]::new))
        .getResultList();
    for (Object pair : pairs) {
      Object[] r = (Object[]) pair;
      insured.computeIfAbsent(((Number) r[0]).longValue(), id -> new ArrayList<>()).add(((Number) r[1]).longValue());
    }
    return rows.stream().map(r -> {
      HedgePositionEntity h = (HedgePositionEntity) r[0];
      PortfolioAccess access = new PortfolioAccess(((PortfolioEntity) r[1]).toDomain(), (String) r[2], (Role) r[3]);
      return new HedgeAccess(h.toDomain(insured.getOrDefault(h.id, List.of()), (String) r[4]), access,
          instrument(h.contractId));
    }).toList();
  }

  /**
   * Sums over a hedge's ledger, settlement asset: FUNDING cash changes, fees, all cash changes, and margin moved in
   * less margin moved out.
   */
  record LedgerTotals(BigDecimal funding, BigDecimal fees, BigDecimal cash, BigDecimal margin) {
    static final LedgerTotals NONE = new LedgerTotals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO);
  }

  /**
   * {@link LedgerTotals} of hedges already loaded through the user's access ({@link #openHedges}), by hedge id, in
   * one query, summed by the database rather than loading every event.
   */
  Map<Long, LedgerTotals> ledgerTotals(List<Long> hedgeIds) {
    if (hedgeIds.isEmpty()) {
      return Map.of();
    }
    List<?> rows = em().createNativeQuery("""
            select hedge_id, coalesce(sum(cash_change) filter (where event_type = 'FUNDING'), 0),
                   coalesce(sum(fee), 0), coalesce(sum(cash_change), 0),
                   coalesce(sum(cash_change) filter (where event_type in ('MARGIN_IN', 'MARGIN_OUT')), 0)
            from hedge_event where hedge_id = any(?1) group by hedge_id""")
        .setParameter(1, hedgeIds.toArray(Long[]::new)).getResultList();
    Map<Long, LedgerTotals> totals = new HashMap<>();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      totals.put(((Number) r[0]).longValue(),
          new LedgerTotals((BigDecimal) r[1], (BigDecimal) r[2], (BigDecimal) r[3], (BigDecimal) r[4]));
    }
    return totals;
  }

  /** The marks of hedges already loaded through the user's access, in their order (two queries). */
  List<Optional<HedgeMark>> marks(List<HedgeAccess> hedges) {
    return marks.marks(hedges.stream().map(HedgeAccess::hedge).toList(),
        hedges.stream().map(HedgeAccess::instrument).toList());
  }

  /** The hedge's ledger in recording order. */
  public List<HedgeEvent> events(long userId, long hedgeId) {
    entity(userId, hedgeId);
    List<Object[]> rows = em().createQuery(
            "select e, u.displayName from HedgeEventEntity e, AppUserEntity u where u.id = e.actorId "
                + "and e.hedgeId = ?1 order by e.id", Object[].class)
        .setParameter(1, hedgeId).getResultList();
    return rows.stream().map(r -> ((HedgeEventEntity) r[0]).toDomain((String) r[1])).toList();
  }

  /**
   * Applies an action to the hedge loaded at {@code expectedVersion}: appends its ledger event(s), updates the
   * position and writes an audit event, in one transaction.
   *
   * @return the id of the (main) event appended
   */
  public long act(long actorId, long hedgeId, UUID formToken, long expectedVersion, HedgeAction action) {
    // The token first: a second submit of the same confirmation is a duplicate (the first one stands), not a stale
    // version. Any refusal below rolls the token back with everything else.
    formTokens.consume(formToken, actorId);
    HedgePositionEntity h = writable(actorId, hedgeId, "act on hedges", expectedVersion);
    if (h.status == HedgeStatus.CLOSED && action.type() != HedgeEventType.NOTE) {
      throw InvalidHedgeException.of("type", "This hedge is closed; only notes and corrections can be added.");
    }
    Instant now = clock.instant();
    Instant at = action.occurredAt().orElse(now);
    if (at.isAfter(now)) {
      throw InvalidHedgeException.of("occurredAt", "The time must not be in the future.");
    }
    if (at.isBefore(h.openedAt)) {
      throw InvalidHedgeException.of("occurredAt", "The time must not be before the hedge was opened.");
    }
    action.correctsEventId().ifPresent(id -> requireEvent(h.id, id));
    Instrument instrument = instrument(h.contractId);
    PerpetualPricer pricer = PerpetualPricer.of(instrument);
    Map<String, Object> before = h.state();
    BigDecimal fee = action.fee().orElse(BigDecimal.ZERO);
    HedgeEventEntity e;
    switch (action.type()) {
      case INCREASE -> {
        BigDecimal price = action.price().orElseThrow();
        Position after = priced(() -> pricer.increase(current(h, instrument), action.quantity().orElseThrow(), price));
        e = event(h, HedgeEventType.INCREASE, actorId, at, usd(action, instrument, h, price), fee.negate());
        trade(e, action.quantity().orElseThrow(), price, fee);
        h.size = after.size();
        h.entryPrice = after.entryPrice();
      }
      case REDUCE, CLOSE -> {
        BigDecimal price = action.price().orElseThrow();
        BigDecimal quantity = action.quantity().orElse(h.size);
        int cmp = quantity.compareTo(h.size);
        if (cmp > 0) {
          throw InvalidHedgeException.of("quantity", "At most the position's size " + h.size.stripTrailingZeros()
              .toPlainString() + ".");
        }
        if (action.type() == HedgeEventType.CLOSE && cmp != 0) {
          throw InvalidHedgeException.of("quantity", "A close closes the whole size; use reduce for a part.");
        }
        Position position = current(h, instrument);
        PositionClose closed = priced(() -> pricer.close(position, quantity, price));
        BigDecimal pnl = closed.realizedPnl().value();
        BigDecimal pnlUsd = pricer.pnlUsd(position.withSize(quantity), price).value();
        HedgeEventType type = cmp == 0 ? HedgeEventType.CLOSE : HedgeEventType.REDUCE;
        e = event(h, type, actorId, at, usd(action, instrument, h, price), pnl.subtract(fee));
        trade(e, quantity, price, fee);
        e.realizedPnl = pnl;
        e.realizedPnlUsd = pnlUsd;
        h.realizedPnl = h.realizedPnl.add(pnl);
        h.size = closed.remaining().map(Position::size).orElse(BigDecimal.ZERO);
        if (type == HedgeEventType.CLOSE) {
          h.status = HedgeStatus.CLOSED;
          h.closedAt = at;
        }
      }
      case FUNDING -> {
        e = event(h, HedgeEventType.FUNDING, actorId, at, usd(action, instrument, h, null), action.amount().orElseThrow());
        e.fundingRate = action.fundingRate().orElse(null);
      }
      case FEE -> {
        BigDecimal paid = action.amount().orElseThrow();
        e = event(h, HedgeEventType.FEE, actorId, at, usd(action, instrument, h, null), paid.negate());
        e.fee = paid;
      }
      case MARGIN_IN -> {
        BigDecimal amount = action.amount().orElseThrow();
        e = event(h, HedgeEventType.MARGIN_IN, actorId, at, usd(action, instrument, h, null), amount);
        h.margin = h.margin.add(amount);
      }
      case MARGIN_OUT -> {
        BigDecimal amount = action.amount().orElseThrow();
        if (amount.compareTo(h.margin) > 0) {
          throw InvalidHedgeException.of("amount", "At most the margin on the position, "
              + h.margin.stripTrailingZeros().toPlainString() + " " + h.settlementAsset + ".");
        }
        e = event(h, HedgeEventType.MARGIN_OUT, actorId, at, usd(action, instrument, h, null), amount.negate());
        h.margin = h.margin.subtract(amount);
      }
      case NOTE -> e = event(h, HedgeEventType.NOTE, actorId, at, usd(action, instrument, h, null), BigDecimal.ZERO);
      default -> throw new IllegalStateException("unexpected " + action.type());
    }
    e.sizeAfter = h.size;
    e.entryAfter = h.entryPrice;
    e.note = action.note().isEmpty() ? null : action.note();
    e.correctsEventId = action.correctsEventId().orElse(null);
    em().lock(h, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    Flush.orStale(em(), "HEDGE", hedgeId, expectedVersion);
    em().persist(e);
    em().flush();
    Map<String, Object> after = h.state();
    after.put("event", e.id);
    after.put("eventType", e.type.name());
    audit.record(teamOf(h), h.portfolioId, actorId, "HEDGE", h.id, e.type.name(), before, after);
    return e.id;
  }

  /**
   * Sets (or clears, with empty values) the close targets of the hedge loaded at {@code expectedVersion}. No ledger
   * event: targets are not money movements; the change is audited.
   */
  public void setTargets(long actorId, long hedgeId, long expectedVersion, Optional<BigDecimal> stopPrice,
                         Optional<BigDecimal> takeProfitPrice, Optional<BigDecimal> maxFundingCostUsd) {
    HedgePositionEntity h = writable(actorId, hedgeId, "set close targets", expectedVersion);
    positiveIfPresent(stopPrice, "stopPrice");
    positiveIfPresent(takeProfitPrice, "takeProfitPrice");
    positiveIfPresent(maxFundingCostUsd, "maxFundingCostUsd");
    Map<String, Object> before = h.state();
    h.stopPrice = stopPrice.orElse(null);
    h.takeProfitPrice = takeProfitPrice.orElse(null);
    h.maxFundingCostUsd = maxFundingCostUsd.orElse(null);
    Flush.orStale(em(), "HEDGE", hedgeId, expectedVersion);
    audit.record(teamOf(h), h.portfolioId, actorId, "HEDGE", h.id, "TARGETS", before, h.state());
  }

  /**
   * Records the price of the hedge's coin now as the team's manual price (the one price per coin its holdings and
   * hedges use), for a hedge loaded at {@code expectedVersion}.
   */
  public void enterMark(long actorId, long hedgeId, long expectedVersion, BigDecimal price) {
    HedgePositionEntity h = writable(actorId, hedgeId, "enter prices", expectedVersion);
    positiveIfPresent(Optional.ofNullable(price), "mark");
    if (price == null) {
      throw InvalidHedgeException.of("mark", "Enter the price.");
    }
    // A new row per entry, like the portfolio's price form; the page's version check keeps stale forms out.
    portfolios.enterPrice(actorId, h.portfolioId, UUID.randomUUID(), instrument(h.contractId).baseAsset().symbol(),
        price);
  }

  /** The hedge's mark (tick, stored close or manual), if any. */
  public Optional<HedgeMark> mark(HedgeAccess access) {
    return marks.mark(access.hedge(), access.instrument());
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private HedgePositionEntity writable(long actorId, long hedgeId, String action, long expectedVersion) {
    HedgePositionEntity h = entity(actorId, hedgeId);
    portfolios.writable(actorId, h.portfolioId, action);
    if (h.version != expectedVersion) {
      throw new StaleEditException("HEDGE", hedgeId, expectedVersion);
    }
    return h;
  }

  private HedgePositionEntity entity(long userId, long hedgeId) {
    List<HedgePositionEntity> found = em().createQuery(
            "select h from HedgePositionEntity h, PortfolioEntity p, MembershipEntity m where h.id = ?1 "
                + "and p.id = h.portfolioId and m.teamId = p.teamId and m.userId = ?2", HedgePositionEntity.class)
        .setParameter(1, hedgeId).setParameter(2, userId).getResultList();
    if (found.isEmpty()) {
      throw new NotFoundException("hedge", hedgeId);
    }
    return found.get(0);
  }

  private void requireEvent(long hedgeId, long eventId) {
    HedgeEventEntity e = em().find(HedgeEventEntity.class, eventId);
    if (e == null || e.hedgeId != hedgeId) {
      throw InvalidHedgeException.of("correctsEventId", "Choose an event of this hedge.");
    }
  }

  private long teamOf(HedgePositionEntity h) {
    return em().createQuery("select p.teamId from PortfolioEntity p where p.id = ?1", Long.class)
        .setParameter(1, h.portfolioId).getSingleResult();
  }

  private Hedge toDomain(HedgePositionEntity h) {
    List<Long> holdingIds = em().createNativeQuery(
            "select holding_id from hedge_holding where hedge_id = ?1 order by holding_id", Long.class)
        .setParameter(1, h.id).getResultList().stream().map(Long.class::cast).toList();
    String name = em().createQuery("select u.displayName from AppUserEntity u where u.id = ?1", String.class)
        .setParameter(1, h.openedBy).getSingleResult();
    return h.toDomain(holdingIds, name);
  }

  static Instrument instrument(String contractId) {
    return CATALOG.find(contractId.strip())
        .orElseThrow(() -> InvalidHedgeException.of("contractId", "Unknown contract " + contractId + "."));
  }

  private static Position current(HedgePositionEntity h, Instrument instrument) {
    return position(instrument, h.side, h.size, h.entryPrice, h.leverage);
  }

  private static Position position(Instrument instrument, Side side, BigDecimal size, BigDecimal entry,
                                   BigDecimal leverage) {
    return priced(() -> new Position(instrument, side, size, entry, leverage));
  }

  private static <T> T priced(java.util.function.Supplier<T> computation) {
    try {
      return computation.get();
    } catch (PerpetualPricingException e) {
      String message = e.getMessage();
      String field = message.startsWith("leverage") ? "leverage" : message.contains("size") ? "quantity" : "price";
      throw InvalidHedgeException.of(field, message);
    }
  }

  /** USD per unit of settlement asset for a trade at {@code price}: the price itself (inverse coin), 1 (USDT). */
  private static BigDecimal tradeUsd(Instrument instrument, BigDecimal price) {
    return instrument.settlementAsset().isDollar() ? BigDecimal.ONE : price;
  }

  private BigDecimal usd(HedgeAction action, Instrument instrument, HedgePositionEntity h, BigDecimal tradePrice) {
    if (action.usdPrice().isPresent()) {
      return action.usdPrice().get();
    }
    if (instrument.settlementAsset().isDollar()) {
      return BigDecimal.ONE;
    }
    if (tradePrice != null) {
      return tradePrice;
    }
    return marks.mark(toDomain(h), instrument).map(HedgeMark::price).orElseThrow(() -> InvalidHedgeException.of(
        "usdPrice", "No mark is known for " + instrument.baseAsset().symbol() + ": enter its USD price."));
  }

  private HedgeEventEntity event(HedgePositionEntity h, HedgeEventType type, long actorId, Instant at,
                                        BigDecimal settlementUsd, BigDecimal cashChange) {
    HedgeEventEntity e = new HedgeEventEntity();
    e.hedgeId = h.id;
    e.portfolioId = h.portfolioId;
    e.type = type;
    e.occurredAt = at;
    e.recordedAt = clock.instant();
    e.actorId = actorId;
    e.settlementAsset = h.settlementAsset;
    e.settlementUsd = settlementUsd;
    e.cashChange = cashChange;
    e.cashChangeUsd = cashChange.multiply(settlementUsd);
    e.sizeAfter = h.size;
    e.entryAfter = h.entryPrice;
    return e;
  }

  private static void trade(HedgeEventEntity e, BigDecimal quantity, BigDecimal price, BigDecimal fee) {
    e.quantity = quantity;
    e.price = price;
    e.fee = fee.signum() == 0 ? null : fee;
  }

  private static void positiveIfPresent(Optional<BigDecimal> value, String field) {
    if (value.isPresent() && value.get().signum() <= 0) {
      throw InvalidHedgeException.of(field, "Must be greater than zero, or left empty.");
    }
  }

  private static EntityManager em() {
    return Panache.getEntityManager();
  }
}
