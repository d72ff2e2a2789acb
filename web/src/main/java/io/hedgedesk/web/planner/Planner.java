package io.hedgedesk.web.planner;

import io.hedgedesk.web.view.Display;
import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.PriceQuote;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.domain.portfolio.KnownAssets;
import io.hedgedesk.domain.portfolio.PortfolioValuation;
import io.hedgedesk.domain.portfolio.ValuedHolding;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.pricing.catalog.ContractCatalog;
import io.hedgedesk.pricing.funding.HolderSide;
import io.hedgedesk.pricing.hedge.HedgeLeg;
import io.hedgedesk.pricing.hedge.HedgeSizer;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.Position;
import io.hedgedesk.pricing.proxy.BasketBeta;
import io.hedgedesk.pricing.proxy.HedgeEstimate;
import io.hedgedesk.pricing.proxy.HedgeStatistics;
import io.hedgedesk.pricing.proxy.ProxyHedgeCalculator;
import io.hedgedesk.pricing.proxy.ReturnType;
import io.hedgedesk.pricing.proxy.VarianceReduction;
import io.hedgedesk.pricing.proxy.Weighting;
import io.hedgedesk.pricing.scenario.ProxyBasket;
import io.hedgedesk.pricing.scenario.ScenarioCalculator;
import io.hedgedesk.pricing.scenario.ScenarioGrid;
import io.hedgedesk.pricing.scenario.ScenarioInput;
import io.hedgedesk.pricing.scenario.ScenarioRow;
import io.hedgedesk.pricing.valuation.PortfolioHedges;
import io.hedgedesk.web.api.BadInputException;
import io.hedgedesk.web.hedge.book.HedgeTracker;
import io.hedgedesk.web.api.Inputs;
import io.hedgedesk.web.calculator.BetaCalculator;
import io.hedgedesk.web.calculator.FundingCalculator;
import io.hedgedesk.web.calculator.HedgeCalculator;
import io.hedgedesk.web.calculator.HedgeForm;
import io.hedgedesk.web.calculator.HistoryApiResource;
import io.hedgedesk.web.calculator.PositionCalculator;
import io.hedgedesk.web.calculator.PositionForm;
import io.hedgedesk.web.calculator.PositionReport;
import io.hedgedesk.web.calculator.ScenarioView;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds the hedge planner page from the query: binds and checks the inputs (through {@link HedgeCalculator},
 * {@link PositionCalculator}, {@link BetaCalculator} and {@link FundingCalculator}, which call the pricing module for
 * every number) and collects what cannot be planned as messages.
 */
@ApplicationScoped
public class Planner {

  static final String DEFAULT_LEVERAGE = "2";

  /** The coins a basket can be hedged with by proxy. */
  public static final Set<String> PROXY_COINS = Set.of("BTC", "ETH");

  private final PortfolioService portfolios;
  private final ContractCatalog catalog;
  private final HedgeCalculator hedges;
  private final PositionCalculator positions;
  private final FundingCalculator funding;
  private final BetaCalculator betas;
  private final HedgeTracker tracker;

  public Planner(PortfolioService portfolios, ContractCatalog catalog, HedgeCalculator hedges,
      PositionCalculator positions, FundingCalculator funding, BetaCalculator betas, HedgeTracker tracker) {
    this.tracker = tracker;
    this.portfolios = portfolios;
    this.catalog = catalog;
    this.hedges = hedges;
    this.positions = positions;
    this.funding = funding;
    this.betas = betas;
  }

  /** The query: a field's first value ("" when absent) and all its values. */
  public record Query(Map<String, List<String>> values) {

    String get(String field) {
      List<String> all = values.get(field);
      return all == null || all.isEmpty() ? "" : all.get(0);
    }

    List<String> all(String field) {
      return values.getOrDefault(field, List.of());
    }
  }

  /** An asset of the selection: its coins, price and USD value (price empty when unknown). */
  record Bag(String asset, BigDecimal coins, Optional<BigDecimal> price, String priceNote) {

    Optional<BigDecimal> valueUsd() {
      return price.map(p -> p.multiply(coins, MathContext.DECIMAL128));
    }
  }

