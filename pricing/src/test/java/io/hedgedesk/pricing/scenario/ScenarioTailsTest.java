package io.hedgedesk.pricing.scenario;

import static io.hedgedesk.pricing.testing.ContractFixtures.BINANCE_BTCUSDT;
import static io.hedgedesk.pricing.testing.ContractFixtures.BYBIT_ETHUSD;
import static io.hedgedesk.pricing.testing.ContractFixtures.BYBIT_ETHUSDT;
import static io.hedgedesk.pricing.testing.ContractFixtures.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.Position;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tails of scenario tables (domain.md §7): no price below zero, no basket losing more than its value, a liquidated
 * hedge losing its margin and no more, no negative margin balance. Expected numbers are worked out in the comments.
 */
class ScenarioTailsTest {

    private static final ScenarioCalculator CALCULATOR = ScenarioCalculator.DEFAULT;

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** {@code coins} of the hedge's coin held, spot and mark at the hedge's entry, shocked by {@code shock}. */
    private static ScenarioRow sameCoinRow(Position hedge, String coins, String fundingRateSum, String shock) {
        return CALCULATOR.row(
                ScenarioInput.sameCoin(hedge, d(coins), hedge.entryPrice(), hedge.entryPrice(), d(fundingRateSum)),
                d(shock));
    }

