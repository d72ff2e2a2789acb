package io.hedgedesk.pricing.valuation;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.market.PriceQuote;
import io.hedgedesk.pricing.hedge.HedgeLeg;
import io.hedgedesk.pricing.hedge.HedgeRequest;
import io.hedgedesk.pricing.hedge.HedgeSizer;
import io.hedgedesk.pricing.hedge.MarginSource;
import io.hedgedesk.pricing.valuation.HedgeAlert.Kind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HedgeValuerTest {

    private static final ContractCatalog CATALOG = ContractCatalog.loadDefault();
    private static final Instrument AVAX_PERP = CATALOG.get("BINANCE:AVAXUSD_PERP");
    private static final Instrument ADA_PERP = CATALOG.get("BINANCE:ADAUSD_PERP");
    private static final Instrument ETHUSDT = CATALOG.get("BYBIT:ETHUSDT");
    private static final Instrument BTCUSD = CATALOG.get("BYBIT:BTCUSD");
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final AlertThresholds LIMITS = new AlertThresholds(Duration.ofHours(6), d("0.10"), d("0.05"));
    private static final HedgeValuer VALUER = HedgeValuer.DEFAULT;

    @Test
    void marginOutOfTheBagIsCountedOnceSoTheRecordedPlanShowsThePlansCoverage() {
        // 900 AVAX at 20 USD, BINANCE AVAXUSD_PERP (10 USD face value, taker 0.05 %), 2x, margin out of the bag, t = 1.
        // Plan: D = 900 / (1 + 0.0005) = 899.55022... AVAX → Q = D × 20 / 10 = 1,799.10 → 1,799 contracts;
        // notional 1,799 × 10 / 20 = 899.5 AVAX; fee f = 899.5 × 0.0005 = 0.44975 AVAX; margin M = 899.5 / 2 = 449.75.
        // Exposure after opening = 900 − 0.44975 = 899.55025 AVAX; coverage = 899.5 / 899.55025 = 0.99994414...
        HedgeLeg plan = HedgeSizer.DEFAULT.size(new HedgeRequest(
                AVAX_PERP.baseAsset(),
                d("900"),
                d("20"),
                AVAX_PERP,
                d("20"),
                d("2"),
                MarginSource.OUT_OF_BAG,
                BigDecimal.ONE,
                AVAX_PERP.takerFeeRate()));
        assertThat(plan.order().size()).isEqualByComparingTo("1799");
        assertThat(plan.margin().value()).isEqualByComparingTo("449.75");
        assertThat(plan.openingFee().value()).isEqualByComparingTo("0.44975");
        assertThat(plan.spotCoinsAfter()).isEqualByComparingTo("449.80025");
        assertThat(plan.exposureCoins()).isEqualByComparingTo("899.55025");

        // Recorded: the holding keeps its 900 AVAX (the bag); M + f = 450.19975 AVAX went from it to the venue, where
        // the
        // fee was paid: the account holds 449.75 AVAX, all of it from the bag. Exposure 900 + 449.75 − 450.19975.
        HedgeAccount recorded = account(1, AVAX_PERP, "1799", "20", "449.75", List.of(10L), "449.75", "450.19975");
        PortfolioHedges valued = VALUER.value(
                List.of(new HeldCoins(10, "AVAX", d("900"))),
                List.of(recorded),
                prices(Map.of("AVAX", "20")),
                NOW,
                LIMITS);

        AssetCoverage avax = valued.asset("AVAX").orElseThrow();
        assertThat(avax.exposureCoins()).isEqualByComparingTo("899.55025");
        assertThat(avax.hedgedCoins()).isEqualByComparingTo("899.5");
        assertThat(avax.coverage().orElseThrow()).isEqualByComparingTo(plan.coverage());
        assertThat(percent(avax.coverage().orElseThrow()))
                .isEqualTo(percent(plan.coverage()))
                .isEqualTo("99.99");
        HedgeValuation hedge = valued.hedge(1).orElseThrow();
        // SELL (899.55025 − 899.5) × 20 / 10 = 0.1005 contracts → rounded down: no resize
        assertThat(hedge.coverage().orElseThrow().resize().size()).isZero();
        // mark = entry: no unrealized PnL
        assertThat(hedge.unrealizedPnl().orElseThrow()).isZero();
        assertThat(valued.alerts()).isEmpty();
    }

    @Test
    void theOldModelAddingTheWholeHoldingAndTheMarginShowedTwoThirds() {
        // What the tracker used to compute: holdings 900 + account 449.30025 (margin less fee) = 1,349.30025 AVAX,
        // coverage 899.5 / 1,349.30025 = 66.66 %. Here bagCoins = 0 reproduces that reading (the coins counted twice).
        HedgeAccount twice = account(1, AVAX_PERP, "1799", "20", "449.75", List.of(10L), "449.30025", "0");
        AssetCoverage avax = VALUER.value(
                        List.of(new HeldCoins(10, "AVAX", d("900"))),
                        List.of(twice),
                        prices(Map.of("AVAX", "20")),
                        NOW,
                        LIMITS)
                .asset("AVAX")
                .orElseThrow();
        assertThat(percent(avax.coverage().orElseThrow())).isEqualTo("66.66");
    }

    @Test
    void linearHedgeWithExtraCoinCollateralCountsTheCollateral() {
        // 15 ETH at 3,000, BYBIT ETHUSDT (1 ETH per unit, step 0.01) at 2x, extra coin: D = 15 × 2 / (2 − 1) = 30 ETH,
        // q = 30; IM = 30 × 3,000 / 2 = 45,000 USDT = 15 ETH of collateral deposited. Exposure 15 + 15 = 30, coverage
        // 1.
        HedgeLeg plan = HedgeSizer.DEFAULT.size(new HedgeRequest(
                ETHUSDT.baseAsset(),
                d("15"),
                d("3000"),
                ETHUSDT,
                d("3000"),
                d("2"),
                MarginSource.EXTRA_COIN,
                BigDecimal.ONE,
                ETHUSDT.takerFeeRate()));
        assertThat(plan.order().size()).isEqualByComparingTo("30");
        assertThat(plan.extraCoins()).isEqualByComparingTo("15");
        HedgeAccount recorded = account(2, ETHUSDT, "30", "3000", "45000", List.of(20L), "15", "0");
        PortfolioHedges valued = VALUER.value(
                List.of(new HeldCoins(20, "ETH", d("15"))),
                List.of(recorded),
                prices(Map.of("ETH", "3000")),
                NOW,
                LIMITS);
        assertThat(valued.asset("ETH").orElseThrow().coverage().orElseThrow()).isEqualByComparingTo("1");
        assertThat(valued.hedge(2)
                        .orElseThrow()
                        .coverage()
                        .orElseThrow()
                        .resize()
                        .size())
                .isZero();
        assertThat(valued.alerts()).isEmpty();
        // without the collateral (the old recording: USDT margin only) the same hedge read 200 % with "BUY 15"
        HedgeAccount usdtOnly = account(2, ETHUSDT, "30", "3000", "45000", List.of(20L), "0", "0");
        PortfolioHedges old = VALUER.value(
                List.of(new HeldCoins(20, "ETH", d("15"))),
                List.of(usdtOnly),
                prices(Map.of("ETH", "3000")),
                NOW,
                LIMITS);
        assertThat(old.asset("ETH").orElseThrow().coverage().orElseThrow()).isEqualByComparingTo("2");
        assertThat(old.hedge(2).orElseThrow().coverage().orElseThrow().resize().toString())
                .isEqualTo("BUY 15 ETHUSDT");
    }

    @Test
    void twoHedgesOfOneCoinAddUpAndTheResizeOfEachAccountsForTheOther() {
        // 40,000 ADA at 0.50 USD; two shorts on BINANCE ADAUSD_PERP (10 USD), each 800 contracts at 0.50 = 16,000 ADA,
        // stablecoin-free coin margin out of the bag with no fee (venue 0, bag 0 for simplicity). Each covers 40 %, the
        // coin 80 %; target 1 → drift −20 points → one coverage alert for ADA, not one per hedge.
        HedgeAccount a = account(3, ADA_PERP, "800", "0.5", "8000", List.of(30L), "0", "0");
        HedgeAccount b = account(4, ADA_PERP, "800", "0.5", "8000", List.of(30L), "0", "0");
        PortfolioHedges valued = VALUER.value(
                List.of(new HeldCoins(30, "ADA", d("40000"))),
                List.of(a, b),
                prices(Map.of("ADA", "0.5")),
                NOW,
                LIMITS);
        AssetCoverage ada = valued.asset("ADA").orElseThrow();
        assertThat(ada.coverage().orElseThrow()).isEqualByComparingTo("0.8");
        assertThat(valued.alerts()).extracting(HedgeAlert::kind).containsExactly(Kind.COVERAGE_DRIFT);
        // the planner plans what is left: 40,000 − 32,000 / 1 = 8,000 ADA (at target 0.9: 40,000 − 35,555.55… =
        // 4,444.44…)
        assertThat(ada.coinsLeft(BigDecimal.ONE)).isEqualByComparingTo("8000");
        assertThat(ada.coinsLeft(d("0.9")).setScale(4, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("4444.4444");
        // hedge 3's resize: SELL (40,000 − 16,000 − 16,000) × 0.5 / 10 = 400 contracts, after which the coin is at 100
        // %
        var check = valued.hedge(3).orElseThrow().coverage().orElseThrow();
        assertThat(check.resize().toString()).isEqualTo("SELL 400 ADAUSD_PERP");
        assertThat(check.coverageAfterResize()).isEqualByComparingTo("1");
    }

    @Test
    void aProxyHedgeIsMeasuredAgainstBetaTimesTheBasket() {
        // Basket 120 SOL × 150 + 900 AVAX × 20 = 36,000 USD; β 1.6 → 57,600 USD to hedge = 0.96 BTC at 60,000.
        // BYBIT BTCUSD (1 USD face value) short 57,600 contracts at 60,000: delta 57,600 / 60,000 = 0.96 BTC → 100 %.
        HedgeAccount proxy = new HedgeAccount(
                5,
                BTCUSD,
                Side.SHORT,
                d("57600"),
                d("60000"),
                d("2"),
                d("0.48"),
                BigDecimal.ONE,
                List.of(40L, 41L),
                d("0.48"),
                BigDecimal.ZERO,
                Optional.of(d("1.6")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                BigDecimal.ZERO);
        PortfolioHedges valued = VALUER.value(
                List.of(new HeldCoins(40, "SOL", d("120")), new HeldCoins(41, "AVAX", d("900"))),
                List.of(proxy),
                prices(Map.of("SOL", "150", "AVAX", "20", "BTC", "60000")),
                NOW,
                LIMITS);
        HedgeValuation v = valued.hedge(5).orElseThrow();
        assertThat(v.proxy()).isTrue();
        assertThat(v.coverage().orElseThrow().coverage()).isEqualByComparingTo("1");
        assertThat(valued.assets()).isEmpty();
        assertThat(valued.alerts()).isEmpty();
        // the basket falls to 30,000 USD (SOL 100): coverage 0.96 / (1.6 × 30,000 / 60,000) = 0.96 / 0.8 = 1.2
        PortfolioHedges fallen = VALUER.value(
                List.of(new HeldCoins(40, "SOL", d("120")), new HeldCoins(41, "AVAX", d("900"))),
                List.of(proxy),
                prices(Map.of("SOL", "100", "AVAX", "20", "BTC", "60000")),
                NOW,
                LIMITS);
        assertThat(fallen.hedge(5).orElseThrow().coverage().orElseThrow().coverage())
                .isEqualByComparingTo("1.2");
        assertThat(fallen.alerts()).extracting(HedgeAlert::kind).containsExactly(Kind.COVERAGE_DRIFT);
    }

    @Test
    void oneStaleAlertPerCoinAndTargetsByTheirSide() {
        // A short with stop 22 and take-profit 18 at mark 22.5: (22 − 22.5) / 22.5 = −0.0222 ≤ 0 → the stop is reached;
        // (18 − 22.5) / 22.5 = −0.2 < 0 → the take-profit is not. The price is 7 h old (> 6 h): one STALE_PRICE for
        // AVAX
        // although two hedges use it. Together the two shorts hold 2 × 100 × 10 / 20 = 100 AVAX of delta against the
        // 100 AVAX holding (the 5 AVAX of margin came from it): coverage 100 %, no drift alert.
        HedgeAccount stopped = new HedgeAccount(
                6,
                AVAX_PERP,
                Side.SHORT,
                d("100"),
                d("20"),
                d("2"),
                d("2.5"),
                BigDecimal.ONE,
                List.of(10L),
                d("2.5"),
                d("2.5"),
                Optional.empty(),
                Optional.of(d("22")),
                Optional.of(d("18")),
                Optional.empty(),
                BigDecimal.ZERO);
        HedgeAccount other = account(7, AVAX_PERP, "100", "20", "2.5", List.of(10L), "2.5", "2.5");
        Prices old = new Prices(
                Map.of("AVAX", new PriceQuote("AVAX", d("22.5"), "manual (alice)", NOW.minus(Duration.ofHours(7)))),
                Map.of());
        PortfolioHedges valued =
                VALUER.value(List.of(new HeldCoins(10, "AVAX", d("100"))), List.of(stopped, other), old, NOW, LIMITS);
        assertThat(valued.alerts()).extracting(HedgeAlert::kind).containsExactly(Kind.STOP_REACHED, Kind.STALE_PRICE);
        assertThat(valued.hedge(6).orElseThrow().stopDistance().orElseThrow())
                .isEqualByComparingTo(d("-0.5").divide(d("22.5"), MathContext.DECIMAL128));
        assertThat(HedgeValuer.targetReached(Side.LONG, d("0.01"), true)).isTrue();
        assertThat(HedgeValuer.targetReached(Side.LONG, d("0.01"), false)).isFalse();
    }

    @Test
    void aSuggestedResizeAppliedLandsOnTheTargetAndNeverPassesIt() {
        // Under-hedged: 900 AVAX held, a short of 1,500 contracts (10 USD) at entry 20 → 750 AVAX of delta, 83.33 %.
        // At mark 25 the resize is SELL (900 − 750) × 25 / 10 = 375 contracts; filled at 25 the harmonic average entry
        // keeps the old delta and adds 375 × 10 / 25 = 150 AVAX: 900 / 900 = 100 % exactly.
        HedgeAccount under = account(20, AVAX_PERP, "1500", "20", "750", List.of(10L), "0", "0");
        List<HeldCoins> held = List.of(new HeldCoins(10, "AVAX", d("900")));
        var check = VALUER.value(held, List.of(under), prices(Map.of("AVAX", "25")), NOW, LIMITS)
                .hedge(20)
                .orElseThrow()
                .coverage()
                .orElseThrow();
        assertThat(check.resize().toString()).isEqualTo("SELL 375 AVAXUSD_PERP");
        BigDecimal entryAfter = io.hedgedesk.pricing.perpetual.PerpetualPricer.of(AVAX_PERP)
                .increase(
                        new io.hedgedesk.pricing.perpetual.Position(AVAX_PERP, Side.SHORT, d("1500"), d("20"), d("2")),
                        d("375"),
                        d("25"))
                .entryPrice();
        HedgeAccount resized =
                account(20, AVAX_PERP, "1875", entryAfter.toPlainString(), "750", List.of(10L), "0", "0");
        assertThat(VALUER.value(held, List.of(resized), prices(Map.of("AVAX", "25")), NOW, LIMITS)
                        .asset("AVAX")
                        .orElseThrow()
                        .coverage()
                        .orElseThrow()
                        .setScale(12, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("1");

        // Over-hedged with a price move: 900 AVAX, short 2,000 contracts at entry 20 (1,000 AVAX, 111.1 %), mark 16.
        // BUY ΔN = (1,000 − 900) / (1/16) = 1,600 USD = 160 contracts. Closing them realizes 1,600 × (1/16 − 1/20) = 20
        // AVAX, which stay at the venue: exposure 920, delta (2,000 − 160) × 10 / 20 = 920 → 100 %. A fractional result
        // is rounded down, so the coverage after is never below the target.
        HedgeAccount over = account(21, AVAX_PERP, "2000", "20", "1000", List.of(10L), "0", "0");
        var buy = VALUER.value(held, List.of(over), prices(Map.of("AVAX", "16")), NOW, LIMITS)
                .hedge(21)
                .orElseThrow()
                .coverage()
                .orElseThrow();
        assertThat(buy.resize().toString()).isEqualTo("BUY 160 AVAXUSD_PERP");
        HedgeAccount bought = account(21, AVAX_PERP, "1840", "20", "1000", List.of(10L), "20", "0");
        assertThat(VALUER.value(held, List.of(bought), prices(Map.of("AVAX", "16")), NOW, LIMITS)
                        .asset("AVAX")
                        .orElseThrow()
                        .coverage()
                        .orElseThrow())
                .isEqualByComparingTo("1");
        // at mark 16.3 the exact order is 100 × 16.3 = 1,630 USD = 163 contracts; at 16.31 it is 163.1 → 163: after it
        // the coverage stays at or above 100 %, within one contract of it
        var fractional = VALUER.value(held, List.of(over), prices(Map.of("AVAX", "16.31")), NOW, LIMITS)
                .hedge(21)
                .orElseThrow()
                .coverage()
                .orElseThrow();
        assertThat(fractional.resize().size()).isEqualByComparingTo("163");
        assertThat(fractional.coverageAfterResize())
                .isGreaterThanOrEqualTo(BigDecimal.ONE)
                .isLessThan(d("1.0002"));
    }

    private static HedgeAccount account(
            long id,
            Instrument instrument,
            String size,
            String entry,
            String margin,
            List<Long> holdings,
            String venueCoins,
            String bagCoins) {
        return new HedgeAccount(
                id,
                instrument,
                Side.SHORT,
                d(size),
                d(entry),
                d("2"),
                d(margin),
                BigDecimal.ONE,
                holdings,
                d(venueCoins),
                d(bagCoins),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                BigDecimal.ZERO);
    }

    private static Prices prices(Map<String, String> usd) {
        Map<String, PriceQuote> spot = new java.util.HashMap<>();
        usd.forEach((asset, price) ->
                spot.put(asset, new PriceQuote(asset, d(price), "manual (alice)", NOW.minusSeconds(60))));
        return new Prices(spot, Map.of());
    }

    /** Coverage as the pages print it: percent to the hundredth, rounded down so that 99.999 never reads 100.00. */
    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2)
                .setScale(2, java.math.RoundingMode.DOWN)
                .toPlainString();
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