  public PlanPage plan(long userId, long portfolioId, Map<String, List<String>> query) {
    Query q = new Query(query);
    PortfolioAccess access = portfolios.access(userId, portfolioId);
    PortfolioValuation valuation = portfolios.valuation(userId, portfolioId);
    PortfolioHedges open = tracker.openOf(userId, portfolioId);
    List<String> picked = q.all("holding");
    List<PlanPage.HoldingChoice> choices = new ArrayList<>();
    Map<String, Bag> bags = new TreeMap<>();
    for (ValuedHolding line : valuation.lines()) {
      long id = line.holding().id();
      boolean selected = picked.isEmpty() || picked.contains(String.valueOf(id));
      String asset = line.holding().draft().assetSymbol();
      choices.add(new PlanPage.HoldingChoice(id, asset, line.holding().draft().quantity(),
          line.holding().draft().venue(), line.valueUsd().map(Display::cents), selected));
      if (!selected) {
        continue;
      }
      Optional<BigDecimal> price = line.quote().map(quote -> quote.priceUsd());
      String note = line.quote().map(quote -> quote.source() + " as of "
          + quote.asOf().atZone(ZoneOffset.UTC).toLocalDate()).orElse("no price known");
      Bag before = bags.get(asset);
      BigDecimal coins = line.holding().draft().quantity().add(before == null ? BigDecimal.ZERO : before.coins());
      bags.put(asset, new Bag(asset, coins, price, note));
    }

    Map<String, String> errors = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    int horizon = field(errors, "horizonDays", 30, () -> FundingCalculator.horizonDays(q.get("horizonDays")));
    List<PlanPage.AssetInput> inputs = new ArrayList<>();
    List<PlanPage.AssetLeg> legs = new ArrayList<>();
    FundingCalculator.StoredSeries stored = funding.storedSeries();
    for (Bag bag : bags.values()) {
      if (KnownAssets.STABLECOINS.contains(bag.asset())) {
        notes.add(bag.asset() + " is a stablecoin: it needs no hedge and is left out of both plans.");
        continue;
      }
      List<String> contracts = catalog.forBaseAsset(Asset.of(bag.asset())).stream()
          .map(Instrument::id).toList();
      String contract = or(q.get("contract." + bag.asset()), contracts.isEmpty() ? "" : contracts.get(0));
      boolean whole = "true".equals(q.get("whole." + bag.asset()));
      OpenShare share = OpenShare.of(open, bag.asset());
      PlanPage.AssetInput input = new PlanPage.AssetInput(bag.asset(), contract,
          or(q.get("leverage." + bag.asset()), DEFAULT_LEVERAGE), or(q.get("margin." + bag.asset()), "OUT_OF_BAG"),
          or(q.get("coverage." + bag.asset()), "100"), contracts, share.words(), whole);
      inputs.add(input);
      Optional<BigDecimal> left = whole ? Optional.empty() : share.coinsLeft(input.coverageFraction());
      if (left.isPresent() && left.get().signum() <= 0) {
        legs.add(problem(bag, "Already insured by open hedges (" + share.words() + "): nothing is left to hedge at "
            + "this target. Tick \"plan the whole bag\" to plan it anyway."));
      } else {
        Bag planned = left.map(c -> new Bag(bag.asset(), c.min(bag.coins()), bag.price(), bag.priceNote()))
            .orElse(bag);
        legs.add(leg(planned, input, horizon, q, errors, stored));
      }
    }

    String proxyAsset = or(q.get("proxyAsset"), "BTC").toUpperCase(Locale.ROOT);
    String proxyContract = or(q.get("proxyContract"), proxyAsset.equals("ETH") ? "BYBIT:ETHUSD" : "BYBIT:BTCUSD");
    PlanPage.PlanForm form = new PlanPage.PlanForm(String.valueOf(horizon), or(q.get("windowDays"), "365"),
        q.get("from"), q.get("to"), or(q.get("returnType"), "SIMPLE"), or(q.get("weighting"), "EQUAL"), proxyAsset,
        proxyContract, or(q.get("proxyLeverage"), DEFAULT_LEVERAGE), inputs);
    Optional<PlanPage.ProxyPlan> proxy = Optional.empty();
    Optional<String> proxyProblem = Optional.empty();
    List<Bag> basket = bags.values().stream()
        .filter(b -> !KnownAssets.STABLECOINS.contains(b.asset()) && b.price().isPresent())
        .map(b -> OpenShare.of(open, b.asset()).unhedged(b)).filter(b -> b.coins().signum() > 0).toList();
    Optional<String> openProxy = OpenShare.proxyWords(open);
    if (openProxy.isPresent() && !"true".equals(q.get("wholeProxy"))) {
      proxyProblem = Optional.of("A proxy hedge is already open on this portfolio (" + openProxy.get() + "): resize it "
          + "from its page rather than adding a second one.");
    } else if (basket.isEmpty()) {
      proxyProblem = Optional.of("Select at least one priced, non-stablecoin holding that is not already hedged to "
          + "plan a proxy hedge.");
    } else {
      try {
        proxy = Optional.of(proxy(basket, form, horizon, q, stored,
            portfolios.prices(access.portfolio().teamId(), Set.of(form.proxyAsset()))));
      } catch (BadInputException e) {
        errors.put(e.field().equals("leverage") ? "proxyLeverage" : e.field(), e.getMessage());
        proxyProblem = Optional.of(e.getMessage());
      } catch (IllegalArgumentException e) {
        if (!e.getClass().getName().startsWith("io.hedgedesk.")) {
          throw e;
        }
        proxyProblem = Optional.of(e.getMessage());
      }
    }
    List<String> allContracts = catalog.all().stream().map(Instrument::id).toList();
    return new PlanPage(access, choices, form, legs, proxy, proxyProblem, notes, errors, allContracts);
  }

