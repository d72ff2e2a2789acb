package io.hedgedesk.pricing.perpetual;

import static io.hedgedesk.domain.instrument.LiquidationConvention.MAINTENANCE_ON_ENTRY_VALUE;
import static io.hedgedesk.domain.instrument.LiquidationConvention.MAINTENANCE_ON_MARK_VALUE;
import static io.hedgedesk.domain.instrument.Side.LONG;
import static io.hedgedesk.domain.instrument.Side.SHORT;
import static io.hedgedesk.pricing.perpetual.TestInstruments.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.MaintenanceTier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * Inverse perpetuals against the venues' published worked examples (URL in each test) and hand arithmetic written
 * out in the comments.
 */
class InversePerpetualPricerTest {

    private static final InversePerpetualPricer PRICER = InversePerpetualPricer.DEFAULT;
    private static final BigDecimal TIGHT = new BigDecimal("1e-28");
    private static final Asset BTC = new Asset("BTC");
    private static final Asset ETH = new Asset("ETH");

    private static final Instrument BYBIT_BTCUSD = get("BYBIT:BTCUSD");
    private static final Instrument BINANCE_BTCUSD = get("BINANCE:BTCUSD_PERP");

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Amount btc(String value) {
        return Amount.of(value, BTC);
    }

    // -------------------------------------------------------------------------------------------- notional

    @Test
    void notionalInCoinAndUsd() {
        // 10 BINANCE:BTCUSD_PERP contracts of 100 USD at 10,104: coin value 1,000/10,104 BTC, USD face 1,000.
        assertThat(PRICER.positionValue(BINANCE_BTCUSD, d("10"), d("10104")).value())
                .isCloseTo(d("0.09897070467141726049089469517022961"), within(TIGHT));
        assertThat(PRICER.coinNotional(BINANCE_BTCUSD, d("10"), d("10104")))
                .isEqualTo(PRICER.positionValue(BINANCE_BTCUSD, d("10"), d("10104")));
        assertThat(PRICER.usdNotional(BINANCE_BTCUSD, d("10"), d("10104"))).isEqualTo(Amount.of("1000", Asset.USD));
        // The USD face does not move with the price; the coin value does: 1,000/20,000 = 0.05 BTC.
        assertThat(PRICER.usdNotional(BINANCE_BTCUSD, d("10"), d("20000")).value())
                .isEqualByComparingTo("1000");
        assertThat(PRICER.positionValue(BINANCE_BTCUSD, d("10"), d("20000"))).isEqualTo(btc("0.05"));
    }

    // ------------------------------------------------------------------------------------------------- PnL

    @Test
    void bybitInversePnlExample() {
        // https://help.bybit.com/hc/en-us/articles/360008915194-Perpetual-Contracts-Quotes
        // Buy 10,000 BTCUSD at 8,000, close at 12,500: 10,000/8,000 - 10,000/12,500 = 1.25 - 0.8 = 0.45 BTC.
        Position lng = Position.of(BYBIT_BTCUSD, LONG, "10000", "8000", "10");
        assertThat(PRICER.pnl(lng, d("12500"))).isEqualTo(new Amount(d("0.45"), BTC));
        // In USD at the exit: 0.45 x 12,500 = 5,625 USD (= 10,000 x 4,500 / 8,000).
        assertThat(PRICER.pnlUsd(lng, d("12500")).value()).isEqualByComparingTo("5625");
        assertThat(PRICER.pnlUsd(lng, d("12500")).asset()).isEqualTo(Asset.USD);
        // The short loses exactly what the long gains.
        Position shrt = Position.of(BYBIT_BTCUSD, SHORT, "10000", "8000", "10");
        assertThat(PRICER.pnl(shrt, d("12500")).value()).isEqualByComparingTo("-0.45");
        assertThat(PRICER.pnlUsd(shrt, d("12500")).value()).isEqualByComparingTo("-5625");
    }

