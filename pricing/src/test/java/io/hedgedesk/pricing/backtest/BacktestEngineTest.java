package io.hedgedesk.pricing.backtest;

import static io.hedgedesk.pricing.backtest.Fixtures.AAA_USD;
import static io.hedgedesk.pricing.backtest.Fixtures.AAA_USDT;
import static io.hedgedesk.pricing.backtest.Fixtures.bd;
import static io.hedgedesk.pricing.backtest.Fixtures.closes;
import static io.hedgedesk.pricing.backtest.Fixtures.funding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hedgedesk.pricing.hedge.MarginSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The replay on small hand-worked cases; every expected number is worked out in the comments. */
class BacktestEngineTest {

    private static final BacktestEngine ENGINE = BacktestEngine.DEFAULT;

    private static BacktestPolicy perAsset(
            String coins, LegPolicy leg, Rebalancing rebalancing, Optional<BigDecimal> topUp) {
        return new BacktestPolicy(Map.of("AAA", bd(coins)), Map.of("AAA", leg), Optional.empty(), rebalancing, topUp);
    }

    private static void assertUsd(BigDecimal actual, String expected) {
        assertThat(actual.setScale(8, RoundingMode.HALF_UP)).isEqualByComparingTo(bd(expected));
    }

    /**
     * 10 AAA at 100, an inverse short at 2x with margin out of the bag, no fees, no funding.
     * Sizer: D = t·C = 10 coins, Q = D·E/FV = 1,000 contracts (N = 1,000 USD), M = D/L = 5 coins; spot left 5.
     * <pre>
     * day X    PnL = N/X − N/E          hedged = 5·X + (5 + PnL)·X       unhedged = 10·X
     * 0   100  0                        500 + 500 = 1,000                 1,000
     * 1   40   25 − 10 = 15             200 + 20·40 = 1,000               400
     * 2   200  5 − 10 = −5: M + PnL = 0 ≤ MM = N/E·0.5 % = 0.05 → liquidated (LP = E·L/(L − 1 + MMR·L) = 198.02);
     *                                   the 5 coins of margin are lost: 5·200 = 1,000            2,000
     * 3   90   unhedged from here       5·90 = 450                        900
     * </pre>
     * Drawdowns: hedged 1,000 → 450 = 55 % (550 USD); unhedged 1,000 → 400 = 60 % (600 USD; 2,000 → 900 is 55 %).
     * Hedge result 450 − 900 = −450, all price PnL (no carry); ΔU = 900 − 1,000 = −100, dollar offset −(−450)/−100 =
     * −4.5. Daily changes ΔH = 0, 0, −550 (Var = (302,500 − 550²/3)/2 = 100,833.3), ΔU = −600, 1,600, −1,100
     * (Var = (4,130,000 − 100²/3)/2 = 2,063,333.3): variance reduction 1 − 302,500/6,190,000 = 0.951131.
     */
    @Test
    void inverseShortIsDollarNeutralUntilLiquidatedThenLosesItsMarginAndNoMore() {
        BacktestMarket market = BacktestMarket.of(
                List.of(closes("AAA", "100", "40", "200", "90")), Fixtures.D0, Fixtures.D0.plusDays(3), 0, Map.of());
        BacktestResult result = ENGINE.run(
                market,
                perAsset(
                        "10",
                        new LegPolicy(AAA_USD, bd("2"), MarginSource.OUT_OF_BAG, BigDecimal.ONE),
                        Rebalancing.never(),
                        Optional.empty()));

        List<DailyPoint> path = result.path();
        assertUsd(result.capitalUsd(), "1000");
        assertUsd(path.get(0).hedgedUsd(), "1000");
        assertUsd(path.get(1).hedgedUsd(), "1000");
        assertUsd(path.get(1).unhedgedUsd(), "400");
        assertThat(path.get(1).coins().get("AAA")).isEqualByComparingTo("25");
        assertUsd(path.get(2).hedgedUsd(), "1000");
        assertUsd(path.get(3).hedgedUsd(), "450");
        assertUsd(path.get(3).unhedgedUsd(), "900");
        assertThat(result.events())
                .extracting(BacktestEvent::kind)
                .containsExactly(BacktestEvent.Kind.OPEN, BacktestEvent.Kind.LIQUIDATION);
        assertThat(result.events().get(1).date()).isEqualTo(Fixtures.D0.plusDays(2));

        BacktestMeasures m = result.measures();
        assertThat(m.liquidations()).isEqualTo(1);
        assertThat(m.drawdownHedged().fraction()).isCloseTo(0.55, within(1e-12));
        assertUsd(m.drawdownHedged().usd(), "550");
        assertThat(m.drawdownUnhedged().fraction()).isCloseTo(0.60, within(1e-12));
        assertUsd(m.drawdownUnhedged().usd(), "600");
        assertUsd(m.drawdownAvoidedUsd(), "50");
        assertUsd(m.hedgeResultUsd(), "-450");
        assertUsd(m.hedgePricePnlUsd(), "-450");
        assertUsd(m.costOfCarryUsd(), "0");
        assertThat(m.dollarOffset().getAsDouble()).isCloseTo(-4.5, within(1e-9));
        assertThat(m.varianceReduction().getAsDouble()).isCloseTo(1 - 302_500.0 / 6_190_000.0, within(1e-9));
    }