  private PlanPage.AssetLeg leg(Bag bag, PlanPage.AssetInput input, int horizon, Query q,
      Map<String, String> errors, FundingCalculator.StoredSeries stored) {
    if (bag.price().isEmpty()) {
      return problem(bag, "No price is known for " + bag.asset() + ": enter one on the portfolio page.");
    }
    if (input.contracts().isEmpty()) {
      return problem(bag, "The contract catalog has no " + bag.asset() + " perpetual: a 1:1 hedge is impossible;"
          + " see the proxy hedge.");
    }
    BigDecimal spot = bag.price().get();
    try {
      HedgeForm sizing = form(bag, input, spot, BigDecimal.ZERO);
      HedgeLeg leg = HedgeSizer.DEFAULT.size(hedges.request(sizing));
      Instrument instrument = leg.request().instrument();
      BigDecimal size = leg.order().size();
      if (size.signum() == 0) {
        return problem(bag, "The bag is smaller than one " + instrument.id() + " contract: nothing to trade.");
      }
      PositionReport position = positions.analyze(new PositionForm(instrument.id(), "SHORT", size.toPlainString(),
          spot.toPlainString(), input.leverage(), null, null, null));
      FundingCalculator.SeriesChoice choice = funding.seriesFor(instrument, stored);
      Optional<FundingCalculator.Projected> projected = Optional.empty();
      Optional<SvgChart> history = Optional.empty();
      if (choice.seriesId().isPresent()) {
        FundingRateSeries series = funding.series("contract." + bag.asset(), choice.seriesId().get());
        LocalDate[] window = fundingWindow(series, q);
        BigDecimal value = PerpetualPricer.of(instrument).positionValue(instrument, size, spot).value();
        BigDecimal settlementUsd = instrument.settlementAsset().isDollar() ? BigDecimal.ONE : spot;
        projected = Optional.of(funding.projected(series, window[0], window[1], horizon, Side.SHORT, value,
            settlementUsd, instrument.settlementAsset().symbol(), choice.note()));
        history = Optional.of(fundingChart(series, window[0], window[1]));
      }
      BigDecimal rateSum = projected.map(p -> p.projection().statistics()
          .expectedRateSumToHolder(Duration.ofDays(horizon), HolderSide.SHORT)).orElse(BigDecimal.ZERO);
      HedgeCalculator.Stressed stressed = hedges.stress(form(bag, input, spot, rateSum));
      return new PlanPage.AssetLeg(bag.asset(), bag.coins(), bag.price(), bag.priceNote(),
          Optional.of(new PlanPage.LegResult(stressed.hedge(), position,
              projected.map(FundingCalculator.Projected::view), choice.note(), stressed.scenarios(),
              payoff(stressed.scenarios()), history)),
          Optional.empty());
    } catch (BadInputException e) {
      String field = e.field().equals("marginSource") ? "margin" : e.field().equals("targetCoverage") ? "coverage"
          : e.field();
      errors.put(field + "." + bag.asset(), e.getMessage());
      return problem(bag, e.getMessage());
    } catch (IllegalArgumentException e) {
      if (!e.getClass().getName().startsWith("io.hedgedesk.")) {
        throw e;
      }
      return problem(bag, e.getMessage());
    }
  }

