package io.hedgedesk.web.hedge.book;

import io.hedgedesk.web.view.Display;
import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeAction;
import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.HedgeMark;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.hedge.LedgerEntry;
import io.hedgedesk.domain.hedge.LedgerPosition;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.NotFoundException;
import io.hedgedesk.persistence.RoleRefusedException;
import io.hedgedesk.persistence.StaleEditException;
import io.hedgedesk.persistence.audit.AuditLog;
import io.hedgedesk.persistence.hedge.HedgeRepository;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.pricing.ledger.CloseTargets;
import io.hedgedesk.pricing.ledger.HedgeLedger;
import io.hedgedesk.pricing.ledger.LedgerStep;
import io.hedgedesk.web.support.MarkStored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Hedge positions held as insurance of a portfolio's holdings, and their append-only event ledger.
 *
 * <p>Access exactly like {@link PortfolioService}: a hedge is loaded by (id, teams of the acting user), anything
 * else is a {@link NotFoundException}; actions need the editor or owner role ({@link RoleRefusedException}). Every
 * action runs in one transaction that consumes its single-use form token, checks the position's version
 * ({@link StaleEditException}), applies the {@link HedgeLedger}'s rules, stores the position and its ledger entries
 * ({@link HedgeRepository}) and writes an audit event. Spot holdings change only when the margin of an inverse hedge
 * taken out of the bag comes back at its close.
 */
@ApplicationScoped
@Transactional
public class HedgeBookService {

  private final PortfolioService portfolios;
  private final HedgeRepository hedges;
  private final AuditLog audit;
  private final FormTokens formTokens;
  private final CoinPrices prices;
  private final Clock clock;
  private final ContractCatalog catalog;
  private final Event<MarkStored> markStored;
  private final BagReturn bagReturn;

  public HedgeBookService(PortfolioService portfolios, HedgeRepository hedges, AuditLog audit,
                          FormTokens formTokens, CoinPrices prices, Clock clock, ContractCatalog catalog,
                          Event<MarkStored> markStored, BagReturn bagReturn) {
    this.markStored = markStored;
    this.bagReturn = bagReturn;
    this.portfolios = portfolios;
    this.hedges = hedges;
    this.audit = audit;
    this.formTokens = formTokens;
    this.prices = prices;
    this.clock = clock;
    this.catalog = catalog;
  }

  /** A hedge with the portfolio access it was loaded through. */
  public record HedgeAccess(Hedge hedge, PortfolioAccess portfolio, Instrument instrument) {
    public boolean canAct() {
      return portfolio.role().canEdit();
    }
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
   * Records an opened hedge: the position and its opening entries as {@link HedgeLedger#open} makes them (OPEN with
   * the fee as a negative cash change, MARGIN_IN of what was sent to the venue), and an audit event, in one
   * transaction.
   *
   * @return the new hedge's id
   * @throws InvalidHedgeException       for an unknown contract, a position the venue would refuse (leverage), an
   *                                     opening in the future, or holdings not in the portfolio
   * @throws NotFoundException           if the portfolio is not in the user's teams
   * @throws RoleRefusedException        for a viewer
   * @throws io.hedgedesk.persistence.DuplicateSubmissionException when the form token was already used
   */
  public long open(long actorId, UUID formToken, OpenHedge command) {
    return record(actorId, Optional.of(formToken), command);
  }

  /**
   * Records a hedge read from an exchange's own file (a statement import): the same entries, checks and audit event
   * as {@link #open}, inside the import's transaction, without a form token (the import's job is claimed once).
   */
  public long openImported(long actorId, OpenHedge command) {
    return record(actorId, Optional.empty(), command);
  }