    @Test
    void bybitInverseContractArticle() {
        // https://www.bybit.com/kk-KZ/help-center/article/What-is-Inverse-Contract
        // Buy 10,000 at 23,000, close at 25,000: 10,000 x 2,000 / (23,000 x 25,000) = 0.0347826... BTC (page: ~0.035).
        Amount pnl = PRICER.pnl(Position.of(BYBIT_BTCUSD, LONG, "10000", "23000", "10"), d("25000"));
        assertThat(pnl.value()).isCloseTo(d("0.03478260869565217391304347826086957"), within(TIGHT));
        assertThat(pnl.value().setScale(3, RoundingMode.HALF_UP)).isEqualByComparingTo("0.035");
    }

    @Test
    void bybitUnrealizedPnl() {
        // https://testnet.bytick.com/kk-KZ/help-center/article/Profit-Loss-calculations-Inverse-Contracts
        // Long 1,000 at 5,000, last 5,500: 1,000 x (1/5,000 - 1/5,500) = 1/55 = 0.0181818... BTC; the page shows
        // 0.01819, i.e. rounded up at 5 dp.
        Amount pnl = PRICER.pnl(Position.of(BYBIT_BTCUSD, LONG, "1000", "5000", "10"), d("5500"));
        assertThat(pnl.value()).isCloseTo(d("0.01818181818181818181818181818181818"), within(TIGHT));
        assertThat(pnl.value().setScale(5, RoundingMode.UP)).isEqualByComparingTo("0.01819");
    }

    // ------------------------------------------------------------------------------------ adding, closing

    @Test
    void bybitHarmonicAverageEntry() {
        // https://testnet.bytick.com/kk-KZ/help-center/article/Profit-Loss-calculations-Inverse-Contracts
        // 1,000 at 5,000 plus 2,000 at 6,000: 3,000 / (0.2 + 0.3333...) = 5,625 (the arithmetic mean would be
        // 5,666.67).
        Position first = Position.of(BYBIT_BTCUSD, LONG, "1000", "5000", "10");
        assertThat(PRICER.averageEntry(first, d("2000"), d("6000"))).isEqualByComparingTo("5625");
        Position combined = PRICER.increase(first, d("2000"), d("6000"));
        assertThat(combined).isEqualTo(new Position(BYBIT_BTCUSD, LONG, d("3000"), combined.entryPrice(), d("10")));
        assertThat(combined.entryPrice()).isEqualByComparingTo("5625");
        // The page's coin values: 0.2 BTC and 2,000/6,000 shown rounded up at 8 dp as 0.33333334 BTC.
        assertThat(PRICER.positionValue(BYBIT_BTCUSD, d("2000"), d("6000"))
                        .rounded(RoundingMode.UP)
                        .value())
                .isEqualByComparingTo("0.33333334");
        // The averaged position has the same PnL at any price as the two legs together: at 7,000,
        // 1,000 x (1/5,000 - 1/7,000) + 2,000 x (1/6,000 - 1/7,000) = 0.0571428... + 0.0476190... = 0.1047619...
        BigDecimal legs = PRICER.pnl(first, d("7000"))
                .value()
                .add(PRICER.pnl(Position.of(BYBIT_BTCUSD, LONG, "2000", "6000", "10"), d("7000"))
                        .value());
        assertThat(PRICER.pnl(combined, d("7000")).value()).isCloseTo(legs, within(TIGHT));
    }