  /**
   * The sizing form of a leg: the opening order is a market order, so the plan accounts its fee at the contract's
   * taker rate (on an inverse contract that fee is coin leaving the bag, which the tracker counts the same way).
   */
  private HedgeForm form(Bag bag, PlanPage.AssetInput input, BigDecimal spot, BigDecimal rateSum) {
    String feeRate = catalog.find(input.contract().strip()).map(i -> i.takerFeeRate().toPlainString()).orElse("");
    // The form takes at most 12 decimals; a rate sum rounded there moves funding cash by under 1e-12 of the value.
    return new HedgeForm(input.contract(), bag.coins().toPlainString(), spot.toPlainString(), "", input.leverage(),
        input.marginSource(), input.coverageFraction(), Display.rounded(rateSum, 12).toPlainString(),
        List.of(), feeRate);
  }

  private static PlanPage.AssetLeg problem(Bag bag, String message) {
    return new PlanPage.AssetLeg(bag.asset(), bag.coins(), bag.price(), bag.priceNote(), Optional.empty(),
        Optional.of(message));
  }

  /**
   * The funding history window: the custom dates when given, else the last {@code windowDays} days of the stored
   * series (funding histories end on their own dates, often before the price history).
   */
  private static LocalDate[] fundingWindow(FundingRateSeries series, Query q) {
    LocalDate last = series.last().time().atZone(ZoneOffset.UTC).toLocalDate();
    if (!Inputs.isBlank(q.get("from"))) {
      LocalDate to = Inputs.isBlank(q.get("to")) ? last : BetaCalculator.date("to", q.get("to"));
      return new LocalDate[] {BetaCalculator.date("from", q.get("from")), to};
    }
    int days = Inputs.wholeNumber("windowDays", q.get("windowDays"), 2, 5000, 365);
    return new LocalDate[] {last.minusDays(days - 1L), last};
  }

