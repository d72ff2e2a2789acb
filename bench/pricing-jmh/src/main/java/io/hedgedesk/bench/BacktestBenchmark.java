package io.hedgedesk.bench;

import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.pricing.backtest.BacktestEngine;
import io.hedgedesk.pricing.backtest.BacktestMarket;
import io.hedgedesk.pricing.backtest.BacktestPolicy;
import io.hedgedesk.pricing.backtest.BacktestResult;
import io.hedgedesk.pricing.backtest.LegPolicy;
import io.hedgedesk.pricing.backtest.Rebalancing;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.pricing.hedge.MarginSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A backtest of a bag of {@code assets} coins over {@code days} daily closes (synthetic random walks, 4 % daily
 * volatility) with funding every 8 hours on every contract: per-asset hedges, even coins on an inverse contract
 * shaped like Binance ADAUSD_PERP (10 USD face, tiered, mark-value liquidation), odd coins on a linear one shaped like
 * Binance BTCUSDT, 3x, a 2 % drift band and top-ups at half the initial margin; and the same bag proxy-hedged with
 * BTC on a rolling 90-day β and a 5 % band. {@code market} builds the aligned market and the funding day sums too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BacktestBenchmark {

  @Param("20")
  int assets;

  @Param("1826")
  int days;

  private List<PriceSeries> prices;
  private Map<String, FundingRateSeries> funding;
  private BacktestMarket market;
  private BacktestPolicy perAsset;
  private BacktestPolicy proxy;
  private LocalDate from;
  private LocalDate to;

  @Setup
  public void setUp() {
    ContractCatalog catalog = ContractCatalog.loadDefault();
    Instrument inverse = catalog.get("BINANCE:ADAUSD_PERP");
    Instrument linear = catalog.get("BINANCE:BTCUSDT");
    SplittableRandom random = new SplittableRandom(26);
    from = LocalDate.of(2020, 1, 1);
    to = from.plusDays(days - 1L);
    prices = new ArrayList<>();
    funding = new HashMap<>();
    Map<String, BigDecimal> holdings = new HashMap<>();
    Map<String, LegPolicy> legs = new HashMap<>();
    for (int a = 0; a <= assets; a++) {
      String coin = a == assets ? "BTC" : "C" + a;
      prices.add(walk(coin, random, 5 + 40.0 * a));
      if (a == assets) {
        break;
      }
      Instrument shape = a % 2 == 0 ? inverse : linear;
      Asset asset = Asset.of(coin);
      Instrument contract = new Instrument("BENCH:" + coin + (shape.isInverse() ? "USD" : "USDT"), "BENCH",
          coin + (shape.isInverse() ? "USD" : "USDT"), shape.type(), asset, shape.quoteAsset(),
          shape.isInverse() ? asset : shape.settlementAsset(), shape.contractSize(), shape.quantityStep(),
          shape.tickSize(), shape.fundingInterval(), shape.maxLeverage(), shape.makerFeeRate(), shape.takerFeeRate(),
          shape.liquidationConvention(), shape.tierMeasure(), shape.maintenanceTiers(), "benchmark");
      funding.put(contract.id(), rates(contract.id(), random));
      holdings.put(coin, BigDecimal.valueOf(1_000 + 37L * a));
      legs.put(coin, new LegPolicy(contract, BigDecimal.valueOf(3),
          shape.isInverse() ? MarginSource.OUT_OF_BAG : MarginSource.STABLECOIN, BigDecimal.ONE));
    }
    funding.put("BINANCE:BTCUSDT", rates("BINANCE:BTCUSDT", random));
    perAsset = new BacktestPolicy(holdings, legs, Optional.empty(), Rebalancing.band(new BigDecimal("0.02")),
        Optional.of(new BigDecimal("0.5")));
    proxy = new BacktestPolicy(holdings, Map.of(), Optional.of(new BacktestPolicy.ProxyPolicy(
        new LegPolicy(linear, BigDecimal.valueOf(3), MarginSource.STABLECOIN, BigDecimal.ONE),
        BacktestPolicy.BetaMode.ROLLING, 90)), Rebalancing.band(new BigDecimal("0.05")),
        Optional.of(new BigDecimal("0.5")));
    market = BacktestMarket.of(prices, from.plusDays(90), to, 90, funding);
  }

  @Benchmark
  public BacktestResult perAssetBanded() {
    return BacktestEngine.DEFAULT.run(market, perAsset);
  }

  @Benchmark
  public BacktestResult perAssetBandedWithMarket() {
    return BacktestEngine.DEFAULT.run(BacktestMarket.of(prices, from.plusDays(90), to, 90, funding), perAsset);
  }

  @Benchmark
  public BacktestResult proxyRollingBanded() {
    return BacktestEngine.DEFAULT.run(market, proxy);
  }

  private PriceSeries walk(String coin, SplittableRandom random, double start) {
    List<PricePoint> points = new ArrayList<>(days);
    double price = start;
    for (int t = 0; t < days; t++) {
      price *= Math.exp(0.04 * random.nextGaussian());
      points.add(new PricePoint(from.plusDays(t), BigDecimal.valueOf(price).setScale(4, java.math.RoundingMode.HALF_UP)));
    }
    return new PriceSeries(coin, "random walk", points);
  }

  private FundingRateSeries rates(String contract, SplittableRandom random) {
    List<FundingRate> rates = new ArrayList<>(days * 3);
    for (int t = 0; t < days * 3; t++) {
      double rate = 0.0001 + 0.0002 * random.nextGaussian();
      rates.add(new FundingRate(from.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(8 * 3600L * (t + 1)),
          BigDecimal.valueOf(Math.round(rate * 1e6), 6)));
    }
    return new FundingRateSeries(contract, "benchmark", rates);
  }
}
