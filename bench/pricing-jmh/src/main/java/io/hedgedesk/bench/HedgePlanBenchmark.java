package io.hedgedesk.bench;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.pricing.hedge.HedgePlan;
import io.hedgedesk.pricing.hedge.HedgeRequest;
import io.hedgedesk.pricing.hedge.HedgeSizer;
import io.hedgedesk.pricing.hedge.MarginSource;
import java.math.BigDecimal;
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
 * Sizing a plan of {@code holdings} same-coin hedges over the whole contract catalog (inverse legs with margin out of
 * the bag or extra coin, linear legs with stablecoin margin), 2x leverage.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HedgePlanBenchmark {

  @Param("50")
  int holdings;

  private List<HedgeRequest> requests;

  @Setup
  public void setUp() {
    List<Instrument> instruments = ContractCatalog.loadDefault().all();
    SplittableRandom random = new SplittableRandom(7);
    requests = new ArrayList<>(holdings);
    for (int i = 0; i < holdings; i++) {
      Instrument instrument = instruments.get(i % instruments.size());
      BigDecimal price = BigDecimal.valueOf(1 + random.nextInt(60_000));
      BigDecimal coins = BigDecimal.valueOf(1 + random.nextInt(1_000_000), 4);
      MarginSource source = instrument.isInverse()
          ? (i % 2 == 0 ? MarginSource.OUT_OF_BAG : MarginSource.EXTRA_COIN)
          : MarginSource.STABLECOIN;
      requests.add(HedgeRequest.fullHedge(coins, price, instrument, BigDecimal.valueOf(2), source));
    }
  }

  @Benchmark
  public HedgePlan plan() {
    return HedgeSizer.DEFAULT.plan(requests);
  }
}