    @Test
    void partialCloseRealizesTheClosedPartOnly() {
        // Long 1,000 at 5,000; close 400 at 5,500: 400 x 500 / (5,000 x 5,500) = 0.00727272... BTC realized,
        // 600 contracts remain at 5,000 with their unrealized 600 x 500 / 27,500,000 = 0.0109090... BTC.
        Position position = Position.of(BYBIT_BTCUSD, LONG, "1000", "5000", "10");
        PositionClose close = PRICER.close(position, d("400"), d("5500"));
        assertThat(close.realizedPnl().value()).isCloseTo(d("0.007272727272727272727272727272727273"), within(TIGHT));
        assertThat(close.remaining()).contains(Position.of(BYBIT_BTCUSD, LONG, "600", "5000", "10"));
        assertThat(close.closedSize()).isEqualByComparingTo("400");
        assertThat(close.exitPrice()).isEqualByComparingTo("5500");
        BigDecimal remainingPnl =
                PRICER.pnl(close.remaining().orElseThrow(), d("5500")).value();
        assertThat(close.realizedPnl().value().add(remainingPnl))
                .isCloseTo(PRICER.pnl(position, d("5500")).value(), within(TIGHT));
        // Closing everything leaves nothing.
        PositionClose all = PRICER.close(position, d("1000"), d("4000"));
        assertThat(all.remaining()).isEmpty();
        assertThat(all.realizedPnl().value()).isEqualByComparingTo("-0.05"); // 1,000 x (1/5,000 - 1/4,000)
    }

    // ------------------------------------------------------------------------------------------------ fees

    @Test
    void binanceInverseFees() {
        // https://binance.com/fr/support/faq/360033544231 (maker 0.02 %, taker 0.05 %)
        // Buy 10 BTCUSD contracts (100 USD) at 10,104: 1,000/10,104 = 0.09897 BTC; taker 0.09897... x 0.05 %
        // = 0.0000494853... BTC, printed 0.000049485 (9 dp, truncated).
        Amount taker = PRICER.fee(BINANCE_BTCUSD, d("10"), d("10104"), Liquidity.TAKER);
        assertThat(taker.asset()).isEqualTo(BTC);
        assertThat(taker.value()).isCloseTo(d("0.00004948535233570863024544734758511481"), within(TIGHT));
        assertThat(taker.value().setScale(9, RoundingMode.DOWN)).isEqualByComparingTo("0.000049485");
        assertThat(PRICER.positionValue(BINANCE_BTCUSD, d("10"), d("10104"))
                        .value()
                        .setScale(5, RoundingMode.DOWN))
                .isEqualByComparingTo("0.09897");
        // Sell at 11,104: notional 0.0900576... BTC (printed 0.09), maker 0.02 % = 0.0000180115... (printed 0.000018,
        // which the page derives from the rounded 0.09 BTC).
        Amount maker = PRICER.fee(BINANCE_BTCUSD, d("10"), d("11104"), Liquidity.MAKER);
        assertThat(maker.value()).isCloseTo(d("0.00001801152737752161383285302593659942"), within(TIGHT));
        assertThat(maker.value().setScale(6, RoundingMode.HALF_UP)).isEqualByComparingTo("0.000018");
    }

    @Test
    void deribitPerpetualFee() {
        // https://support.deribit.com/hc/en-us/articles/25944746248989-Fees
        // 50,000 USD of BTC-PERPETUAL (5,000 contracts of 10 USD) at 100,000 = 0.5 BTC; taker 0.05 % = 0.00025 BTC;
        // maker 0.
        Instrument deribit = get("DERIBIT:BTC-PERPETUAL");
        assertThat(PRICER.positionValue(deribit, d("5000"), d("100000"))).isEqualTo(btc("0.5"));
        assertThat(PRICER.fee(deribit, d("5000"), d("100000"), Liquidity.TAKER).value())
                .isEqualByComparingTo("0.00025");
        assertThat(PRICER.fee(deribit, d("5000"), d("100000"), Liquidity.MAKER).value())
                .isZero();
    }

    @Test
    void negativeRateIsARebate() {
        // Deribit BTC weekly futures, same page: 10,000 USD at 100,000 = 0.1 BTC; maker rebate -0.01 % = -0.00001 BTC
        // (negative = received), taker 0.05 % = 0.00005 BTC. Priced here on the 10 USD BTC-PERPETUAL face.
        Instrument deribit = get("DERIBIT:BTC-PERPETUAL");
        assertThat(PRICER.fee(deribit, d("1000"), d("100000"), d("-0.0001")).value())
                .isEqualByComparingTo("-0.00001");
        assertThat(PRICER.fee(deribit, d("1000"), d("100000"), d("0.0005")).value())
                .isEqualByComparingTo("0.00005");
    }