  private PlanPage.ProxyPlan proxy(List<Bag> basket, PlanPage.PlanForm form, int horizon, Query q,
      FundingCalculator.StoredSeries stored, Map<String, PriceQuote> teamPrices) {
    String hedgeAsset = form.proxyAsset();
    if (!PROXY_COINS.contains(hedgeAsset)) {
      throw new BadInputException("proxyAsset", "proxyAsset must be BTC or ETH, was \""
          + hedgeAsset.replaceAll("\\p{Cntrl}", "?") + "\"");
    }
    Instrument instrument = positions.contract("proxyContract", form.proxyContract());
    if (!instrument.baseAsset().symbol().equals(hedgeAsset)) {
      throw new BadInputException("proxyContract", "proxyContract " + instrument.id() + " tracks "
          + instrument.baseAsset().symbol() + ", not the hedge asset " + hedgeAsset);
    }
    PriceSeries hedge = betas.history("proxyAsset", hedgeAsset);
    BetaCalculator.Window window = betas.window(form.windowDays(), form.from(), form.to(), hedge);
    ReturnType returnType = Inputs.choice("returnType", form.returnType(), ReturnType.class, ReturnType.SIMPLE);
    Weighting weighting = BetaCalculator.weighting(form.weighting(), q.get("lambda"));
    List<BetaCalculator.Member> members = basket.stream()
        .map(b -> new BetaCalculator.Member(b.asset(), b.valueUsd().orElseThrow())).toList();
    BasketBeta beta = betas.basketBeta(hedgeAsset, hedge, members, window, returnType, weighting, "holding");
    double h = beta.seriesBeta();
    // the hedge coin's price as the team values it (one price per coin): the hedge is recorded at it and tracked at it
    Optional<PriceQuote> book = Optional.ofNullable(teamPrices.get(hedgeAsset));
    BigDecimal price = book.map(PriceQuote::priceUsd).orElse(hedge.last().close());
    LocalDate priceDate = book.map(b -> b.asOf().atZone(ZoneOffset.UTC).toLocalDate()).orElse(hedge.last().date());
    BigDecimal contracts = BetaCalculator.contracts(h, beta.basketValue(), instrument, price);
    if (contracts.signum() == 0) {
      throw new BadInputException("holding", "β × basket value is less than one " + instrument.id()
          + " contract: nothing to trade");
    }
    Side side = h >= 0 ? Side.SHORT : Side.LONG;
    BigDecimal leverage = Inputs.positive("proxyLeverage", form.proxyLeverage());
    if (leverage.compareTo(instrument.maxLeverage()) > 0) {
      throw new BadInputException("proxyLeverage", "leverage " + leverage.toPlainString() + " is above the maximum "
          + instrument.maxLeverage().toPlainString() + "x of " + instrument.id());
    }
    PositionReport position = positions.analyze(new PositionForm(instrument.id(), side.name(),
        contracts.toPlainString(), price.toPlainString(), form.proxyLeverage(), null, null, null));
    PerpetualPricer pricer = PerpetualPricer.of(instrument);
    Position hedgePosition = new Position(instrument, side, contracts, price, leverage);
    BigDecimal notionalCoins = pricer.coinNotional(instrument, contracts, price).value();
    BigDecimal notionalUsd = pricer.usdNotional(instrument, contracts, price).value();
    BigDecimal marginCoins = instrument.isInverse() ? pricer.initialMargin(hedgePosition).value() : BigDecimal.ZERO;
    String marginWords = instrument.isInverse()
        ? "The margin of an inverse contract is " + hedgeAsset + " you deposit: " + Display.amount(marginCoins, hedgeAsset) + ". That coin is long " + hedgeAsset
            + " exposure the basket did not have; the scenarios include it."
        : "The margin is USDT you add: it carries no coin exposure, but it is fresh capital.";

    FundingCalculator.SeriesChoice choice = funding.seriesFor(instrument, stored);
    Optional<FundingCalculator.Projected> projected = Optional.empty();
    Optional<SvgChart> fundingHistory = Optional.empty();
    if (choice.seriesId().isPresent()) {
      FundingRateSeries series = funding.series("proxyContract", choice.seriesId().get());
      LocalDate[] fw = fundingWindow(series, q);
      BigDecimal settlementUsd = instrument.settlementAsset().isDollar() ? BigDecimal.ONE : price;
      projected = Optional.of(funding.projected(series, fw[0], fw[1], horizon, side,
          pricer.positionValue(instrument, contracts, price).value(), settlementUsd,
          instrument.settlementAsset().symbol(), choice.note()));
      fundingHistory = Optional.of(fundingChart(series, fw[0], fw[1]));
    }
    BigDecimal rateSum = projected.map(p -> p.projection().statistics()
        .expectedRateSumToHolder(Duration.ofDays(horizon), HolderSide.valueOf(side.name()))).orElse(BigDecimal.ZERO);

    HedgeStatistics stats = beta.basket().statistics();
    VarianceReduction reduction = ProxyHedgeCalculator.DEFAULT.inSampleVarianceReduction(beta.basketReturns(),
        beta.hedgeReturns(), weighting);
    double horizonResidual = stats.residualVolatility() * Math.sqrt(horizon);
    ScenarioInput input = ScenarioInput.proxy(hedgePosition, new ProxyBasket(beta.basketValue(), h,
        horizonResidual, 1), marginCoins, price, price, rateSum);
    ScenarioGrid grid = ScenarioCalculator.DEFAULT.grid(input);
    List<PlanPage.ProxyRow> rows = grid.rows().stream().map(r -> proxyRow(instrument, r)).toList();
    BigDecimal residualRisk = Display.cents(BigDecimal.valueOf(stats.annualizedResidualVolatility())
        .multiply(beta.basketValue(), MathContext.DECIMAL128));
    String order = Display.order(side == Side.SHORT ? "SELL" : "BUY", contracts, instrument);
    List<SvgChart.Series> payoff = List.of(
        series("Basket", "spot", rows, PlanPage.ProxyRow::hedgePrice,
            r -> r.basketPnlUsd().add(r.marginCoinPnlUsd())),
        series("Hedge", "hedge", rows, PlanPage.ProxyRow::hedgePrice, PlanPage.ProxyRow::hedgePnlUsd),
        series("Net", "net", rows, PlanPage.ProxyRow::hedgePrice, PlanPage.ProxyRow::netPnlUsd));
    return new PlanPage.ProxyPlan(BetaCalculator.BetaView.of(hedgeAsset, beta, returnType, weighting),
        instrument.id(), order, contracts, HistoryApiResource.plain(price), priceDate,
        Display.satoshis(notionalCoins), Display.cents(notionalUsd), marginWords, position,
        projected.map(FundingCalculator.Projected::view), choice.note(),
        Display.percentPoints(reduction.reduction()),
        reduction.label(), residualRisk, rows,
        SvgChart.of("Payoff in USD across " + hedgeAsset + " prices", payoff, SvgChart.fitted(), SvgChart.fitted()),
        betaChart(beta, weighting), fundingHistory);
  }

