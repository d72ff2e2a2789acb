package io.hedgedesk.pricing.perpetual;

import static io.hedgedesk.domain.instrument.LiquidationConvention.MAINTENANCE_ON_ENTRY_VALUE;
import static io.hedgedesk.domain.instrument.LiquidationConvention.MAINTENANCE_ON_MARK_VALUE;
import static io.hedgedesk.domain.instrument.Side.LONG;
import static io.hedgedesk.domain.instrument.Side.SHORT;
import static io.hedgedesk.pricing.perpetual.TestInstruments.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Instrument;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Linear (USDT-margined) perpetuals against the venues' published worked examples (URL in each test) and hand
 * arithmetic written out in the comments.
 */
class LinearPerpetualPricerTest {

    private static final LinearPerpetualPricer PRICER = LinearPerpetualPricer.DEFAULT;
    private static final Instrument BYBIT_BTCUSDT = get("BYBIT:BTCUSDT");
    private static final Instrument BINANCE_BTCUSDT = get("BINANCE:BTCUSDT");

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Amount usdt(String value) {
        return Amount.of(value, Asset.USDT);
    }

    @Test
    void notionalInCoinAndUsd() {
        // 2.5 BTC of BTCUSDT (contract size 1 BTC) at 40,000: 2.5 BTC, 100,000 USD, position value 100,000 USDT.
        assertThat(PRICER.coinNotional(BINANCE_BTCUSDT, d("2.5"), d("40000")))
                .isEqualTo(Amount.of("2.5", new Asset("BTC")));
        assertThat(PRICER.usdNotional(BINANCE_BTCUSDT, d("2.5"), d("40000")).value())
                .isEqualByComparingTo("100000");
        assertThat(PRICER.usdNotional(BINANCE_BTCUSDT, d("2.5"), d("40000")).asset())
                .isEqualTo(Asset.USD);
        assertThat(PRICER.positionValue(BINANCE_BTCUSDT, d("2.5"), d("40000")).value())
                .isEqualByComparingTo("100000");
        assertThat(PRICER.positionValue(BINANCE_BTCUSDT, d("2.5"), d("40000")).asset())
                .isEqualTo(Asset.USDT);
    }

    @Test
    void pnlLongAndShort() {
        // Long 0.5 BTC at 30,000, exit 33,000: 0.5 x 3,000 = +1,500 USDT; the short: -1,500 USDT.
        assertThat(PRICER.pnl(Position.of(BYBIT_BTCUSDT, LONG, "0.5", "30000", "10"), d("33000")))
                .isEqualTo(usdt("1500.0"));
        assertThat(PRICER.pnl(Position.of(BYBIT_BTCUSDT, SHORT, "0.5", "30000", "10"), d("33000"))
                        .value())
                .isEqualByComparingTo("-1500");
        assertThat(PRICER.pnlUsd(Position.of(BYBIT_BTCUSDT, SHORT, "0.5", "30000", "10"), d("33000")))
                .isEqualTo(Amount.of("-1500.0", Asset.USD));
    }

    @Test
    void ethHedgeFromTheIssue() {
        // Hold 50 ETH at 3,500 (175,000 USD); short 50 ETH of ETHUSDT at 3,500 as a hedge; the price falls to 3,000.
        // Spot: 50 x (3,000 - 3,500) = -25,000 USD. Hedge: 50 x (3,500 - 3,000) = +25,000 USDT. Net 0.
        Position hedge = Position.of(get("BINANCE:ETHUSDT"), SHORT, "50", "3500", "5");
        BigDecimal spot = d("50").multiply(d("3000").subtract(d("3500")));
        assertThat(spot).isEqualByComparingTo("-25000");
        assertThat(PRICER.pnl(hedge, d("3000")).value()).isEqualByComparingTo("25000");
        assertThat(PRICER.pnlUsd(hedge, d("3000")).value().add(spot)).isZero();
        // Margin is fresh USDT: 175,000 / 5 = 35,000 USDT.
        assertThat(PRICER.initialMargin(hedge)).isEqualTo(usdt("35000"));
    }