    // ---------------------------------------------------------------------------------------------- margin

    @Test
    void bybitInitialMargin() {
        // https://help.bybit.com/hc/en-us/articles/360007133254-Initial-Margin-Used-Margin
        // 12,000 BTCUSD at 8,000 with 50x: 12,000 / (8,000 x 50) = 0.03 BTC.
        assertThat(PRICER.initialMargin(Position.of(BYBIT_BTCUSD, LONG, "12000", "8000", "50")))
                .isEqualTo(btc("0.03"));
    }

    @Test
    void bitmexInitialMarginAtOneHundredX() {
        // https://www.bitmex.com/app/inversePerpetualsGuide: "to buy 100 Bitcoin worth of contracts, you will only
        // require 1 Bitcoin of Initial Margin" (100x). 1,000,000 XBTUSD contracts at 10,000 = 100 XBT; / 100 = 1 XBT.
        Position position = Position.of(get("BITMEX:XBTUSD"), LONG, "1000000", "10000", "100");
        assertThat(PRICER.positionValue(position.instrument(), position.size(), d("10000")))
                .isEqualTo(btc("100"));
        assertThat(PRICER.initialMargin(position).value()).isEqualByComparingTo("1");
    }

    @Test
    void binanceMaintenanceMargin() {
        // https://www.binance.com/es-MX/support/faq/how-to-calculate-liquidation-price-of-coin-m-futures-contracts-ceccfcfb4e3a45e3b48b0b1bb1a8ae46
        // 100 BTCUSD_PERP contracts, mark 25,000: notional 100 x 100 / 25,000 = 0.4 BTC (tier 1, MMR 0.4 %, amount 0):
        // MM = 0.4 x 0.4 % - 0 = 0.0016 BTC.
        Position small = Position.of(BINANCE_BTCUSD, LONG, "100", "25000", "20");
        assertThat(PRICER.maintenanceMargin(small, d("25000"))).isEqualTo(new Amount(d("0.0016"), BTC));
    }

    @Test
    void binanceThreeHundredBitcoinTier() {
        // Same page: a 300 BTC position has MMR 12.5 % and maintenance amount 11.605 BTC.
        // 90,000 contracts x 100 USD at 30,000 = 300 BTC. MM = 300 x 12.5 % - 11.605 = 25.895 BTC.
        // Independent check, slice by slice (the "progressive" reading of the same table):
        // 5 x 0.4 % + 5 x 0.5 % + 10 x 1 % + 30 x 2.5 % + 50 x 5 % + 100 x 10 % + 100 x 12.5 %
        // = 0.02 + 0.025 + 0.1 + 0.75 + 2.5 + 10 + 12.5 = 25.895 BTC.
        Position big = Position.of(BINANCE_BTCUSD, LONG, "90000", "30000", "4");
        MaintenanceTier tier = PRICER.tierAt(BINANCE_BTCUSD, d("90000"), d("30000"));
        assertThat(PRICER.tierMeasure(BINANCE_BTCUSD, d("90000"), d("30000"))).isEqualByComparingTo("300");
        assertThat(tier.maintenanceMarginRate()).isEqualByComparingTo("0.125");
        assertThat(tier.maintenanceAmount()).isEqualByComparingTo("11.605");
        assertThat(PRICER.maintenanceMargin(big, d("30000")).value()).isEqualByComparingTo("25.895");
        // At 20,000 the same contracts are worth 450 BTC: tier (400, 1000], MMR 15 %, amount 21.605:
        // 450 x 15 % - 21.605 = 45.895 BTC.
        assertThat(PRICER.maintenanceMargin(big, d("20000")).value()).isEqualByComparingTo("45.895");
    }

