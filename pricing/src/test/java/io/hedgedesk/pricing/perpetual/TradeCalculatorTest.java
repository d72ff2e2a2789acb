package io.hedgedesk.pricing.perpetual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.ContractType;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.LiquidationConvention;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.instrument.TierMeasure;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ROE, target price, order cost and the largest position, against the venues' worked examples. */
class TradeCalculatorTest {

    private static final TradeCalculator CALC = TradeCalculator.DEFAULT;

    /** Bybit's BTCUSDT of the order-cost example: taker 0.06 % (the VIP 0 rate when the article was written). */
    private static final Instrument BTCUSDT_006 = new Instrument(
            "TEST:BTCUSDT",
            "TEST",
            "BTCUSDT",
            ContractType.LINEAR,
            new Asset("BTC"),
            new Asset("USDT"),
            new Asset("USDT"),
            BigDecimal.ONE,
            new BigDecimal("0.001"),
            new BigDecimal("0.5"),
            Duration.ofHours(8),
            new BigDecimal("100"),
            new BigDecimal("0.0001"),
            new BigDecimal("0.0006"),
            LiquidationConvention.MAINTENANCE_ON_MARK_VALUE,
            TierMeasure.POSITION_VALUE,
            List.of(TestInstruments.tier(null, "0.005", "100", "0")),
            "hand-made");

    @Test
    void bybitOrderCostOfALinearLong() {
        // Bybit Help Center, "Order Cost (USDT Contract)" (help.bybit.com/hc/en-us/articles/900000169703): long 1 BTC
        // at
        // 50,000 USDT, 10x, taker 0.06 %: IM 50,000 / 10 = 5,000; open 1 × 50,000 × 0.06 % = 30; close at the
        // bankruptcy price 50,000 × 9/10 = 45,000: 45,000 × 0.06 % = 27; order cost 5,057 USDT.
        Position position = Position.of(BTCUSDT_006, Side.LONG, "1", "50000", "10");
        assertThat(CALC.orderCost(position).value()).isEqualByComparingTo("5057");
        // Same article: "Order Quantity = Order Cost × Leverage / [Order Price × (0.0012 × Leverage + 0.9994)]"
        // = 5,057 × 10 / [50,000 × 1.0114] = 1 BTC.
        assertThat(CALC.maxPositionSize(
                        BTCUSDT_006, Side.LONG, new BigDecimal("5057"), new BigDecimal("50000"), BigDecimal.TEN))
                .isEqualByComparingTo("1");
    }

    @Test
    void orderCostOfALinearShortClosesAboveTheEntry() {
        // Bybit's sell formula: fee to close = q × P × (1 + 1/L) × t = 50,000 × 1.1 × 0.0006 = 33; 5,000 + 30 + 33.
        Position position = Position.of(BTCUSDT_006, Side.SHORT, "1", "50000", "10");
        assertThat(CALC.orderCost(position).value()).isEqualByComparingTo("5063");
    }

    @Test
    void bybitOrderCostOfAnInverseLong() {
        // Bybit, "Order Cost (Perpetuals & Futures Trading)" (2024-10-30), inverse buy: IM = (Q/P)/L, open = (Q/P)·t,
        // close = (Q/P)·(1 + 1/L)·t. 10,000 USD of ETHUSD long at 2,000, 25x, taker 0.055 %: Q/P = 5 ETH;
        // IM 0.2, open 0.00275, close 5 × 1.04 × 0.00055 = 0.00286; 0.20561 ETH.
        Instrument ethusd = TestInstruments.get("BYBIT:ETHUSD");
        Position position = Position.of(ethusd, Side.LONG, "10000", "2000", "25");
        assertThat(CALC.orderCost(position).value()).isEqualByComparingTo("0.20561");
        assertThat(CALC.orderCost(position).asset()).isEqualTo(new Asset("ETH"));
        // and 0.20561 ETH opens exactly those 10,000 contracts
        assertThat(CALC.maxPositionSize(
                        ethusd, Side.LONG, new BigDecimal("0.20561"), new BigDecimal("2000"), new BigDecimal("25")))
                .isEqualByComparingTo("10000");
        // one satoshi-sized bit less does not reach the 10,000th contract (rounded down to whole contracts)
        assertThat(CALC.maxPositionSize(
                        ethusd, Side.LONG, new BigDecimal("0.20560"), new BigDecimal("2000"), new BigDecimal("25")))
                .isEqualByComparingTo("9999");
    }