    /**
     * The same short through a rise to 180, with top-ups at half the initial margin.
     * Day 1: PnL = 1,000/180 − 10 = −40/9; balance 5 − 40/9 = 5/9 &lt; 2.5 → 40/9 coins come out of the bag (spot
     * 5 − 40/9 = 5/9), margin 85/9. Equity 5/9·180 + (85/9 − 40/9)·180 = 100 + 900 = 1,000.
     * Day 2 at 150: PnL = −10/3, balance 85/9 − 30/9 = 55/9 ≥ 2.5, no top-up; equity 5/9·150 + 55/9·150 = 1,000.
     */
    @Test
    void topUpFromTheBagKeepsTheHedgeAliveAndMovesNoValue() {
        BacktestMarket market = BacktestMarket.of(
                List.of(closes("AAA", "100", "180", "150")), Fixtures.D0, Fixtures.D0.plusDays(2), 0, Map.of());
        BacktestResult result = ENGINE.run(
                market,
                perAsset(
                        "10",
                        new LegPolicy(AAA_USD, bd("2"), MarginSource.OUT_OF_BAG, BigDecimal.ONE),
                        Rebalancing.never(),
                        Optional.of(bd("0.5"))));

        assertThat(result.measures().topUps()).isEqualTo(1);
        assertThat(result.measures().liquidations()).isZero();
        assertUsd(result.path().get(1).hedgedUsd(), "1000");
        assertUsd(result.path().get(2).hedgedUsd(), "1000");
        assertUsd(result.path().get(2).unhedgedUsd(), "1500");
        assertThat(result.events().get(1).words()).startsWith("margin topped up by 4.44444444 AAA");
    }

    /**
     * 10 AAA at 100, a linear short at 5x with stablecoin margin, taker fee 0.1 %, funding.
     * Sizer: q = 10 units; IM = 10·100/5 = 200 USDT; fee = 10·100·0.001 = 1 USDT; 201 USDT come from cash, which the
     * unhedged portfolio holds instead: capital 1,000 + 201 = 1,201.
     * <pre>
     * day X    Σ rate    funding to the short = Σ·q·X     M          PnL = q·(E − X)   hedged = 10·X + M + PnL − 1 (fee)
     * 0   100  —         —                                 200        0                 1,000 + 200 + 0 = 1,200
     * 1   110  +0.0003   +0.0003·1,100 = +0.33             200.33     −100              1,100 + 100.33 = 1,200.33
     * 2   90   −0.0002   −0.0002·900 = −0.18               200.15     +100              900 + 300.15 = 1,200.15
     * </pre>
     * (the hedged column nets cash −201 and the reserve +201). Unhedged 1,201, 1,301, 1,101. Funding +0.15, fees 1,
     * carry 0.85; hedge result 1,200.15 − 1,101 = 99.15; price PnL 99.15 − 0.15 + 1 = 100 = the short's PnL at 90;
     * dollar offset −100 / (1,101 − 1,201) = 1. A linear hedge of an unchanged bag never drifts: no resize.
     */
    @Test
    void linearShortReceivesAndPaysFundingAtTheHoldersSignAndPaysItsFee() {
        BacktestMarket market = BacktestMarket.of(
                List.of(closes("AAA", "100", "110", "90")),
                Fixtures.D0,
                Fixtures.D0.plusDays(2),
                0,
                Map.of(
                        "TEST:AAAUSDT",
                        funding(
                                "TEST:AAAUSDT",
                                "2024-01-02T08:00:00Z=0.0001",
                                "2024-01-02T16:00:00Z=0.0001",
                                "2024-01-03T00:00:00Z=0.0001",
                                "2024-01-03T08:00:00Z=-0.0001",
                                "2024-01-03T16:00:00Z=-0.0001")));
        BacktestResult result = ENGINE.run(
                market,
                perAsset(
                        "10",
                        new LegPolicy(AAA_USDT, bd("5"), MarginSource.STABLECOIN, BigDecimal.ONE),
                        Rebalancing.band(bd("0.05")),
                        Optional.empty()));

        assertThat(result.gaps()).isEmpty();
        assertUsd(result.capitalUsd(), "1201");
        assertUsd(result.path().get(0).hedgedUsd(), "1200");
        assertUsd(result.path().get(1).hedgedUsd(), "1200.33");
        assertUsd(result.path().get(2).hedgedUsd(), "1200.15");
        assertUsd(result.path().get(2).unhedgedUsd(), "1101");
        BacktestMeasures m = result.measures();
        assertUsd(m.fundingUsd(), "0.15");
        assertUsd(m.feesUsd(), "1");
        assertUsd(m.costOfCarryUsd(), "0.85");
        assertUsd(m.hedgeResultUsd(), "99.15");
        assertUsd(m.hedgePricePnlUsd(), "100");
        assertThat(m.dollarOffset().getAsDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(m.rebalances()).isZero();
        assertThat(result.path().get(2).coins()).isEmpty();
    }

    @Test
    void contractsOfTheWrongKindOrAnEmptyBagAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new LegPolicy(AAA_USDT, bd("2"), MarginSource.OUT_OF_BAG, BigDecimal.ONE))
                .isInstanceOf(BacktestException.class)
                .hasMessageContaining("stablecoins")
                .extracting(e -> ((BacktestException) e).field())
                .isEqualTo("margin.AAA");
        assertThatThrownBy(() -> new LegPolicy(AAA_USD, bd("11"), MarginSource.OUT_OF_BAG, BigDecimal.ONE))
                .isInstanceOf(BacktestException.class)
                .hasMessageContaining("(0, 10]");
        assertThatThrownBy(() ->
                        new BacktestPolicy(Map.of(), Map.of(), Optional.empty(), Rebalancing.never(), Optional.empty()))
                .isInstanceOf(BacktestException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> Rebalancing.band(bd("0"))).isInstanceOf(BacktestException.class);
        assertThatThrownBy(
                        () -> BacktestMarket.of(List.of(closes("AAA", "100")), Fixtures.D0, Fixtures.D0, 0, Map.of()))
                .isInstanceOf(BacktestException.class)
                .hasMessageContaining("fewer than two");
    }
}