    @Test
    void deribitMaintenanceIsConservativeInTheCatalog() {
        // https://support.deribit.com/hc/en-us/articles/25944738177565-Linear-Perpetual — MM 1 % + size x 0.005 %:
        // 25 BTC -> 1.125 % = 0.28125 BTC. The catalog discretises the continuous rule at tier upper bounds (README,
        // "assumed"): 25 BTC falls in (10, 50] at 1 % + 50 x 0.005 % = 1.25 %, i.e. 0.3125 BTC, above the venue's
        // figure.
        Instrument deribit = get("DERIBIT:BTC-PERPETUAL");
        Position position = Position.of(deribit, LONG, "250000", "100000", "10"); // 2,500,000 USD / 100,000 = 25 BTC
        BigDecimal venue = d("25").multiply(d("0.01").add(d("25").multiply(d("0.00005"))));
        assertThat(venue).isEqualByComparingTo("0.28125");
        assertThat(PRICER.maintenanceMargin(position, d("100000")).value())
                .isEqualByComparingTo("0.3125")
                .isGreaterThan(venue);
    }

    @Test
    void bitmexRiskLimitSteps() {
        // https://bitmex.com/app/riskLimitsExamples — XBTUSD 180 XBT: maintenance 0.50 % = 0.90 XBT.
        Instrument xbtusd = get("BITMEX:XBTUSD");
        Position p180 = Position.of(xbtusd, LONG, "1800000", "10000", "100"); // 1,800,000 / 10,000 = 180 XBT
        assertThat(PRICER.maintenanceMargin(p180, d("10000")).value()).isEqualByComparingTo("0.90");
        // Adding 50 XBT -> 230 XBT, one step above the 200 XBT base: MM 1.00 % (2.3 XBT), IM 1.50 % (tier max
        // leverage 66.66 = 1 / 1.5 %, so 100x is refused and 66.66x is the most allowed).
        assertThat(PRICER.tierAt(xbtusd, d("2300000"), d("10000")).maintenanceMarginRate())
                .isEqualByComparingTo("0.01");
        assertThatThrownBy(() -> PRICER.increase(p180, d("500000"), d("10000")))
                .isInstanceOf(PerpetualPricingException.class)
                .hasMessage(
                        "leverage 100 exceeds the maximum 66.66 of BITMEX:XBTUSD's tier (200, 350] BTC, which a position "
                                + "of 230 falls in");
        Position p230 =
                PRICER.increase(Position.of(xbtusd, LONG, "1800000", "10000", "66.66"), d("500000"), d("10000"));
        assertThat(p230.size()).isEqualByComparingTo("2300000");
        assertThat(PRICER.maintenanceMargin(p230, d("10000")).value()).isEqualByComparingTo("2.3");
        // IM = 230 / 66.66 = 3.4503... XBT = 1.50 % of 230 XBT.
        BigDecimal imRate = PRICER.initialMargin(p230).value().divide(d("230"), PerpetualPricer.MATH);
        assertThat(imRate.setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo("0.0150");
    }

    // ----------------------------------------------------------------------------------------- liquidation

    @Test
    void bybitClassicIsolatedLiquidation() {
        // https://help.bybit.com/hc/en-us/articles/360039261334-How-to-calculate-Liquidation-Price-Inverse-Contract-
        // isolated long and short at 8,000 with 50x, MMR 0.5 %; results not in the stored copy, hand-computed with the
        // page's entry-value formula: long 8,000 x 50 / (51 - 0.25) = 7,881.77; short 8,000 x 50 / (49 + 0.25) =
        // 8,121.83.
        for (String size : new String[] {"1", "10000", "1000000"}) { // without extra margin the size cancels out
            Position lng = Position.of(BYBIT_BTCUSD, LONG, size, "8000", "50");
            Position shrt = Position.of(BYBIT_BTCUSD, SHORT, size, "8000", "50");
            BigDecimal longLp = PRICER.liquidationPrice(lng, MAINTENANCE_ON_ENTRY_VALUE, btc("0"))
                    .orElseThrow();
            BigDecimal shortLp = PRICER.liquidationPrice(shrt, MAINTENANCE_ON_ENTRY_VALUE, btc("0"))
                    .orElseThrow();
            assertThat(longLp).isCloseTo(d("7881.773399014778325123152709359606"), within(d("1e-25")));
            assertThat(longLp.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("7881.77");
            assertThat(shortLp).isCloseTo(d("8121.827411167512690355329949238579"), within(d("1e-25")));
            assertThat(shortLp.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("8121.83");
            // Bankruptcy (domain.md): long E.L/(L+1) = 400,000/51 = 7,843.137...; short E.L/(L-1) = 400,000/49 =
            // 8,163.265...
            assertThat(PRICER.bankruptcyPrice(lng, btc("0")).orElseThrow())
                    .isCloseTo(d("7843.137254901960784313725490196078"), within(d("1e-25")));
            assertThat(PRICER.bankruptcyPrice(shrt, btc("0")).orElseThrow())
                    .isCloseTo(d("8163.265306122448979591836734693878"), within(d("1e-25")));
        }
    }

    @Test
    void bybitClassicCrossBankruptcyWithoutTheClosingFee() {
        // https://help.bybit.com/hc/en-us/articles/360039261334-How-to-calculate-Liquidation-Price-Inverse-Contract-
        // Cross: balance 0.5 BTC behind a long of 10,000 BTCUSD at 8,000; the page's bankruptcy price
        // 1.00075 x 10,000 / (10,000/8,000 + 0.5) = 5,718.57 includes the 0.075 % closing fee. The pricer leaves fees
        // out: with the whole 0.5 BTC as isolated margin (2.5x: IM = 1.25/2.5 = 0.5 BTC),
        // BP = 10,000 / (1.25 + 0.5) = 5,714.2857...; times the page's 1.00075 it gives its 5,718.57.
        Position position = Position.of(BYBIT_BTCUSD, LONG, "10000", "8000", "2.5");
        BigDecimal bp = PRICER.bankruptcyPrice(position, btc("0")).orElseThrow();
        assertThat(bp).isCloseTo(d("5714.285714285714285714285714285714"), within(d("1e-25")));
        assertThat(bp.multiply(d("1.00075")).setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("5718.57");
        assertThat(PRICER.marginBalance(position, btc("0"), bp).value()).isCloseTo(BigDecimal.ZERO, within(TIGHT));
    }

    @Test
    void bybitUnifiedAccountIsolatedLiquidation() {
        // https://testnet.bybit.com/ar-SA/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account
        // (2024-09 revision): long 60,000 USD of BTCUSD at 50,000, 10x, MMR 0.5 %: position value 1.2 BTC, IM 0.12 BTC.
        Position position = Position.of(BYBIT_BTCUSD, LONG, "60000", "50000", "10");
        assertThat(PRICER.positionValue(BYBIT_BTCUSD, d("60000"), d("50000"))).isEqualTo(btc("1.2"));
        assertThat(PRICER.initialMargin(position).value()).isEqualByComparingTo("0.12");
        // That revision: LP = Qty / (PV + IM - MM), MM = 1.2 x 0.5 % = 0.006 BTC on the entry value:
        // 60,000 / 1.314 = 45,662.10 (hand-computed) -- the entry-value convention.
        BigDecimal entryLp = PRICER.liquidationPrice(position, MAINTENANCE_ON_ENTRY_VALUE, btc("0"))
                .orElseThrow();
        assertThat(entryLp.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("45662.10");
        // The current page (2026-05-27, catalog README): [Size x (MMR + 1)] / [Size/Entry + Size/Entry/Leverage
        // + extra + MM deduction] = 60,000 x 1.005 / (1.2 + 0.12) = 60,300 / 1.32 = 45,681.82 -- the mark convention,
        // which is BYBIT:BTCUSD's catalog convention.
        BigDecimal markLp = PRICER.liquidationPrice(position).orElseThrow();
        assertThat(markLp).isCloseTo(d("45681.81818181818181818181818181818"), within(d("1e-25")));
        assertThat(PRICER.liquidationPrice(position, MAINTENANCE_ON_MARK_VALUE, btc("0")))
                .contains(markLp);
        // With 0.1 BTC extra margin: 60,300 / (1.2 + 0.12 + 0.1) = 60,300 / 1.42 = 42,464.788... (fee term left out).
        assertThat(PRICER.liquidationPrice(position, MAINTENANCE_ON_MARK_VALUE, btc("0.1"))
                        .orElseThrow())
                .isCloseTo(d("42464.78873239436619718309859154930"), within(d("1e-25")));
    }

    @Test
    void extraMarginOnTheEntryConvention() {
        // Long 10,000 BYBIT:BTCUSD at 8,000, 50x (IM 0.025 BTC) plus 0.025 BTC extra = 0.05 BTC, as if 25x:
        // LP = Q.FV / (Q.FV/E.(1 - MMR) + M) = 10,000 / (1.25 x 0.995 + 0.05) = 10,000 / 1.29375 = 7,729.468...
        // = E.25/(26 - 0.125) as the no-extra formula at 25x gives.
        Position position = Position.of(BYBIT_BTCUSD, LONG, "10000", "8000", "50");
        BigDecimal lp = PRICER.liquidationPrice(position, MAINTENANCE_ON_ENTRY_VALUE, btc("0.025"))
                .orElseThrow();
        assertThat(lp).isCloseTo(d("200000").divide(d("25.875"), PerpetualPricer.MATH), within(d("1e-25")));
        assertThat(lp)
                .isCloseTo(
                        PRICER.liquidationPrice(
                                        Position.of(BYBIT_BTCUSD, LONG, "10000", "8000", "25"),
                                        MAINTENANCE_ON_ENTRY_VALUE,
                                        btc("0"))
                                .orElseThrow(),
                        within(d("1e-25")));
    }

    @Test
    void distanceToLiquidation() {
        // Long 50x at 8,000, entry convention: LP 7,881.773...; from a mark of 8,000 the distance is 118.2266 USD,
        // 1.4778 % of the mark; from 7,800 the mark is past LP: negative distance, liquidated.
        Position lng = Position.of(BYBIT_BTCUSD, LONG, "10000", "8000", "50");
        LiquidationDistance distance = PRICER.distanceToLiquidation(
                        lng, MAINTENANCE_ON_ENTRY_VALUE, btc("0"), d("8000"))
                .orElseThrow();
        assertThat(distance.priceDistance()).isCloseTo(d("118.226600985221674876847290640394"), within(d("1e-25")));
        assertThat(distance.fraction()).isCloseTo(d("0.01477832512315270935960591133004925"), within(d("1e-28")));
        assertThat(distance.isLiquidated()).isFalse();
        LiquidationDistance past = PRICER.distanceToLiquidation(lng, MAINTENANCE_ON_ENTRY_VALUE, btc("0"), d("7800"))
                .orElseThrow();
        assertThat(past.priceDistance()).isNegative();
        assertThat(past.isLiquidated()).isTrue();
        // Short: LP 8,121.827... is above the mark: distance LP - mark = 121.827... > 0.
        Position shrt = Position.of(BYBIT_BTCUSD, SHORT, "10000", "8000", "50");
        LiquidationDistance up = PRICER.distanceToLiquidation(shrt, MAINTENANCE_ON_ENTRY_VALUE, btc("0"), d("8000"))
                .orElseThrow();
        assertThat(up.priceDistance()).isCloseTo(d("121.827411167512690355329949238579"), within(d("1e-25")));
        assertThat(up.liquidationPrice()).isCloseTo(d("8121.827411167512690355329949238579"), within(d("1e-25")));
        assertThat(up.markPrice()).isEqualByComparingTo("8000");
    }

    // ------------------------------------------------------------------------------------- synthetic dollar

    @Test
    void shortInverseAgainstTheSameCoinsKeepsTheDollarValue() {
        // domain.md section 4: hold 50 ETH at 3,500 (175,000 USD) and short 175,000 USD of BYBIT:ETHUSD (1 USD
        // contracts) at 1x. Holdings in coin = 50 + 175,000 x (1/X - 1/3,500) = 175,000/X ETH, worth 175,000 USD at
        // any X.
        Position hedge = Position.of(get("BYBIT:ETHUSD"), SHORT, "175000", "3500", "1");
        // -50 %: X = 1,750: coin PnL = 175,000/1,750 - 50 = +50 ETH; 100 ETH x 1,750 = 175,000 USD.
        assertThat(PRICER.pnl(hedge, d("1750"))).isEqualTo(Amount.of("50", ETH));
        assertThat(d("50").add(PRICER.pnl(hedge, d("1750")).value()).multiply(d("1750")))
                .isEqualByComparingTo("175000");
        // In USD: spot 50 x (1,750 - 3,500) = -87,500; hedge +50 ETH x 1,750 = +87,500.
        assertThat(PRICER.pnlUsd(hedge, d("1750")).value()).isEqualByComparingTo("87500");
        // +100 %: X = 7,000: coin PnL = 25 - 50 = -25 ETH; 25 ETH x 7,000 = 175,000 USD; spot +175,000, hedge -175,000.
        assertThat(PRICER.pnl(hedge, d("7000")).value()).isEqualByComparingTo("-25");
        assertThat(d("50").add(PRICER.pnl(hedge, d("7000")).value()).multiply(d("7000")))
                .isEqualByComparingTo("175000");
        assertThat(PRICER.pnlUsd(hedge, d("7000")).value()).isEqualByComparingTo("-175000");
        // The same hedge on Binance's 10 USD ETHUSD_PERP is 17,500 contracts and gives the same coin PnL.
        Position binance = Position.of(get("BINANCE:ETHUSD_PERP"), SHORT, "17500", "3500", "1");
        assertThat(PRICER.pnl(binance, d("1750")).value()).isEqualByComparingTo("50");
        assertThat(PRICER.usdNotional(binance.instrument(), d("17500"), d("1750"))
                        .value())
                .isEqualByComparingTo("175000");
    }

    @Test
    void oneTimesInverseShortHasNoBankruptcyPrice() {
        // 1x short: margin Q.FV/E = the whole coin value at entry; Q.FV/(Q.FV/E - M) has a zero denominator, so no rise
        // exhausts the margin (domain.md). On the mark convention MM shrinks with the coin value too: no LP either.
        Position hedge = Position.of(get("BYBIT:ETHUSD"), SHORT, "175000", "3500", "1");
        assertThat(PRICER.bankruptcyPrice(hedge, Amount.of("0", ETH))).isEmpty();
        assertThat(PRICER.liquidationPrice(hedge)).isEmpty();
        assertThat(PRICER.distanceToLiquidation(hedge, MAINTENANCE_ON_MARK_VALUE, Amount.of("0", ETH), d("3500")))
                .isEmpty();
        // On the entry convention MM stays at 1 % of the entry value (0.5 ETH) while equity 175,000/X falls towards 0:
        // LP = E.L/(L - 1 + MMR.L) = 3,500 / 0.01 = 350,000.
        assertThat(PRICER.liquidationPrice(hedge, MAINTENANCE_ON_ENTRY_VALUE, Amount.of("0", ETH))
                        .orElseThrow())
                .isEqualByComparingTo("350000");
        // A 2x short goes bankrupt at E.L/(L-1) = 7,000.
        Position twice = Position.of(get("BYBIT:ETHUSD"), SHORT, "175000", "3500", "2");
        assertThat(PRICER.bankruptcyPrice(twice, Amount.of("0", ETH)).orElseThrow())
                .isEqualByComparingTo("7000");
    }
}