  private long record(long actorId, Optional<UUID> formToken, OpenHedge command) {
    PortfolioAccess access = portfolios.writable(actorId, command.portfolioId(), "open hedges");
    Instrument instrument = instrument(command.contractId());
    LedgerStep step = HedgeLedger.DEFAULT.open(instrument, command, clock.instant());
    List<Long> holdingIds = List.copyOf(new LinkedHashSet<>(command.holdingIds()));
    if (!hedges.holdingsOf(command.portfolioId(), holdingIds)) {
      throw InvalidHedgeException.of("holdingIds", "Choose holdings of this portfolio.");
    }
    formToken.ifPresent(token -> formTokens.consume(token, actorId));
    HedgeRepository.Written written = hedges.insert(actorId, command, instrument, step.after(), step.entries(),
        holdingIds);
    Map<String, Object> after = new LinkedHashMap<>(written.after());
    if ("OUT_OF_BAG".equals(command.marginSource())) {
      // the exposure model's transfer: coins moved from the insured holdings to the venue (still counted in them)
      BigDecimal moved = instrument.isInverse() ? step.entries().stream()
          .filter(e -> e.type() == HedgeEventType.MARGIN_IN)
          .map(LedgerEntry::cashChange).findFirst().orElse(BigDecimal.ZERO)
          : command.collateralCoins();
      after.put("movedFromHoldings", Display.amount(moved, instrument.baseAsset().symbol()) + " to "
          + instrument.venue() + " as margin");
    }
    audit.record(access.portfolio().teamId(), command.portfolioId(), actorId, "HEDGE", written.id(), "OPEN", null,
        after);
    return written.id();
  }

  /** The hedge, if it belongs to a portfolio of one of the user's teams; {@link NotFoundException} otherwise. */
  public HedgeAccess hedge(long userId, long hedgeId) {
    Hedge hedge = hedges.find(userId, hedgeId);
    return new HedgeAccess(hedge, portfolios.access(userId, hedge.portfolioId()), instrument(hedge.contractId()));
  }

  /** The hedges of a portfolio, newest first. */
  public List<Hedge> hedges(long userId, long portfolioId) {
    portfolios.access(userId, portfolioId);
    return hedges.ofPortfolio(portfolioId);
  }

  /** Every OPEN hedge in every team of the user, oldest first (two queries whatever their number). */
  public List<HedgeAccess> openHedges(long userId) {
    return hedges.open(userId).stream()
        .map(h -> new HedgeAccess(h.hedge(), h.portfolio(), instrument(h.hedge().contractId()))).toList();
  }