  private static PlanPage.ProxyRow proxyRow(Instrument instrument, ScenarioRow r) {
    return new PlanPage.ProxyRow(Display.percentPoints(r.shock()),
        Display.atTick(r.markPrice(), instrument),
        usd(r.basketPnlUsd()), usd(r.spotPnlUsd()), usd(r.hedgePnlUsd()), usd(r.fundingUsd()), usd(r.feesUsd()),
        usd(r.netPnlUsd()), usd(r.netLowUsd()), usd(r.netHighUsd()),
        Display.satoshis(r.marginBalance().value()), r.liquidated(),
        ScenarioView.liquidationWords(instrument, r));
  }

  private static BigDecimal usd(BigDecimal value) {
    return Display.cents(value);
  }

  /** A chart series of scenario rows: x = the row's price, y = one of its USD columns. */
  private static <T> SvgChart.Series series(String name, String css, List<T> rows, Function<T, BigDecimal> x,
      Function<T, BigDecimal> y) {
    List<double[]> values = new ArrayList<>();
    for (T row : rows) {
      values.add(new double[] {x.apply(row).doubleValue(), y.apply(row).doubleValue()});
    }
    return new SvgChart.Series(name, css, values);
  }

  /** Spot, hedge and net PnL in USD across the scenario prices. */
  static SvgChart payoff(ScenarioView view) {
    return SvgChart.of("Payoff in USD across prices", List.of(
        series("Spot", "spot", view.rows(), ScenarioView.Row::spotPrice, ScenarioView.Row::spotPnlUsd),
        series("Hedge", "hedge", view.rows(), ScenarioView.Row::spotPrice, ScenarioView.Row::hedgePnlUsd),
        series("Net", "net", view.rows(), ScenarioView.Row::spotPrice, ScenarioView.Row::netPnlUsd)),
        SvgChart.fitted(), SvgChart.fitted());
  }

  /** β over rolling 30-return windows (or half the history when shorter), x in days since the epoch. */
  static Optional<SvgChart> betaChart(BasketBeta beta, Weighting weighting) {
    int n = beta.basketReturns().size();
    int window = Math.min(30, n / 2);
    if (window < 2) {
      return Optional.empty();
    }
    List<double[]> values = new ArrayList<>();
    for (HedgeEstimate e : ProxyHedgeCalculator.DEFAULT.rolling(beta.basketReturns(), beta.hedgeReturns(), window,
        weighting)) {
      values.add(new double[] {e.lastReturnDate().toEpochDay(), e.beta()});
    }
    return Optional.of(SvgChart.of("β over rolling " + window + "-day windows",
        List.of(new SvgChart.Series("β", "beta", values)), (day, step) -> dayLabel(day), SvgChart.decimals(2)));
  }

  /** Funding per day (sum of the day's rates, percent) over the window. */
  public static SvgChart fundingChart(FundingRateSeries series, LocalDate from, LocalDate to) {
    TreeMap<Long, BigDecimal> daily = dailyFunding(series, from, to);
    List<double[]> values = new ArrayList<>();
    daily.forEach((day, sum) -> values.add(new double[] {day, sum.movePointRight(2).doubleValue()}));
    return SvgChart.of("Funding per day, % of position value (" + series.contractId() + ")",
        List.of(new SvgChart.Series("funding", "funding", values)), (day, step) -> dayLabel(day), SvgChart.decimals(3));
  }

  /** The sum of each UTC day's funding rates, by epoch day, for the days {@code from..to} (both inclusive). */
  static TreeMap<Long, BigDecimal> dailyFunding(FundingRateSeries series, LocalDate from, LocalDate to) {
    TreeMap<Long, BigDecimal> daily = new TreeMap<>();
    long first = from.toEpochDay();
    long last = to.toEpochDay();
    for (FundingRate rate : series.rates()) {
      // the UTC day by arithmetic: a ZonedDateTime per settlement of the whole history was ~40 % of the page
      long day = Math.floorDiv(rate.time().getEpochSecond(), 86_400L);
      if (day >= first && day <= last) {
        daily.merge(day, rate.rate(), BigDecimal::add);
      }
    }
    return daily;
  }

  static String dayLabel(double epochDay) {
    return LocalDate.ofEpochDay(Math.round(epochDay)).toString();
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private interface Binder {
    int bind();
  }

  private static int field(Map<String, String> errors, String name, int fallback, Binder binder) {
    try {
      return binder.bind();
    } catch (BadInputException e) {
      errors.put(name, e.getMessage());
      return fallback;
    }
  }
}