    @Test
    void quantityWeightedAverageAndPartialClose() {
        // 1 BTC at 10,000 plus 3 BTC at 12,000: (10,000 + 36,000) / 4 = 11,500.
        Position first = Position.of(BYBIT_BTCUSDT, LONG, "1", "10000", "10");
        Position combined = PRICER.increase(first, d("3"), d("12000"));
        assertThat(combined.entryPrice()).isEqualByComparingTo("11500");
        assertThat(combined.size()).isEqualByComparingTo("4");
        // Short 2 ETH at 3,500, close 0.5 at 3,000: realized 0.5 x 500 = 250 USDT; 1.5 ETH remain at 3,500.
        Position shrt = Position.of(get("BYBIT:ETHUSDT"), SHORT, "2", "3500", "10");
        PositionClose close = PRICER.close(shrt, d("0.5"), d("3000"));
        assertThat(close.realizedPnl().value()).isEqualByComparingTo("250");
        assertThat(close.remaining()).contains(Position.of(get("BYBIT:ETHUSDT"), SHORT, "1.5", "3500", "10"));
    }

    @Test
    void binanceLinearFees() {
        // https://binance.com/fr/support/faq/360033544231 — buy 1 BTC of BTCUSDT at 10,104: taker 0.05 % = 5.052 USDT;
        // sell at 11,104: maker 0.02 % = 2.2208 USDT.
        assertThat(PRICER.fee(BINANCE_BTCUSDT, d("1"), d("10104"), Liquidity.TAKER)
                        .value())
                .isEqualByComparingTo("5.052");
        assertThat(PRICER.fee(BINANCE_BTCUSDT, d("1"), d("11104"), Liquidity.MAKER)
                        .value())
                .isEqualByComparingTo("2.2208");
        // A maker rebate of -0.01 %: -1.1104 USDT (received).
        assertThat(PRICER.fee(BINANCE_BTCUSDT, d("1"), d("11104"), d("-0.0001")))
                .isEqualTo(usdt("-1.1104"));
    }

    @Test
    void bybitLinearIsolatedLiquidation() {
        // https://help.bybit.com/hc/en-us/articles/900000181046-Liquidation-Price-USDT-Contract-
        // Long 1 BTC at 10,000, 50x, MMR 0.5 %: 10,000 x (1 - 2 % + 0.5 %) = 9,850.
        Position lng = Position.of(BYBIT_BTCUSDT, LONG, "1", "10000", "50");
        assertThat(PRICER.liquidationPrice(lng, MAINTENANCE_ON_ENTRY_VALUE, usdt("0"))
                        .orElseThrow())
                .isEqualByComparingTo("9850");
        // Short 1 BTC at 8,000, 40x: 8,000 x (1 + 2.5 % - 0.5 %) = 8,160.
        Position shrt = Position.of(BYBIT_BTCUSDT, SHORT, "1", "8000", "40");
        assertThat(PRICER.liquidationPrice(shrt, MAINTENANCE_ON_ENTRY_VALUE, usdt("0"))
                        .orElseThrow())
                .isEqualByComparingTo("8160");
        // Bankruptcy (domain.md): long E.(1 - 1/L) = 9,800, short E.(1 + 1/L) = 8,200.
        assertThat(PRICER.bankruptcyPrice(lng, usdt("0")).orElseThrow()).isEqualByComparingTo("9800");
        assertThat(PRICER.bankruptcyPrice(shrt, usdt("0")).orElseThrow()).isEqualByComparingTo("8200");
        // Mark convention (Bybit UTA, the catalog's): long (q'.E - IM) / (q'.(1 - MMR)) = 9,800 / 0.995 = 9,849.246...;
        // short (8,000 + 200) / 1.005 = 8,159.203...
        assertThat(PRICER.liquidationPrice(lng).orElseThrow())
                .isCloseTo(d("9849.246231155778894472361809045226"), within(d("1e-25")));
        assertThat(PRICER.liquidationPrice(shrt, MAINTENANCE_ON_MARK_VALUE, usdt("0"))
                        .orElseThrow())
                .isCloseTo(d("8159.203980099502487562189054726368"), within(d("1e-25")));
    }