    @Test
    void aBasketNeverLosesMoreThanItsValue() {
        // The reported case: 91,108 USD at β 1.6, the hedge asset −80 %. Linear β·s: 91,108 × 1.6 × −0.8 = −116,618.24,
        // more than the basket is worth. (1 + s)^β − 1: 0.2^1.6 = (0.2^8)^(1/5) = 0.00000256^(1/5) = 0.07614616
        // (0.07614616^5 = 2.5600e-6), so the move is −0.92385384 and the PnL 91,108 × −0.92385384 = −84,170.48.
        ProxyBasket basket = new ProxyBasket(d("91108"), 1.6, 0, 0);
        BigDecimal move = basket.move(d("-0.8"));
        assertThat(move).isCloseTo(d("-0.923853842451365"), within(d("1e-15")));
        BigDecimal price = BigDecimal.ONE.add(move);
        assertThat(price.pow(5, MathContext.DECIMAL128)).isCloseTo(d("0.2").pow(8), within(d("1e-19")));
        assertThat(basket.pnlUsd(d("-0.8"))).isCloseTo(d("-84170.48"), within(d("0.01")));

        // β 1 is the shock itself, β 0 no move; small shocks move by about β·s: 1.01^1.6 − 1 = e^x − 1 with
        // x = 1.6 × ln 1.01 = 1.6 × 0.00995033 = 0.01592053, so x + x²/2 + x³/6 = 0.01592053 + 0.00012673 + 0.00000067
        // = 0.0160479 ≈ 1.6 × 0.01
        ProxyBasket one = new ProxyBasket(d("1000"), 1, 0, 0);
        assertThat(one.pnlUsd(d("-0.2"))).isEqualByComparingTo("-200");
        assertThat(one.pnlUsd(d("0.1"))).isEqualByComparingTo("100");
        assertThat(new ProxyBasket(d("1000"), 0, 0, 0).pnlUsd(d("-0.5"))).isZero();
        assertThat(basket.move(d("0.01"))).isCloseTo(d("0.0160479"), within(d("1e-7")));

        // Extreme β and shocks stay above −value: β 10 at −99.99 % moves by 1e-40 − 1; β −3 at −50 % multiplies by 8.
        for (double beta : new double[] {-3, -0.5, 0.3, 1.6, 3, 10}) {
            ProxyBasket b = new ProxyBasket(d("50000"), beta, 0, 0);
            for (String shock : List.of("-0.9999", "-0.8", "-0.5", "0", "0.5", "1", "3")) {
                assertThat(b.pnlUsd(d(shock))).as("β %s, shock %s", beta, shock).isGreaterThanOrEqualTo(d("-50000"));
            }
        }
        assertThat(new ProxyBasket(d("50000"), -3, 0, 0).pnlUsd(d("-0.5"))).isEqualByComparingTo("350000");
        assertThatThrownBy(() -> basket.move(d("-1")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("shock must be above -1");
    }

    @Test
    void theResidualBandBelowStopsAtTheBasketsValue() {
        // Basket 10,000 at β 1 with a band of 3 × 40 % = ±12,000, hedged by 0.2 BTCUSDT short at 50,000 (10,000), 1x.
        // At −80 %: basket −8,000, 2,000 left, so the band below is 2,000, not 12,000; the band above stays 12,000.
        // Hedge 0.2 × 40,000 = +8,000; fees 0.05 % × (10,000 + 2,000) = 6; net −6.
        Position hedge = Position.of(BINANCE_BTCUSDT, Side.SHORT, "0.2", "50000", "1");
        ScenarioInput input = ScenarioInput.proxy(
                hedge,
                new ProxyBasket(d("10000"), 1, 0.4, 3),
                BigDecimal.ZERO,
                d("50000"),
                d("50000"),
                BigDecimal.ZERO);
        ScenarioRow row = CALCULATOR.row(input, d("-0.8"));
        assertThat(row.basketPnlUsd()).isEqualByComparingTo("-8000");
        assertThat(row.netPnlUsd()).isEqualByComparingTo("-6");
        assertThat(row.netLowUsd()).isEqualByComparingTo("-2006");
        assertThat(row.netHighUsd()).isEqualByComparingTo("11994");
    }

    @Test
    void aLiquidatedLinearShortLosesItsMarginAndNoMore() {
        // 1.5 BTC hedged with 1.5 BTCUSDT short at 60,000, 2x: notional 90,000, margin 45,000 USDT; taker 0.05 %, MMR
        // 0.4 % on entry value: LP = E·(1 + 1/L − MMR) = 60,000 × 1.496 = 89,760. BTC +100 % → 120,000.
        ScenarioRow row =
                sameCoinRow(Position.of(BINANCE_BTCUSDT, Side.SHORT, "1.5", "60000", "2"), "1.5", "0.003", "1");
        assertThat(row.liquidated()).isTrue();
        // The open position would lose 1.5 × 60,000 = 90,000; liquidated, it loses its margin: −45,000.
        assertThat(row.hedgePnl().value()).isEqualByComparingTo("-45000");
        assertThat(row.hedgePnlUsd()).isEqualByComparingTo("-45000");
        // gone at the start of the horizon: no funding; only the fee to open, 90,000 × 0.0005 = 45
        assertThat(row.funding().value()).isZero();
        assertThat(row.feesUsd()).isEqualByComparingTo("45");
        assertThat(row.marginBalance().value()).isZero();
        assertThat(row.marginBalanceUsd()).isZero();
        // spot 1.5 × 60,000 = +90,000; net 90,000 − 45,000 − 45 = 44,955
        assertThat(row.spotPnlUsd()).isEqualByComparingTo("90000");
        assertThat(row.netPnlUsd()).isEqualByComparingTo("44955");
        // From 89,760 to 120,000 the 1.5 BTC move unhedged: 1.5 × 30,240 = 45,360. Up to LP the hedge held: spot
        // 1.5 × 29,760 = 44,640 against −45,000 (the 360 of maintenance margin is lost too): 44,640 − 45,000 + 45,360
        // − 45 = 44,955.
        ScenarioLiquidation liquidation = row.liquidation().orElseThrow();
        assertThat(liquidation.cause()).isEqualTo(ScenarioLiquidation.Cause.PRICE);
        assertThat(liquidation.markPrice()).isEqualByComparingTo("89760");
        assertThat(liquidation.spotPrice()).isEqualByComparingTo("89760");
        assertThat(liquidation.marginLost().value()).isEqualByComparingTo("45000");
        assertThat(liquidation.marginLost().asset()).isEqualTo(Asset.USDT);
        assertThat(liquidation.unhedgedPnlUsd()).isEqualByComparingTo("45360");
    }

    @Test
    void aLiquidatedInverseShortLosesItsCoinMargin() {
        // 50 ETH (25 spot + 25 margin) hedged with 175,000 Bybit ETHUSD short at 3,500, 2x; LP on entry value, MMR 1 %:
        // E·L/(L − 1 + MMR·L) = 7,000 / 1.02 = 6,862.745098. ETH +100 % → 7,000.
        ScenarioRow row = sameCoinRow(Position.of(BYBIT_ETHUSD, Side.SHORT, "175000", "3500", "2"), "50", "0.003", "1");
        // margin 175,000 / 3,500 / 2 = 25 ETH lost, valued at 7,000: −175,000; spot 50 × 3,500 = +175,000
        assertThat(row.hedgePnl().value()).isEqualByComparingTo("-25");
        assertThat(row.hedgePnl().asset()).isEqualTo(ETH);
        assertThat(row.hedgePnlUsd()).isEqualByComparingTo("-175000");
        assertThat(row.spotPnlUsd()).isEqualByComparingTo("175000");
        // no funding; fee to open 50 ETH × 0.00055 = 0.0275 ETH × 7,000 = 192.50; net −192.50: the holder keeps 25 ETH
        // worth 175,000, what the 50 were worth at 3,500
        assertThat(row.fundingUsd()).isZero();
        assertThat(row.fees().value()).isEqualByComparingTo("0.0275");
        assertThat(row.netPnlUsd()).isEqualByComparingTo("-192.5");
        assertThat(row.marginBalance().value()).isZero();
        // from 6,862.745098 to 7,000 the 25 ETH left move unhedged: 25 × 7,000 × (1 − 1/1.02) = 25 × 137.254902
        // = 3,431.37
        ScenarioLiquidation liquidation = row.liquidation().orElseThrow();
        assertThat(liquidation.markPrice()).isCloseTo(d("6862.745098039"), within(d("1e-9")));
        assertThat(liquidation.marginLost().value()).isEqualByComparingTo("25");
        assertThat(liquidation.unhedgedPnlUsd()).isCloseTo(d("3431.372549"), within(d("1e-6")));
    }

    @Test
    void aLiquidatedProxyHedgeLeavesTheBasketUnhedgedBeyondTheLiquidationPrice() {
        // Basket 100,000 at β 1, 2 BTCUSDT short at 60,000, 5x: margin 24,000; LP = 60,000 × (1 + 0.2 − 0.004) =
        // 71,760,
        // i.e. +19.6 %. BTC +20 % → 72,000: basket +20,000, hedge −24,000, fee to open 120,000 × 0.0005 = 60 → −4,060.
        // Unhedged: the basket from +19.6 % to +20 %, 100,000 × 0.004 = 400.
        Position hedge = Position.of(BINANCE_BTCUSDT, Side.SHORT, "2", "60000", "5");
        ScenarioInput input = ScenarioInput.proxy(
                hedge, new ProxyBasket(d("100000"), 1, 0, 0), BigDecimal.ZERO, d("60000"), d("60000"), d("-0.001"));
        ScenarioRow row = CALCULATOR.row(input, d("0.2"));
        assertThat(row.basketPnlUsd()).isEqualByComparingTo("20000");
        assertThat(row.hedgePnlUsd()).isEqualByComparingTo("-24000");
        assertThat(row.netPnlUsd()).isEqualByComparingTo("-4060");
        assertThat(row.liquidation().orElseThrow().unhedgedPnlUsd()).isEqualByComparingTo("400");
    }

    @Test
    void fundingThatExhaustsTheMarginLiquidatesToo() {
        // 1.5 BTCUSDT short at 60,000, 2x (margin 45,000), no move, but rates sum to −60 % for the short: −0.6 × 90,000
        // = −54,000 would leave −9,000. The funding takes the 45,000 and no more; fee to open 45; net −45,045.
        ScenarioRow row =
                sameCoinRow(Position.of(BINANCE_BTCUSDT, Side.SHORT, "1.5", "60000", "2"), "1.5", "-0.6", "0");
        assertThat(row.liquidated()).isTrue();
        assertThat(row.liquidation().orElseThrow().cause()).isEqualTo(ScenarioLiquidation.Cause.FUNDING);
        assertThat(row.liquidation().orElseThrow().unhedgedPnlUsd()).isZero();
        assertThat(row.hedgePnlUsd()).isZero();
        assertThat(row.fundingUsd()).isEqualByComparingTo("-45000");
        assertThat(row.feesUsd()).isEqualByComparingTo("45");
        assertThat(row.netPnlUsd()).isEqualByComparingTo("-45045");
        assertThat(row.marginBalanceUsd()).isZero();
    }

    @Test
    void noMarginBalanceIsNegativeAndNoHedgeLosesMoreThanItsMargin() {
        List<String> shocks = List.of("-0.95", "-0.8", "-0.5", "-0.1", "0", "0.1", "0.3", "0.5", "1", "2", "5");
        for (String leverage : List.of("1", "2", "5", "10", "25", "50")) {
            for (String funding : List.of("-0.2", "0", "0.2")) {
                for (Position hedge : List.of(
                        Position.of(BYBIT_ETHUSD, Side.SHORT, "175000", "3500", leverage),
                        Position.of(BYBIT_ETHUSDT, Side.SHORT, "50", "3500", leverage),
                        Position.of(BYBIT_ETHUSDT, Side.LONG, "50", "3500", leverage))) {
                    ScenarioInput input = ScenarioInput.sameCoin(hedge, d("50"), d("3500"), d("3500"), d(funding));
                    BigDecimal margin = PerpetualPricer.of(hedge.instrument())
                            .initialMargin(hedge)
                            .value();
                    for (ScenarioRow row : CALCULATOR
                            .grid(input, shocks.stream().map(BigDecimal::new).toList())
                            .rows()) {
                        String what = hedge.instrument().id() + " " + hedge.side() + " " + leverage + "x, funding "
                                + funding + ", shock " + row.shock();
                        assertThat(row.spotPrice().signum()).as(what).isPositive();
                        assertThat(row.marginBalance().value().signum())
                                .as(what)
                                .isNotNegative();
                        assertThat(row.hedgePnl().plus(row.funding()).value())
                                .as(what)
                                .isGreaterThanOrEqualTo(margin.negate());
                        if (row.liquidated()) {
                            assertThat(row.marginBalance().value()).as(what).isZero();
                        }
                    }
                }
            }
        }
    }
}