    @Test
    void roeAndTargetPriceOfALinearPosition() {
        // Binance Futures calculator (FAQ 360036498511): ROE = PnL / IM; long target = E × (ROE / L + 1), short
        // target = E × (1 − ROE / L). Long 0.1 BTC at 100,000, 10x, exit 105,000: PnL 500, IM 1,000, ROE 50 %.
        Instrument btcusdt = TestInstruments.get("BYBIT:BTCUSDT");
        Position longPosition = Position.of(btcusdt, Side.LONG, "0.1", "100000", "10");
        assertThat(CALC.returnOnEquity(longPosition, new BigDecimal("105000"))).isEqualByComparingTo("0.5");
        assertThat(CALC.targetPrice(longPosition, new BigDecimal("0.5")))
                .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("105000"));
        Position shortPosition = Position.of(btcusdt, Side.SHORT, "0.1", "100000", "10");
        // short: 100,000 × (1 − 0.5 / 10) = 95,000; a loss of 30 %: 100,000 × (1 + 0.03) = 103,000
        assertThat(CALC.targetPrice(shortPosition, new BigDecimal("0.5")))
                .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("95000"));
        assertThat(CALC.targetPrice(shortPosition, new BigDecimal("-0.3")))
                .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("103000"));
        assertThat(CALC.returnOnEquity(shortPosition, new BigDecimal("103000"))).isEqualByComparingTo("-0.3");
        // a 10x short cannot earn 1,000 %: the price would have to reach zero
        assertThat(CALC.targetPrice(shortPosition, BigDecimal.TEN)).isEmpty();
    }

    @Test
    void roeAndTargetPriceOfAnInversePosition() {
        // Binance COIN-M: ROE = side × (1 − E/X) × L; target = side × E / (side − ROE / L).
        // Long 10,000 BTCUSD at 8,000, 10x, exit 10,000: (1 − 0.8) × 10 = 200 %; target for 200 %: 8,000 / 0.8.
        Instrument btcusd = TestInstruments.get("BYBIT:BTCUSD");
        Position longPosition = Position.of(btcusd, Side.LONG, "10000", "8000", "10");
        assertThat(CALC.returnOnEquity(longPosition, new BigDecimal("10000"))).isEqualByComparingTo("2");
        assertThat(CALC.targetPrice(longPosition, new BigDecimal("2")))
                .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("10000"));
        // short: −8,000 / (−1 − 0.2) = 6,666.66…; back: (8,000 / 6,666.66… − 1) × 10 = 2
        Position shortPosition = Position.of(btcusd, Side.SHORT, "10000", "8000", "10");
        BigDecimal target = CALC.targetPrice(shortPosition, new BigDecimal("2")).orElseThrow();
        assertThat(target)
                .isEqualByComparingTo(new BigDecimal("8000").divide(new BigDecimal("1.2"), PerpetualPricer.MATH));
        assertThat(CALC.returnOnEquity(shortPosition, target))
                .isCloseTo(new BigDecimal("2"), org.assertj.core.data.Offset.offset(new BigDecimal("1e-30")));
        // an inverse long earns at most L (the price would have to be infinite)
        assertThat(CALC.targetPrice(longPosition, BigDecimal.TEN)).isEmpty();
    }

    @Test
    void theLargestPositionStopsAtTheLastTierThatAllowsTheLeverage() {
        // BYBIT:BTCUSDT allows 100x up to 2,000,000 USDT. 1,000,000 USDT at 100x would open
        // 1,000,000 / (50,000 × (0.01 + 0.00055 + 0.99 × 0.00055)) = 1,802.7 BTC = 90 M USDT, beyond the tier:
        // the venue caps it at 2,000,000 / 50,000 = 40 BTC.
        Instrument btcusdt = TestInstruments.get("BYBIT:BTCUSDT");
        assertThat(CALC.maxPositionSize(
                        btcusdt, Side.LONG, new BigDecimal("1000000"), new BigDecimal("50000"), new BigDecimal("100")))
                .isEqualByComparingTo("40");
        // 10 USDT at 100x: 10 / (50,000 × 0.0110945) = 0.018027… → 0.018 BTC (step 0.001, rounded down)
        assertThat(CALC.maxPositionSize(
                        btcusdt, Side.LONG, BigDecimal.TEN, new BigDecimal("50000"), new BigDecimal("100")))
                .isEqualByComparingTo("0.018");
        assertThat(CALC.maxPositionSize(
                        btcusdt, Side.LONG, BigDecimal.ZERO, new BigDecimal("50000"), new BigDecimal("100")))
                .isEqualByComparingTo("0");
    }

    @Test
    void guards() {
        Instrument btcusdt = TestInstruments.get("BYBIT:BTCUSDT");
        assertThatThrownBy(() ->
                        CALC.maxPositionSize(btcusdt, Side.LONG, new BigDecimal("-1"), BigDecimal.TEN, BigDecimal.ONE))
                .isInstanceOf(PerpetualPricingException.class)
                .hasMessageContaining("balance");
        assertThatThrownBy(() ->
                        CALC.maxPositionSize(btcusdt, Side.LONG, BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("101")))
                .isInstanceOf(PerpetualPricingException.class)
                .hasMessageContaining("leverage");
        Position position = Position.of(btcusdt, Side.LONG, "1", "50000", "10");
        assertThatThrownBy(() -> CALC.returnOnEquity(position, BigDecimal.ZERO))
                .isInstanceOf(PerpetualPricingException.class)
                .hasMessageContaining("exitPrice");
    }
}