    @Test
    void bybitCrossExampleAsIsolatedWithExtraMargin() {
        // Same page, cross: 2 BTC long at 10,000: IM = 200 USDT (100x), MM = 20,000 x 0.5 % = 100 USDT, available
        // 2,000 USDT -> sustainable loss 2,000 + 200 - 100 = 2,100 USDT.
        Position position = Position.of(BYBIT_BTCUSDT, LONG, "2", "10000", "100");
        assertThat(PRICER.initialMargin(position).value()).isEqualByComparingTo("200");
        assertThat(PRICER.maintenanceMargin(position, d("10000")).value()).isEqualByComparingTo("100");
        // As isolated with the 2,000 available as extra margin: LP = (q'.E.(1 + MMR) - M) / q'
        // = (20,100 - 2,200) / 2 = 8,950, where the loss is 2 x 1,050 = 2,100 USDT.
        BigDecimal lp = PRICER.liquidationPrice(position, MAINTENANCE_ON_ENTRY_VALUE, usdt("2000"))
                .orElseThrow();
        assertThat(lp).isEqualByComparingTo("8950");
        assertThat(PRICER.pnl(position, lp).value()).isEqualByComparingTo("-2100");
        // The margin balance there, 200 + 2,000 - 2,100 = 100 USDT, is exactly the maintenance margin (entry value);
        // at entry it is 2,200; at the bankruptcy price (20,000 - 2,200) / 2 = 8,900 it is 0.
        assertThat(PRICER.marginBalance(position, usdt("2000"), lp).value()).isEqualByComparingTo("100");
        assertThat(PRICER.marginBalance(position, usdt("2000"), d("10000")).value())
                .isEqualByComparingTo("2200");
        assertThat(PRICER.bankruptcyPrice(position, usdt("2000")).orElseThrow()).isEqualByComparingTo("8900");
        assertThat(PRICER.marginBalance(position, usdt("2000"), d("8900")).value())
                .isZero();
    }

    @Test
    void oneTimesLinearLongWithLargeExtraMarginHasNoBankruptcyPrice() {
        // Long 1 BTC at 10,000, 1x: M = 10,000 = the whole notional; E - M/q' = 0: the price can never exhaust it.
        Position position = Position.of(BYBIT_BTCUSDT, LONG, "1", "10000", "1");
        assertThat(PRICER.bankruptcyPrice(position, usdt("0"))).isEmpty();
        // On the mark convention LP = (10,000 - 10,000) / 0.995 = 0: no liquidation price.
        assertThat(PRICER.liquidationPrice(position)).isEmpty();
        // On the entry convention MM stays 50 USDT: LP = 10,000 x 0.005 = 50.
        assertThat(PRICER.liquidationPrice(position, MAINTENANCE_ON_ENTRY_VALUE, usdt("0"))
                        .orElseThrow())
                .isEqualByComparingTo("50");
    }

    @Test
    void distanceForAShort() {
        // Short 1 BTC at 8,000, 40x, entry convention: LP 8,160; mark 8,080 -> 80 USD, 80/8,080 = 0.990099 %.
        Position shrt = Position.of(BYBIT_BTCUSDT, SHORT, "1", "8000", "40");
        LiquidationDistance distance = PRICER.distanceToLiquidation(
                        shrt, MAINTENANCE_ON_ENTRY_VALUE, usdt("0"), d("8080"))
                .orElseThrow();
        assertThat(distance.priceDistance()).isEqualByComparingTo("80");
        assertThat(distance.fraction()).isCloseTo(d("0.009900990099009900990099009900990099"), within(d("1e-30")));
    }
}
