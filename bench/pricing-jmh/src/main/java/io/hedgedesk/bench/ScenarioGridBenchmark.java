package io.hedgedesk.bench;

import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.pricing.perpetual.Position;
import io.hedgedesk.pricing.scenario.ProxyBasket;
import io.hedgedesk.pricing.scenario.ScenarioCalculator;
import io.hedgedesk.pricing.scenario.ScenarioGrid;
import io.hedgedesk.pricing.scenario.ScenarioInput;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A ten-row scenario grid ({@link ScenarioCalculator#DEFAULT_SHOCKS}) for an inverse hedge on a tiered,
 * mark-value-liquidation contract (Binance BTCUSD_PERP: the liquidation price walks the tiers) and for a linear
 * proxy hedge with a residual band.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScenarioGridBenchmark {

  private ScenarioInput inverse;
  private ScenarioInput proxy;

  @Setup
  public void setUp() {
    ContractCatalog catalog = ContractCatalog.loadDefault();
    BigDecimal btc = new BigDecimal("60000");
    // 20 BTC hedged with 12,000 contracts of 100 USD, 3x, margin out of the bag
    Position inverseShort = Position.of(catalog.get("BINANCE:BTCUSD_PERP"), Side.SHORT, "12000", "60000", "3");
    inverse = ScenarioInput.sameCoin(inverseShort, new BigDecimal("20"), btc, btc, new BigDecimal("0.003"));
    // 100,000 USD basket, β 1.2, proxy-hedged with 2 BTCUSDT at 5x
    Position linearShort = Position.of(catalog.get("BINANCE:BTCUSDT"), Side.SHORT, "2", "60000", "5");
    proxy = ScenarioInput.proxy(linearShort, new ProxyBasket(new BigDecimal("100000"), 1.2, 0.05, 2),
        BigDecimal.ZERO, btc, btc, new BigDecimal("0.003"));
  }

  @Benchmark
  public ScenarioGrid inverseGrid() {
    return ScenarioCalculator.DEFAULT.grid(inverse);
  }

  @Benchmark
  public ScenarioGrid proxyGrid() {
    return ScenarioCalculator.DEFAULT.grid(proxy);
  }
}
