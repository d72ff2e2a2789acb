package io.hedgedesk.pricing.backtest;

import static io.hedgedesk.pricing.backtest.Fixtures.bd;
import static io.hedgedesk.pricing.backtest.Fixtures.closes;
import static io.hedgedesk.pricing.backtest.Fixtures.funding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.pricing.hedge.MarginSource;
import io.hedgedesk.pricing.testing.ContractFixtures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A proxy hedge sized by β (fixed and rolling) and the naming of funding gaps, worked by hand. */
class ProxyAndGapsTest {

    /** Linear BTC, 1 coin per unit, step 0.01, 10x, no fees, MMR 1 %. */
    private static final Instrument BTC_USDT =
            ContractFixtures.linear("TEST", "BTCUSDT", new Asset("BTC"), "0.01", "10", "0", "0.01");

    /**
     * Two days of history before the window: BTC 100, 110, 99 (returns +10 %, −10 %), AAA 100, 120, 96 (+20 %, −20 %),
     * so β = Cov/Var = 2 exactly. Bag 5 AAA at 96 = 480 USD; target 1: 2 × 480 = 960 USD of BTC at 99 = 9.6970 →
     * 9.70 units (nearest step); IM = 9.70·99/2 = 480.15 USDT from cash; capital 480 + 480.15 = 960.15.
     * Next close BTC 90, AAA 80: hedged 5·80 + 480.15 + 9.70·(99 − 90) = 400 + 567.45 = 967.45; unhedged
     * 400 + 480.15 = 880.15.
     */
    @Test
    void fixedBetaFromTheDaysBeforeSizesTheProxy() {
        BacktestResult result = run(BacktestPolicy.BetaMode.FIXED, Rebalancing.never());
        assertThat(result.beta().getAsDouble()).isCloseTo(2.0, within(1e-12));
        assertThat(result.events().get(0).words()).isEqualTo("short 9.70 BTCUSDT at 99");
        assertThat(result.capitalUsd().setScale(8, RoundingMode.HALF_UP)).isEqualByComparingTo("960.15");
        assertThat(result.path().get(1).hedgedUsd().setScale(8, RoundingMode.HALF_UP))
                .isEqualByComparingTo("967.45");
        assertThat(result.path().get(1).unhedgedUsd().setScale(8, RoundingMode.HALF_UP))
                .isEqualByComparingTo("880.15");
    }

    /**
     * Rolling β over the last 2 returns at the second close: BTC −10 %, 90/99 − 1 = −1/11; AAA −20 %, 80/96 − 1 = −1/6.
     * With two points β = ΔAAA/ΔBTC = (1/5 − 1/6)/(1/10 − 1/11) = (1/30)/(1/110) = 11/3. Target 11/3 × 5 × 80 =
     * 1,466.67 USD at 90 = 16.296 → 16.30 units: SELL 16.30 − 9.70 = 6.60 more.
     */
    @Test
    void rollingBetaResizesTheProxyEveryDay() {
        BacktestResult result = run(BacktestPolicy.BetaMode.ROLLING, Rebalancing.everyDays(1));
        assertThat(result.measures().rebalances()).isEqualTo(1);
        assertThat(result.events().get(1).words()).isEqualTo("SELL 6.60 BTCUSDT at 90");
    }

    @Test
    void aFixedBetaNeedsItsHistoryBeforeTheWindow() {
        BacktestMarket market = BacktestMarket.of(
                List.of(closes("AAA", "100", "120", "96", "80"), closes("BTC", "100", "110", "99", "90")),
                Fixtures.D0.plusDays(1),
                Fixtures.D0.plusDays(3),
                5,
                Map.of());
        assertThatThrownBy(() ->
                        BacktestEngine.DEFAULT.run(market, policy(BacktestPolicy.BetaMode.FIXED, Rebalancing.never())))
                .isInstanceOf(BacktestException.class)
                .hasMessageContaining("only 1 are stored");
    }

    /**
     * Window closes 2024-01-01 .. 2024-01-05, i.e. funding due in (2024-01-02T00:00Z, 2024-01-06T00:00Z]. The series
     * starts 2024-01-03T00:00Z (24 h late: more than 2 × its 8 h), skips 2024-01-03T16:00Z .. 2024-01-04T16:00Z
     * (24 h), and ends 2024-01-05T00:00Z (24 h early). Three gaps, named; nothing is filled: the days sum only what
     * was settled.
     */
    @Test
    void gapsAreNamedNotFilled() {
        BacktestMarket market = BacktestMarket.of(
                List.of(closes("AAA", "1", "1", "1", "1", "1")),
                Fixtures.D0,
                Fixtures.D0.plusDays(4),
                0,
                Map.of(
                        "X",
                        funding(
                                "X",
                                "2024-01-03T00:00:00Z=0.001",
                                "2024-01-03T08:00:00Z=0.002",
                                "2024-01-03T16:00:00Z=0.003",
                                "2024-01-04T16:00:00Z=0.004",
                                "2024-01-05T00:00:00Z=0.005")));
        assertThat(market.gaps())
                .containsExactly(
                        new FundingGap(
                                "X",
                                Instant.parse("2024-01-02T00:00:00Z"),
                                Instant.parse("2024-01-03T00:00:00Z"),
                                "before the series starts"),
                        new FundingGap(
                                "X",
                                Instant.parse("2024-01-03T16:00:00Z"),
                                Instant.parse("2024-01-04T16:00:00Z"),
                                "missing in the series"),
                        new FundingGap(
                                "X",
                                Instant.parse("2024-01-05T00:00:00Z"),
                                Instant.parse("2024-01-06T00:00:00Z"),
                                "after the series ends"));
        // day 1 (close 2024-01-03T00:00Z) gets 0.001; day 2 (to 01-04T00:00Z) 0.002 + 0.003; day 3 0.004 + 0.005
        assertThat(market.fundingOf("X").orElseThrow())
                .containsExactly(bd("0"), bd("0.001"), bd("0.005"), bd("0.009"), bd("0"));
        assertThat(market.gaps().get(1).words())
                .isEqualTo("X: no funding 2024-01-03T16:00:00Z .. 2024-01-04T16:00:00Z (missing in the series)");
    }

    private static BacktestResult run(BacktestPolicy.BetaMode mode, Rebalancing rebalancing) {
        BacktestMarket market = BacktestMarket.of(
                List.of(closes("AAA", "100", "120", "96", "80"), closes("BTC", "100", "110", "99", "90")),
                Fixtures.D0.plusDays(2),
                Fixtures.D0.plusDays(3),
                2,
                Map.of());
        return BacktestEngine.DEFAULT.run(market, policy(mode, rebalancing));
    }

    private static BacktestPolicy policy(BacktestPolicy.BetaMode mode, Rebalancing rebalancing) {
        LegPolicy leg = new LegPolicy(BTC_USDT, bd("2"), MarginSource.STABLECOIN, BigDecimal.ONE);
        return new BacktestPolicy(
                Map.of("AAA", bd("5")),
                Map.of(),
                Optional.of(new BacktestPolicy.ProxyPolicy(leg, mode, 2)),
                rebalancing,
                Optional.empty());
    }
}
