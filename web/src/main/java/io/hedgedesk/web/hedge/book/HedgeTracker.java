package io.hedgedesk.web.hedge.book;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import java.time.ZoneOffset;

import io.hedgedesk.persistence.market.PriceHistoryRepository;


import io.hedgedesk.domain.market.PriceSeries;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.HedgeMark;
import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.domain.portfolio.PortfolioValuation;
import io.hedgedesk.domain.portfolio.ValuedHolding;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.pricing.funding.FundingProjector;
import io.hedgedesk.pricing.funding.HolderSide;
import io.hedgedesk.pricing.funding.InsufficientFundingHistoryException;
import io.hedgedesk.pricing.hedge.CoverageCheck;
import io.hedgedesk.pricing.hedge.HedgeSizer;
import io.hedgedesk.pricing.hedge.HedgeSizingException;
import io.hedgedesk.pricing.hedge.HedgeState;
import io.hedgedesk.pricing.perpetual.LiquidationDistance;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.PerpetualPricingException;
import io.hedgedesk.pricing.perpetual.Position;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Values hedges now with the pricing module: mark (tick, stored close or manual), unrealized PnL, funding expected
 * from stored rates versus recorded, fees, coverage and resize ({@link HedgeSizer#coverage}), liquidation distance,
 * close-target distances, and the dashboard's alerts. Thresholds are configuration:
 * {@code hedgedesk.hedge.stale-after} (default PT6H), {@code hedgedesk.hedge.liquidation-alert} (fraction of the
 * mark, default 0.10), {@code hedgedesk.hedge.coverage-band} (absolute drift, default 0.05).
 */
@ApplicationScoped
@Transactional
public class HedgeTracker {

  private static final MathContext MC = MathContext.DECIMAL128;

  private final HedgeBookService book;
  private final PortfolioService portfolios;
  private final FundingHistoryRepository funding;
  private final PriceHistoryRepository prices;
  private final Clock clock;
  private final Duration staleAfter;
  private final BigDecimal liquidationAlert;
  private final BigDecimal coverageBand;

  public HedgeTracker(HedgeBookService book, PortfolioService portfolios, FundingHistoryRepository funding,
                      PriceHistoryRepository prices, Clock clock,
                      @ConfigProperty(name = "hedgedesk.hedge.stale-after", defaultValue = "PT6H") Duration staleAfter,
                      @ConfigProperty(name = "hedgedesk.hedge.liquidation-alert", defaultValue = "0.10")
                      BigDecimal liquidationAlert,
                      @ConfigProperty(name = "hedgedesk.hedge.coverage-band", defaultValue = "0.05")
                      BigDecimal coverageBand) {
    this.book = book;
    this.portfolios = portfolios;
    this.funding = funding;
    this.prices = prices;
    this.clock = clock;
    this.staleAfter = staleAfter;
    this.liquidationAlert = liquidationAlert;
    this.coverageBand = coverageBand;
  }

  /** The snapshot of one hedge the user may see. */
  public HedgeSnapshot snapshot(long userId, long hedgeId) {
    return snapshot(userId, book.hedge(userId, hedgeId));
  }

  /** Snapshots of every open hedge of the user's teams (the dashboard overview); see the overload. */
  public List<HedgeSnapshot> openSnapshots(long userId) {
    return openSnapshots(userId, Map.of());
  }

  /**
   * Snapshots of every open hedge of the user's teams for the dashboard, in a fixed number of queries whatever the
   * number of hedges (hedges, insured holdings, ledger sums, ticks, closes, and the valuations the caller does not
   * pass in {@code valuations}, by portfolio id). Expected funding is not computed: the dashboard does not show
   * it (it loads the stored funding and price history of each contract); the tracking page has it.
   */
  public List<HedgeSnapshot> openSnapshots(long userId, Map<Long, PortfolioValuation> valuations) {
    List<HedgeBookService.HedgeAccess> open = book.openHedges(userId);
    if (open.isEmpty()) {
      return List.of();
    }
    Map<Long, HedgeBookService.LedgerTotals> totals = book.ledgerTotals(
        open.stream().map(a -> a.hedge().id()).toList());
    List<Optional<HedgeMark>> marks = book.marks(open);
    Map<Long, PortfolioValuation> known = new HashMap<>(valuations);
    List<HedgeSnapshot> snapshots = new ArrayList<>(open.size());
    for (int i = 0; i < open.size(); i++) {
      HedgeBookService.HedgeAccess access = open.get(i);
      long portfolioId = access.hedge().portfolioId();
      snapshots.add(snapshot(access, totals.getOrDefault(access.hedge().id(), HedgeBookService.LedgerTotals.NONE),
          marks.get(i), () -> known.computeIfAbsent(portfolioId, id -> portfolios.valuation(userId, id)),
          (markPrice, now) -> NOT_COMPUTED));
    }
    return snapshots;
  }

  private static final FundingOrNote NOT_COMPUTED =
      new FundingOrNote(Optional.empty(), "expected funding is computed on the hedge's page");

  private HedgeSnapshot snapshot(long userId, HedgeBookService.HedgeAccess access) {
    Hedge hedge = access.hedge();
    List<HedgeEvent> events = book.events(userId, hedge.id());
    HedgeBookService.LedgerTotals totals = new HedgeBookService.LedgerTotals(
        sum(events.stream().filter(e -> e.type() == HedgeEventType.FUNDING).map(HedgeEvent::cashChange).toList()),
        sum(events.stream().map(e -> e.fee().orElse(BigDecimal.ZERO)).toList()),
        sum(events.stream().map(HedgeEvent::cashChange).toList()));
    return snapshot(access, totals, book.mark(access), () -> portfolios.valuation(userId, hedge.portfolioId()),
        (markPrice, now) -> expectedFunding(hedge, access.instrument(), events, markPrice, now));
  }

  private HedgeSnapshot snapshot(HedgeBookService.HedgeAccess access, HedgeBookService.LedgerTotals totals,
                                 Optional<HedgeMark> mark, Supplier<PortfolioValuation> valuation,
                                 BiFunction<BigDecimal, Instant, FundingOrNote> expectedFunding) {
    Hedge hedge = access.hedge();
    Instrument instrument = access.instrument();
    PerpetualPricer pricer = PerpetualPricer.of(instrument);
    Instant now = clock.instant();
    BigDecimal fundingActual = totals.funding();
    BigDecimal fees = totals.fees();
    BigDecimal cash = totals.cash();
    List<String> alerts = new ArrayList<>();
    String label = instrument.id() + " " + hedge.side() + " #" + hedge.id();
    if (mark.isEmpty()) {
      alerts.add(label + ": no mark price known; enter one on the tracking page");
      return new HedgeSnapshot(access, mark, Optional.empty(), hedge.isOpen(), Optional.empty(), Optional.empty(),
          Optional.empty(), "no mark price", fundingActual, fees, cash, Optional.empty(), "no mark price",
          Optional.empty(), Optional.empty(), Optional.empty(), alerts);
    }
    BigDecimal markPrice = mark.get().price();
    boolean stale = hedge.isOpen() && mark.get().isStale(now, staleAfter);
    if (stale) {
      alerts.add(label + ": the mark is older than " + staleAfter.toHours() + " h (" + mark.get().kind() + ")");
    }
    BigDecimal settlementUsd = instrument.settlementAsset().isDollar() ? BigDecimal.ONE : markPrice;
    Optional<BigDecimal> upnl = Optional.empty();
    Optional<BigDecimal> upnlUsd = Optional.empty();
    Optional<LiquidationDistance> liquidation = Optional.empty();
    Optional<CoverageCheck> coverage = Optional.empty();
    String coverageNote = "the hedge is closed";
    Optional<BigDecimal> stopDistance = Optional.empty();
    Optional<BigDecimal> takeProfitDistance = Optional.empty();
    if (hedge.isOpen() && hedge.size().signum() > 0) {
      Position position = new Position(instrument, hedge.side(), hedge.size(), hedge.entryPrice(), hedge.leverage());
      upnl = Optional.of(pricer.pnl(position, markPrice).value());
      upnlUsd = Optional.of(pricer.pnlUsd(position, markPrice).value());
      BigDecimal extra = hedge.margin().subtract(pricer.initialMargin(position).value()).max(BigDecimal.ZERO);
      try {
        liquidation = pricer.distanceToLiquidation(position, instrument.liquidationConvention(),
            new Amount(extra, instrument.settlementAsset()), markPrice);
      } catch (PerpetualPricingException e) {
        alerts.add(label + ": " + e.getMessage());
      }
      liquidation.filter(d -> d.fraction().compareTo(liquidationAlert) < 0).ifPresent(d -> alerts.add(label
          + ": liquidation is " + percent(d.fraction()) + " away (alert below " + percent(liquidationAlert) + ")"));
      CoverageOrNote c = coverage(valuation.get(), hedge, instrument, cash, markPrice);
      coverage = c.check();
      coverageNote = c.note();
      coverage.filter(k -> k.drift().abs().compareTo(coverageBand) > 0).ifPresent(k -> alerts.add(label
          + ": coverage " + percent(k.coverage()) + " drifted outside ±" + percent(coverageBand) + " of the target "
          + percent(k.target())));
      stopDistance = hedge.stopPrice().map(level -> level.subtract(markPrice).divide(markPrice, MC));
      takeProfitDistance = hedge.takeProfitPrice().map(level -> level.subtract(markPrice).divide(markPrice, MC));
      // a short hedge stops when the price rises to the stop and takes profit when it falls to the level; a long
      // the other way round
      int adverse = hedge.side() == Side.SHORT ? 1 : -1;
      stopDistance.filter(d -> d.signum() * adverse <= 0)
          .ifPresent(d -> alerts.add(label + ": the stop level is reached"));
      takeProfitDistance.filter(d -> d.signum() * adverse >= 0)
          .ifPresent(d -> alerts.add(label + ": the take-profit level is reached"));
    }
    FundingOrNote expected = expectedFunding.apply(markPrice, now);
    BigDecimal fundingUsd = fundingActual.multiply(settlementUsd, MC);
    hedge.maxFundingCostUsd().filter(max -> fundingUsd.negate().compareTo(max) >= 0)
        .ifPresent(max -> alerts.add(label + ": funding paid reached the maximum cost of " + max.toPlainString()
            + " USD"));
    return new HedgeSnapshot(access, mark, Optional.of(mark.get().age(now)), stale, upnl, upnlUsd,
        expected.amount(), expected.note(), fundingActual, fees, cash, coverage, coverageNote, liquidation,
        stopDistance, takeProfitDistance, alerts);
  }

  private record CoverageOrNote(Optional<CoverageCheck> check, String note) {
  }

  private CoverageOrNote coverage(PortfolioValuation valuation, Hedge hedge, Instrument instrument, BigDecimal cash,
                                  BigDecimal markPrice) {
    String base = instrument.baseAsset().symbol();
    BigDecimal spotCoins = BigDecimal.ZERO;
    BigDecimal spotPrice = markPrice;
    for (ValuedHolding line : valuation.lines()) {
      Holding h = line.holding();
      if (!h.draft().assetSymbol().equals(base)) {
        continue;
      }
      if (line.quote().isPresent()) {
        spotPrice = line.quote().get().priceUsd();
      }
      if (hedge.holdingIds().isEmpty() || hedge.holdingIds().contains(h.id())) {
        spotCoins = spotCoins.add(h.draft().quantity());
      }
    }
    BigDecimal accountCoins = instrument.isInverse() ? cash.max(BigDecimal.ZERO) : BigDecimal.ZERO;
    try {
      HedgeState state = new HedgeState(instrument, spotCoins, accountCoins, hedge.size(), hedge.entryPrice(),
          spotPrice, markPrice);
      return new CoverageOrNote(Optional.of(HedgeSizer.DEFAULT.coverage(state, hedge.targetCoverage())), "");
    } catch (HedgeSizingException e) {
      return new CoverageOrNote(Optional.empty(), "no " + base + " holdings insured: " + e.getMessage());
    }
  }

  private record FundingOrNote(Optional<BigDecimal> amount, String note) {
  }

  /**
   * Expected funding from stored rates: for each stretch between trades, every settlement pays its rate (to the
   * holder) on the position value of that stretch's size at that settlement's price ({@link
   * FundingProjector#accrueCash}), over the part of the hedge's life the stored series covers. The price at a
   * settlement is the stored daily close of the base asset of the day before (USDT-quoted), or the current mark
   * where no close is stored for that time.
   */
  private FundingOrNote expectedFunding(Hedge hedge, Instrument instrument, List<HedgeEvent> events,
                                        BigDecimal markPrice, Instant now) {
    Optional<FundingRateSeries> stored = funding.series(instrument.id());
    if (stored.isEmpty() || stored.get().size() < 2) {
      return new FundingOrNote(Optional.empty(), "no stored rates for " + instrument.id());
    }
    FundingRateSeries series = stored.get();
    Instant knownFrom = series.first().time();
    Instant knownTo = series.last().time().plus(series.intervalEndingAt(series.size() - 1).orElse(Duration.ZERO));
    Instant end = hedge.closedAt().orElse(now);
    HolderSide side = hedge.side() == Side.SHORT ? HolderSide.SHORT : HolderSide.LONG;
    PerpetualPricer pricer = PerpetualPricer.of(instrument);
    Optional<PriceSeries> closes = prices.series(instrument.baseAsset().symbol());
    // The last close known at a settlement is the previous UTC day's (a day's close comes at its end); the same
    // day's close stands in when the previous one is missing; without either, the current mark.
    Function<Instant, BigDecimal> priceAt = t -> {
      java.time.LocalDate day = t.atZone(ZoneOffset.UTC).toLocalDate();
      return closes.flatMap(c -> c.closeOn(day.minusDays(1)).or(() -> c.closeOn(day))).orElse(markPrice);
    };
    BigDecimal total = BigDecimal.ZERO;
    List<HedgeEvent> trades = events.stream().filter(e -> e.type().isTrade()).toList();
    for (int i = 0; i < trades.size(); i++) {
      HedgeEvent trade = trades.get(i);
      Instant from = max(trade.occurredAt(), knownFrom);
      Instant to = min(i + 1 < trades.size() ? trades.get(i + 1).occurredAt() : end, knownTo);
      if (!from.isBefore(to) || trade.sizeAfter().signum() == 0) {
        continue;
      }
      try {
        BigDecimal size = trade.sizeAfter();
        total = total.add(FundingProjector.DEFAULT.accrueCash(series, from, to, side,
            t -> pricer.positionValue(instrument, size, priceAt.apply(t)).value()));
      } catch (InsufficientFundingHistoryException e) {
        return new FundingOrNote(Optional.empty(), "stored rates do not cover the hedge: " + e.getMessage());
      }
    }
    String note = "stored rates " + series.source() + " until " + knownTo + ", position value at each settlement's"
        + (closes.isPresent() ? " daily close" : " price (no stored closes: the current mark)");
    if (end.isAfter(knownTo)) {
      note += "; the hedge's life after " + knownTo + " has no stored rates";
    }
    return new FundingOrNote(Optional.of(total), note);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static BigDecimal sum(List<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static String percent(BigDecimal fraction) {
    return fraction.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + " %";
  }
}
