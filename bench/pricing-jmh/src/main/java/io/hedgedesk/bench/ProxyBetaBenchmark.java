package io.hedgedesk.bench;

import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.pricing.proxy.BasketBeta;
import io.hedgedesk.pricing.proxy.BasketComponent;
import io.hedgedesk.pricing.proxy.ProxyHedgeCalculator;
import io.hedgedesk.pricing.proxy.ReturnType;
import io.hedgedesk.pricing.proxy.Weighting;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * β, ρ and residual volatility of a basket of {@code assets} coins, each with {@code days} daily returns, on a hedge
 * asset: {@link ProxyHedgeCalculator#basketBeta} aligns the {@code assets + 1} close series on their dates, builds
 * the returns, estimates every component's statistics and the basket's own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ProxyBetaBenchmark {

  @Param("100")
  int assets;

  @Param("1000")
  int days;

  private List<BasketComponent> components;
  private PriceSeries hedge;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    double[] hedgeReturns = new double[days];
    for (int t = 0; t < days; t++) {
      hedgeReturns[t] = 0.03 * random.nextGaussian();
    }
    hedge = walk("BTC", hedgeReturns, 60_000);
    components = new ArrayList<>(assets);
    for (int a = 0; a < assets; a++) {
      double beta = 0.5 + random.nextDouble();
      double[] returns = new double[days];
      for (int t = 0; t < days; t++) {
        returns[t] = beta * hedgeReturns[t] + 0.02 * random.nextGaussian();
      }
      components.add(new BasketComponent(walk("C" + a, returns, 10 + a), BigDecimal.valueOf(1_000 + 37L * a)));
    }
  }

  /** Closes of a random walk in whole ten-thousandths (exact decimals, no binary doubles in the prices). */
  private static PriceSeries walk(String symbol, double[] returns, double start) {
    LocalDate day = LocalDate.of(2022, 1, 1);
    List<PricePoint> points = new ArrayList<>(returns.length + 1);
    double price = start;
    points.add(new PricePoint(day, BigDecimal.valueOf(Math.round(price * 10_000), 4)));
    for (int t = 0; t < returns.length; t++) {
      price *= 1 + returns[t];
      points.add(new PricePoint(day.plusDays(t + 1L), BigDecimal.valueOf(Math.max(1, Math.round(price * 10_000)), 4)));
    }
    return new PriceSeries(symbol, "synthetic", points);
  }

  @Benchmark
  public BasketBeta basketBeta() {
    return ProxyHedgeCalculator.DEFAULT.basketBeta(components, hedge, ReturnType.SIMPLE, Weighting.EQUAL);
  }

  @Benchmark
  public BasketBeta basketBetaEwma() {
    return ProxyHedgeCalculator.DEFAULT.basketBeta(components, hedge, ReturnType.LOG, Weighting.ewma(0.94));
  }
}