  /**
   * {@link LedgerTotals} of hedges already loaded through the user's access ({@link #openHedges}), by hedge id, in
   * one query, summed by the database rather than loading every event.
   */
  Map<Long, LedgerTotals> ledgerTotals(List<Long> hedgeIds) {
    return hedges.ledgerSums(hedgeIds).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> new LedgerTotals(e.getValue().funding(), e.getValue().fees(), e.getValue().cash(),
            e.getValue().margin())));
  }

  /** The hedge's ledger in recording order. */
  public List<HedgeEvent> events(long userId, long hedgeId) {
    hedges.find(userId, hedgeId);
    return hedges.events(hedgeId);
  }

  /**
   * What {@code action} would record on the hedge now, by the same rules {@link #act} applies; nothing is saved.
   *
   * @throws InvalidHedgeException when a ledger rule refuses the action
   */
  public LedgerStep preview(HedgeAccess access, HedgeAction action) {
    return HedgeLedger.DEFAULT.apply(LedgerPosition.of(access.hedge()), access.instrument(), action, clock.instant(),
        () -> mark(access).map(HedgeMark::price));
  }

  /**
   * Applies an action to the hedge loaded at {@code expectedVersion}: appends its ledger entry, stores the position
   * it leaves and writes an audit event, in one transaction.
   *
   * @return the id of the event appended
   */
  public long act(long actorId, long hedgeId, UUID formToken, long expectedVersion, HedgeAction action) {
    // The token first: a second submit of the same confirmation is a duplicate (the first one stands), not a stale
    // version. Any refusal below rolls the token back with everything else.
    formTokens.consume(formToken, actorId);
    HedgeAccess access = writable(actorId, hedgeId, "act on hedges", expectedVersion);
    LedgerStep step = preview(access, action);
    action.correctsEventId().ifPresent(id -> {
      if (!hedges.hasEvent(hedgeId, id)) {
        throw InvalidHedgeException.of("correctsEventId", "Choose an event of this hedge.");
      }
    });
    HedgeRepository.LedgerSums sums = step.entry().type() == HedgeEventType.CLOSE
        ? hedges.ledgerSums(List.of(hedgeId)).get(hedgeId) : null;
    if (sums != null) {
      step = HedgeLedger.DEFAULT.withMarginReturn(step, sums.cash());
    }
    HedgeRepository.Written written = hedges.append(actorId, hedgeId, expectedVersion, step.after(), step.entries());
    audit.record(access.portfolio().portfolio().teamId(), access.hedge().portfolioId(), actorId, "HEDGE", hedgeId,
        step.entry().type().name(), written.before(), written.after());
    if (sums != null && step.entries().size() > 1) {
      bagReturn.close(actorId, access, step.entries().get(1).cashChange().negate(), sums.margin());
    }
    formTokens.created(formToken, "event", List.of(written.id()), "/hedges/" + hedgeId);
    return written.id();
  }

  /**
   * The margin's return to the bag at a close recorded by a statement import ({@link #act} does the same for a close
   * typed in): see {@link BagReturn#close}.
   *
   * @param returned the balance returned at the close (the MARGIN_OUT's amount), settlement asset
   * @param taken    Σ MARGIN_IN − Σ MARGIN_OUT before the return, settlement asset
   */
  public void marginReturnedAtImportedClose(long actorId, HedgeAccess access, BigDecimal returned, BigDecimal taken) {
    bagReturn.close(actorId, access, returned, taken);
  }

  /**
   * Sets (or clears, with empty values) the close targets of the hedge loaded at {@code expectedVersion}. A new stop
   * or take-profit on the wrong side of the current mark is refused ({@link CloseTargets#requireOnTheRightSide});
   * without a known mark the targets are accepted. No ledger event: targets are not money movements; the change is
   * audited.
   */
  public void setTargets(long actorId, long hedgeId, long expectedVersion, Optional<BigDecimal> stopPrice,
                         Optional<BigDecimal> takeProfitPrice, Optional<BigDecimal> maxFundingCostUsd) {
    HedgeAccess access = writable(actorId, hedgeId, "set close targets", expectedVersion);
    Hedge hedge = access.hedge();
    CloseTargets targets = new CloseTargets(stopPrice, takeProfitPrice, maxFundingCostUsd);
    CloseTargets stored = new CloseTargets(hedge.stopPrice(), hedge.takeProfitPrice(), hedge.maxFundingCostUsd());
    Optional<BigDecimal> mark = stopPrice.isPresent() || takeProfitPrice.isPresent()
        ? mark(access).map(HedgeMark::price) : Optional.empty();
    targets.requireOnTheRightSide(hedge.side(), stored, mark);
    HedgeRepository.Written written = hedges.setTargets(hedgeId, expectedVersion, stopPrice, takeProfitPrice,
        maxFundingCostUsd);
    audit.record(access.portfolio().portfolio().teamId(), hedge.portfolioId(), actorId, "HEDGE", hedgeId, "TARGETS",
        written.before(), written.after());
  }

  /**
   * Records the price of the hedge's coin now as the team's manual price (the one price per coin its holdings and
   * hedges use), for a hedge loaded at {@code expectedVersion}.
   */
  public void enterMark(long actorId, long hedgeId, long expectedVersion, BigDecimal price) {
    HedgeAccess access = writable(actorId, hedgeId, "enter prices", expectedVersion);
    if (price == null) {
      throw InvalidHedgeException.of("mark", "Enter the price.");
    }
    if (price.signum() <= 0) {
      throw InvalidHedgeException.of("mark", "Must be greater than zero.");
    }
    // A new row per entry, like the portfolio's price form; the page's version check keeps stale forms out.
    portfolios.enterPrice(actorId, access.hedge().portfolioId(), UUID.randomUUID(),
        access.instrument().baseAsset().symbol(), price);
    markStored.fire(new MarkStored("price of " + access.instrument().baseAsset().symbol()));
  }

  /** The hedge's mark: its team's price of the coin, or its contract's venue tick when newer ({@link CoinPrices}). */
  public Optional<HedgeMark> mark(HedgeAccess access) {
    return CoinPrices.mark(prices.of(access.portfolio().portfolio().teamId(), access.instrument()),
        access.instrument());
  }

  private HedgeAccess writable(long actorId, long hedgeId, String action, long expectedVersion) {
    Hedge hedge = hedges.find(actorId, hedgeId);
    PortfolioAccess access = portfolios.writable(actorId, hedge.portfolioId(), action);
    if (hedge.version() != expectedVersion) {
      throw new StaleEditException("HEDGE", hedgeId, expectedVersion);
    }
    return new HedgeAccess(hedge, access, instrument(hedge.contractId()));
  }

  private Instrument instrument(String contractId) {
    return catalog.find(contractId.strip())
        .orElseThrow(() -> InvalidHedgeException.of("contractId", "Unknown contract " + contractId + "."));
  }
}
