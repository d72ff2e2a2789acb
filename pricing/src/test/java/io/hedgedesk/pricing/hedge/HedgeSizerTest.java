package io.hedgedesk.pricing.hedge;

import static io.hedgedesk.pricing.hedge.MarginSource.EXTRA_COIN;
import static io.hedgedesk.pricing.hedge.MarginSource.OUT_OF_BAG;
import static io.hedgedesk.pricing.hedge.MarginSource.STABLECOIN;
import static io.hedgedesk.pricing.testing.ContractFixtures.BINANCE_BTCUSDT;
import static io.hedgedesk.pricing.testing.ContractFixtures.BINANCE_ETHUSD_PERP;
import static io.hedgedesk.pricing.testing.ContractFixtures.BTC;
import static io.hedgedesk.pricing.testing.ContractFixtures.BYBIT_BTCUSD;
import static io.hedgedesk.pricing.testing.ContractFixtures.BYBIT_ETHUSD;
import static io.hedgedesk.pricing.testing.ContractFixtures.BYBIT_ETHUSDT;
import static io.hedgedesk.pricing.testing.ContractFixtures.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.pricing.perpetual.PerpetualPricingException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hedge sizing; every expected number is worked out by hand in the comment next to it. */
class HedgeSizerTest {

    private static final HedgeSizer SIZER = HedgeSizer.DEFAULT;
    /** Tolerance for results that went through a DECIMAL128 division (34 significant digits). */
    private static final BigDecimal TINY = new BigDecimal("1e-25");

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static HedgeRequest request(
            String coins, String spot, Instrument instrument, String leverage, MarginSource source) {
        return HedgeRequest.fullHedge(d(coins), d(spot), instrument, d(leverage), source);
    }

    // ---- the classic example: 50 ETH at 3,500 USD = 175,000 USD -------------------------------------------------

    @Test
    void classicEthLinearSellsFiftyEthusdt() {
        // q = exposure / futures price = 50 × 3,500 / 3,500 = 50 ETH; margin 175,000 / 5 = 35,000 USDT of fresh capital
        HedgeLeg leg = SIZER.size(request("50", "3500", BYBIT_ETHUSDT, "5", STABLECOIN));
        assertThat(leg.order().toString()).isEqualTo("SELL 50 ETHUSDT");
        assertThat(leg.order().side()).isEqualTo(Side.SHORT);
        assertThat(leg.order().size()).isEqualByComparingTo("50");
        assertThat(leg.notionalCoins()).isEqualByComparingTo("50");
        assertThat(leg.notionalUsd()).isEqualByComparingTo("175000");
        assertThat(leg.margin()).isEqualTo(new Amount(leg.margin().value(), Asset.USDT));
        assertThat(leg.margin().value()).isEqualByComparingTo("35000");
        assertThat(leg.marginUsd()).isEqualByComparingTo("35000");
        assertThat(leg.marginIsFreshCapital()).isTrue();
        // stablecoin margin adds no coin exposure
        assertThat(leg.exposureCoins()).isEqualByComparingTo("50");
        assertThat(leg.exposureUsd()).isEqualByComparingTo("175000");
        assertThat(leg.extraCoins()).isZero();
        assertThat(leg.spotCoinsAfter()).isEqualByComparingTo("50");
        assertThat(leg.hedgedUsd()).isEqualByComparingTo("175000");
        assertThat(leg.residualUsd()).isZero();
        assertThat(leg.coverage()).isEqualByComparingTo("1");
    }

    @Test
    void classicEthBybitInverseSells175000OneDollarContracts() {
        // Q = 175,000 USD / 1 USD per contract = 175,000; margin out of the bag at 2x: 175,000 / (3,500 × 2) = 25 ETH,
        // leaving 25 ETH spot; the exposure is still the whole bag, 50 ETH, because the margin coin is ETH too.
        HedgeLeg leg = SIZER.size(request("50", "3500", BYBIT_ETHUSD, "2", OUT_OF_BAG));
        assertThat(leg.order().toString()).isEqualTo("SELL 175000 ETHUSD");
        assertThat(leg.notionalUsd()).isEqualByComparingTo("175000");
        assertThat(leg.notionalCoins()).isEqualByComparingTo("50");
        assertThat(leg.margin().asset()).isEqualTo(ETH);
        assertThat(leg.margin().value()).isEqualByComparingTo("25");
        assertThat(leg.marginUsd()).isEqualByComparingTo("87500");
        assertThat(leg.marginIsFreshCapital()).isFalse();
        assertThat(leg.spotCoinsAfter()).isEqualByComparingTo("25");
        assertThat(leg.extraCoins()).isZero();
        assertThat(leg.exposureCoins()).isEqualByComparingTo("50");
        assertThat(leg.exposureUsd()).isEqualByComparingTo("175000");
        assertThat(leg.hedgedCoins()).isEqualByComparingTo("50");
        assertThat(leg.residualCoins()).isZero();
        assertThat(leg.roundingResidualUsd()).isZero();
        assertThat(leg.coverage()).isEqualByComparingTo("1");
    }

    @Test
    void classicEthBinanceInverseSells17500TenDollarContracts() {
        // Q = 175,000 / 10 = 17,500 (one contract is 10 USD, not one coin); margin at 5x: 175,000 / (3,500 × 5) = 10
        // ETH
        HedgeLeg leg = SIZER.size(request("50", "3500", BINANCE_ETHUSD_PERP, "5", OUT_OF_BAG));
        assertThat(leg.order().toString()).isEqualTo("SELL 17500 ETHUSD_PERP");
        assertThat(leg.notionalUsd()).isEqualByComparingTo("175000");
        assertThat(leg.margin().value()).isEqualByComparingTo("10");
        assertThat(leg.spotCoinsAfter()).isEqualByComparingTo("40");
        assertThat(leg.coverage()).isEqualByComparingTo("1");
    }

    @Test
    void classicEthWithTheCatalogContracts() {
        // The same three legs on the bundled catalog's entries (face values 1 and 10 USD, ETHUSDT in ETH with step
        // 0.01)
        ContractCatalog catalog = ContractCatalog.loadDefault();
        assertThat(SIZER.size(request("50", "3500", catalog.get("BYBIT:ETHUSDT"), "5", STABLECOIN))
                        .order()
                        .toString())
                .isEqualTo("SELL 50 ETHUSDT");
        assertThat(SIZER.size(request("50", "3500", catalog.get("BYBIT:ETHUSD"), "2", OUT_OF_BAG))
                        .order()
                        .toString())
                .isEqualTo("SELL 175000 ETHUSD");
        assertThat(SIZER.size(request("50", "3500", catalog.get("BINANCE:ETHUSD_PERP"), "5", OUT_OF_BAG))
                        .order()
                        .toString())
                .isEqualTo("SELL 17500 ETHUSD_PERP");
    }

    // ---- residuals after rounding to whole steps --------------------------------------------------------------------

    @Test
    void oddAmountRoundsUpToTheNearestContractAndShowsTheOverHedge() {
        // 1.2345 ETH × 3,456.78 = 3,456.78 + 0.2345 × 3,456.78 (= 810.614910) = 4,267.394910 USD
        // Q = 4,267.39491 / 10 = 426.739491 → nearest contract 427 → notional 4,270 USD
        // residual = 4,267.39491 − 4,270 = −2.60509 USD: negative, the hedge is 2.61 USD larger than the bag (net
        // short);
        // in coins −2.60509 / 3,456.78 = −0.00075361753...
        HedgeLeg leg = SIZER.size(request("1.2345", "3456.78", BINANCE_ETHUSD_PERP, "10", OUT_OF_BAG));
        assertThat(leg.order().size()).isEqualByComparingTo("427");
        assertThat(leg.exposureUsd()).isEqualByComparingTo("4267.394910");
        assertThat(leg.notionalUsd()).isEqualByComparingTo("4270");
        assertThat(leg.hedgedUsd()).isCloseTo(d("4270"), within(TINY));
        assertThat(leg.residualUsd()).isCloseTo(d("-2.60509"), within(TINY));
        assertThat(leg.residualCoins()).isCloseTo(d("-0.00075361753"), within(d("0.00000000001")));
        assertThat(leg.residualCoins().multiply(d("3456.78"))).isCloseTo(d("-2.60509"), within(TINY));
        // target 1, so the whole residual is the rounding residual
        assertThat(leg.roundingResidualUsd()).isCloseTo(d("-2.60509"), within(TINY));
        // coverage = 4,270 / 4,267.39491 = 1.000610463...
        assertThat(leg.coverage()).isCloseTo(d("1.000610463"), within(d("0.000000001")));
    }

    @Test
    void oddAmountRoundsDownAndLeavesALongResidual() {
        // 0.11 ETH × 3,456.78 = 380.2458 USD; Q = 38.02458 → 38 contracts = 380 USD
        // residual = +0.2458 USD (unhedged, net long) = 0.2458 / 3,456.78 = 0.0000711066... ETH
        HedgeLeg leg = SIZER.size(request("0.11", "3456.78", BINANCE_ETHUSD_PERP, "10", OUT_OF_BAG));
        assertThat(leg.order().toString()).isEqualTo("SELL 38 ETHUSD_PERP");
        assertThat(leg.residualUsd()).isCloseTo(d("0.2458"), within(TINY));
        assertThat(leg.residualCoins()).isCloseTo(d("0.0000711066"), within(d("0.0000000001")));
    }

    @Test
    void linearQuantityRoundsToTheStepWithTiesUp() {
        // 1.2345 ETH: q = 1.2345 → 123.45 steps of 0.01 → 123 → 1.23 ETH; residual 0.0045 ETH × 3,456.78 = 15.555510
        // USD
        HedgeLeg leg = SIZER.size(request("1.2345", "3456.78", BYBIT_ETHUSDT, "10", STABLECOIN));
        assertThat(leg.order().toString()).isEqualTo("SELL 1.23 ETHUSDT");
        assertThat(leg.residualCoins()).isCloseTo(d("0.0045"), within(TINY));
        assertThat(leg.residualUsd()).isCloseTo(d("15.555510"), within(TINY));
        // 1.235 ETH: 123.5 steps, a tie, goes up to 124 → 1.24; over-hedged by 0.005 ETH = 17.2839 USD
        HedgeLeg tie = SIZER.size(request("1.235", "3456.78", BYBIT_ETHUSDT, "10", STABLECOIN));
        assertThat(tie.order().size()).isEqualByComparingTo("1.24");
        assertThat(tie.residualUsd()).isCloseTo(d("-17.2839"), within(TINY));
    }

    @Test
    void holdingSmallerThanHalfAContractGivesAnEmptyOrderAndAFullResidual() {
        // 0.0001 ETH × 3,000 = 0.3 USD = 0.03 of a 10 USD contract → 0 contracts; all 0.3 USD stays unhedged
        HedgeLeg leg = SIZER.size(request("0.0001", "3000", BINANCE_ETHUSD_PERP, "10", OUT_OF_BAG));
        assertThat(leg.order().isEmpty()).isTrue();
        assertThat(leg.residualUsd()).isEqualByComparingTo("0.3");
        assertThat(leg.coverage()).isZero();
        assertThat(leg.margin().value()).isZero();
    }

    // ---- the margin counts --------------------------------------------------------------------------------------

    @Test
    void marginOutOfTheBagAddsNoExposure() {
        // 10 ETH at 3,000, Bybit ETHUSD 5x: Q = 30,000; margin 30,000 / (3,000 × 5) = 2 ETH taken from the bag
        HedgeLeg leg = SIZER.size(request("10", "3000", BYBIT_ETHUSD, "5", OUT_OF_BAG));
        assertThat(leg.order().size()).isEqualByComparingTo("30000");
        assertThat(leg.margin().value()).isEqualByComparingTo("2");
        assertThat(leg.spotCoinsAfter()).isEqualByComparingTo("8");
        assertThat(leg.exposureCoins()).isEqualByComparingTo("10");
        assertThat(leg.coverage()).isEqualByComparingTo("1");
    }

    @Test
    void extraCoinMarginIsHedgedTooInClosedForm() {
        // Same bag, but 5x margin deposited as extra ETH. Q·FV = (C + M)·E with M = Q·FV/(E·L):
        // Q·FV·(1 − 1/L) = C·E → Q·FV = C·E·L/(L − 1) = 10 × 3,000 × 5 / 4 = 37,500 USD → 37,500 contracts;
        // M = 37,500 / (3,000 × 5) = 2.5 ETH; exposure 10 + 2.5 = 12.5 ETH = 37,500 USD = the hedge notional.
        // (Hedging only the 30,000 USD bag would leave the 2 extra ETH of its margin unhedged: coverage 10/12.)
        HedgeLeg leg = SIZER.size(request("10", "3000", BYBIT_ETHUSD, "5", EXTRA_COIN));
        assertThat(leg.order().toString()).isEqualTo("SELL 37500 ETHUSD");
        assertThat(leg.margin().value()).isEqualByComparingTo("2.5");
        assertThat(leg.extraCoins()).isEqualByComparingTo("2.5");
        assertThat(leg.spotCoinsAfter()).isEqualByComparingTo("10");
        assertThat(leg.exposureCoins()).isEqualByComparingTo("12.5");
        assertThat(leg.exposureUsd()).isEqualByComparingTo("37500");
        assertThat(leg.marginIsFreshCapital()).isTrue();
        // the defining equation holds numerically: Q·FV = (C + M)·E
        assertThat(leg.notionalUsd())
                .isEqualByComparingTo(d("10").add(leg.margin().value()).multiply(d("3000")));
        assertThat(leg.residualUsd()).isZero();
        assertThat(leg.coverage()).isEqualByComparingTo("1");

        // 1 ETH at 3,000 with 3x: Q·FV = 1 × 3,000 × 3 / 2 = 4,500; M = 4,500 / 9,000 = 0.5 ETH; exposure 1.5 ETH
        HedgeLeg small = SIZER.size(request("1", "3000", BYBIT_ETHUSD, "3", EXTRA_COIN));
        assertThat(small.order().size()).isEqualByComparingTo("4500");
        assertThat(small.margin().value()).isEqualByComparingTo("0.5");
        assertThat(small.exposureUsd()).isEqualByComparingTo("4500");
    }

    @Test
    void extraCoinCollateralOnALinearContractAfterRounding() {
        // 10 ETH at 3,000, Bybit ETHUSDT 4x, ETH as collateral: D = C·L/(L − 1) = 40/3 = 13.333... ETH → 13.33 (step
        // 0.01)
        // margin M = 13.33 / 4 = 3.3325 ETH (worth 13.33 × 3,000 / 4 = 9,997.50 USDT); exposure 13.3325 ETH;
        // residual 13.3325 − 13.33 = 0.0025 ETH = 7.50 USD; coverage 13.33 / 13.3325 = 0.999812488...
        HedgeLeg leg = SIZER.size(request("10", "3000", BYBIT_ETHUSDT, "4", EXTRA_COIN));
        assertThat(leg.order().toString()).isEqualTo("SELL 13.33 ETHUSDT");
        assertThat(leg.margin()).isEqualTo(new Amount(leg.margin().value(), ETH));
        assertThat(leg.margin().value()).isEqualByComparingTo("3.3325");
        assertThat(leg.marginUsd()).isEqualByComparingTo("9997.5");
        assertThat(leg.exposureCoins()).isEqualByComparingTo("13.3325");
        assertThat(leg.residualUsd()).isCloseTo(d("7.5"), within(TINY));
        assertThat(leg.coverage()).isCloseTo(d("0.999812488"), within(d("0.000000001")));
    }

    // ---- target coverage and basis ------------------------------------------------------------------------------

    @Test
    void halfHedge() {
        // t = 0.5: Q = 0.5 × 175,000 = 87,500; margin 87,500 / (3,500 × 2) = 12.5 ETH; 25 ETH (87,500 USD) stay
        // unhedged
        HedgeLeg leg =
                SIZER.size(request("50", "3500", BYBIT_ETHUSD, "2", OUT_OF_BAG).withTargetCoverage(d("0.5")));
        assertThat(leg.order().size()).isEqualByComparingTo("87500");
        assertThat(leg.margin().value()).isEqualByComparingTo("12.5");
        assertThat(leg.coverage()).isEqualByComparingTo("0.5");
        assertThat(leg.residualCoins()).isEqualByComparingTo("25");
        assertThat(leg.residualUsd()).isEqualByComparingTo("87500");
        assertThat(leg.roundingResidualUsd()).isZero();

        // with extra coin at 2x: D = t·C·L/(L − t) = 0.5 × 50 × 2 / 1.5 = 33.333... ETH → Q = 116,666.67 → 116,667;
        // M = 116,667 / 7,000 = 16.6667142857 ETH; exposure 66.6667142857; hedged 116,667 / 3,500 = 33.3334285714;
        // coverage = 33.3334285714 / 66.6667142857 = 0.5000010714: half of the bag and of its own margin.
        HedgeLeg extra =
                SIZER.size(request("50", "3500", BYBIT_ETHUSD, "2", EXTRA_COIN).withTargetCoverage(d("0.5")));
        assertThat(extra.order().size()).isEqualByComparingTo("116667");
        assertThat(extra.margin().value()).isCloseTo(d("16.6667142857"), within(d("0.0000000001")));
        assertThat(extra.coverage()).isCloseTo(d("0.5000010714"), within(d("0.0000000001")));
        // rounding residual = 0.5 × 66.6667142857 − 33.3334285714 = 33.3333571429 − 33.3334285714 = −0.0000714286 ETH:
        // the extra third of a contract over-hedges a little (negative)
        assertThat(extra.roundingResidualCoins()).isCloseTo(d("-0.0000714286"), within(d("0.0000000001")));
    }

    @Test
    void withABasisTheInverseShortIsSizedOnCoinDeltaAndTheLinearOnDollars() {
        // 2 BTC, spot 60,000, perpetual at 60,300 (+0.5 %). Inverse: D = 2 BTC → N = D·E = 120,600 USD, so that the
        // short's USD delta N/E = 2 BTC matches the bag (sizing on 2 × 60,000 = 120,000 USD would cover only
        // 120,000 / 60,300 / 2 = 0.995).
        HedgeLeg inverse = SIZER.size(new HedgeRequest(
                BTC, d("2"), d("60000"), BYBIT_BTCUSD, d("60300"), d("10"), OUT_OF_BAG, BigDecimal.ONE));
        assertThat(inverse.order().toString()).isEqualTo("SELL 120600 BTCUSD");
        assertThat(inverse.coverage()).isEqualByComparingTo("1");
        // Linear: q = exposure / futures price = 120,000 / 60,300 = 1.99004975... → 1.990 BTC (step 0.001);
        // hedged USD = 1.99 × 60,300 = 119,997 → residual 3 USD
        HedgeLeg linear = SIZER.size(new HedgeRequest(
                BTC, d("2"), d("60000"), BINANCE_BTCUSDT, d("60300"), d("10"), STABLECOIN, BigDecimal.ONE));
        assertThat(linear.order().toString()).isEqualTo("SELL 1.99 BTCUSDT");
        assertThat(linear.hedgedUsd()).isEqualByComparingTo("119997");
        assertThat(linear.residualUsd()).isEqualByComparingTo("3");
    }

    @Test
    void planSumsTheLegs() {
        // 50 ETH linear (175,000 USD, 35,000 USDT margin) + 10 ETH inverse with extra coin (37,500 USD, 2.5 ETH = 7,500
        // USD)
        HedgePlan plan = SIZER.plan(List.of(
                request("50", "3500", BYBIT_ETHUSDT, "5", STABLECOIN),
                request("10", "3000", BYBIT_ETHUSD, "5", EXTRA_COIN)));
        assertThat(plan.legs()).hasSize(2);
        assertThat(plan.exposureUsd()).isEqualByComparingTo("212500");
        assertThat(plan.hedgedUsd()).isEqualByComparingTo("212500");
        assertThat(plan.residualUsd()).isZero();
        assertThat(plan.coverage()).isEqualByComparingTo("1");
        assertThat(plan.freshStablecoin()).isEqualByComparingTo("35000");
        assertThat(plan.extraCoinUsd()).isEqualByComparingTo("7500");
        assertThatThrownBy(() -> SIZER.plan(List.of()))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessage("a plan needs at least one leg");
    }

    // ---- coverage drift and resize ------------------------------------------------------------------------------

    /** The classic inverse hedge after opening: 25 ETH spot + 25 ETH margin, short 175,000 ETHUSD from 3,500. */
    private static HedgeState classicInverse(String spotCoins, String price) {
        return new HedgeState(BYBIT_ETHUSD, d(spotCoins), d("25"), d("175000"), d("3500"), d(price), d(price));
    }

    @Test
    void freshHedgeHasNoDrift() {
        CoverageCheck check = SIZER.coverage(classicInverse("25", "3500"), BigDecimal.ONE);
        assertThat(check.coverage()).isEqualByComparingTo("1");
        assertThat(check.drift()).isZero();
        assertThat(check.resize().isEmpty()).isTrue();
        assertThat(check.holdingsDeltaUsd()).isEqualByComparingTo("175000");
        assertThat(check.hedgeDeltaUsd()).isEqualByComparingTo("-175000");
        assertThat(check.netDeltaUsd()).isZero();
        // the inverse short's delta −N/E = −50 ETH does not change with the price while its PnL stays in the account
        assertThat(SIZER.coverage(classicInverse("25", "1750"), BigDecimal.ONE).hedgeDeltaCoins())
                .isEqualByComparingTo("-50");
    }

    @Test
    void sellingPartOfTheBagOverHedgesAndTheResizeBuysBack() {
        // The user sells 10 of the 25 spot ETH: holdings 40 ETH, hedge delta still 175,000 / 3,500 = 50 ETH.
        // coverage 50/40 = 1.25, drift +0.25 (over-hedged). At an unchanged price: BUY back (50 − 40) × 3,500 = 35,000.
        CoverageCheck check = SIZER.coverage(classicInverse("15", "3500"), BigDecimal.ONE);
        assertThat(check.coverage()).isEqualByComparingTo("1.25");
        assertThat(check.drift()).isEqualByComparingTo("0.25");
        assertThat(check.netDeltaUsd()).isEqualByComparingTo("-35000");
        assertThat(check.resize().toString()).isEqualTo("BUY 35000 ETHUSD");
        assertThat(check.coverageAfterResize()).isEqualByComparingTo("1");

        // Same, with the price now 3,000 (entry still 3,500). t = 1: ΔN = (D − H)·F = 10 × 3,000 = 30,000.
        // Check: closing 30,000 realizes 30,000 × (1/3,000 − 1/3,500) = 10 − 8.571428... = 1.428571... ETH into the
        // account → holdings 41.428571...; the rest 145,000 / 3,500 = 41.428571... ETH: coverage exactly 1 again.
        CoverageCheck moved = SIZER.coverage(classicInverse("15", "3000"), BigDecimal.ONE);
        assertThat(moved.resize().toString()).isEqualTo("BUY 30000 ETHUSD");
        assertThat(moved.coverageAfterResize()).isCloseTo(BigDecimal.ONE, within(TINY));
    }

    @Test
    void reducingTowardsAHalfTargetCountsTheRealizedCoin() {
        // Holdings 40, D = 50, E = 3,500, F = 3,000, t = 0.5:
        // ΔN = (50 − 20) / (0.5/3,000 + 0.5/3,500) = 30 × 2 × 3,000 × 3,500 / 6,500 = 96,923.08 → 96,923 contracts.
        // After: 78,077 / 3,500 = 22.30771 ETH short; holdings 40 + 96,923 × (1/3,000 − 1/3,500) = 44.61538 ETH;
        // coverage 22.30771 / 44.61538 = 0.5000 (0.49999996 with the whole contract).
        CoverageCheck check = SIZER.coverage(classicInverse("15", "3000"), d("0.5"));
        assertThat(check.drift()).isEqualByComparingTo("0.75");
        assertThat(check.resize().toString()).isEqualTo("BUY 96923 ETHUSD");
        assertThat(check.coverageAfterResize()).isCloseTo(d("0.5"), within(d("0.000001")));
    }

    @Test
    void buyingMoreSpotUnderHedgesAndTheResizeSellsMore() {
        // 35 spot + 25 account = 60 ETH against a 50 ETH hedge: coverage 50/60 = 0.8333..., drift −0.1666...
        // At 3,000: SELL (60 − 50) × 3,000 = 30,000 more; the new contracts add 30,000 / 3,000 = 10 ETH of delta →
        // 60/60.
        CoverageCheck check = SIZER.coverage(classicInverse("35", "3000"), BigDecimal.ONE);
        assertThat(check.coverage()).isCloseTo(d("0.8333333333"), within(d("0.0000000001")));
        assertThat(check.drift()).isCloseTo(d("-0.1666666667"), within(d("0.0000000001")));
        assertThat(check.resize().toString()).isEqualTo("SELL 30000 ETHUSD");
        assertThat(check.coverageAfterResize()).isEqualByComparingTo("1");
    }

    @Test
    void linearDriftAndResize() {
        // Short 50 ETHUSDT against 50 ETH; the user sells 20: coverage 50/30 = 1.666..., BUY back 20 → 30/30.
        HedgeState state =
                new HedgeState(BYBIT_ETHUSDT, d("30"), BigDecimal.ZERO, d("50"), d("3500"), d("3200"), d("3200"));
        CoverageCheck check = SIZER.coverage(state, BigDecimal.ONE);
        assertThat(check.coverage()).isCloseTo(d("1.6666666667"), within(d("0.0000000001")));
        assertThat(check.resize().toString()).isEqualTo("BUY 20 ETHUSDT");
        assertThat(check.coverageAfterResize()).isEqualByComparingTo("1");
        // half target: q* = 0.5 × 30 = 15 → BUY 35
        assertThat(SIZER.coverage(state, d("0.5")).resize().toString()).isEqualTo("BUY 35 ETHUSDT");
        // the user buys spot up to 80 ETH: SELL 30 more
        assertThat(SIZER.coverage(state.withSpotCoins(d("80")), BigDecimal.ONE)
                        .resize()
                        .toString())
                .isEqualTo("SELL 30 ETHUSDT");
    }

    @Test
    void linearCoverageWithAPremiumCountsTheShortAtTheMark() {
        // 50 ETHUSDT short against 50 ETH, spot 3,500, mark 3,535 (+1 % premium, moving with spot): the short's USD
        // delta is 50 × 3,535 = 176,750 against 175,000 → coverage 1.01. Target q* = 50 × 3,500 / 3,535 = 49.50495...
        // → BUY 0.49505, rounded down to 0.49 (step 0.01) so that it never passes the target; after:
        // 49.51 × 3,535 / 3,500 = 50.0051 ETH → coverage 1.000102.
        HedgeState state =
                new HedgeState(BYBIT_ETHUSDT, d("50"), BigDecimal.ZERO, d("50"), d("3500"), d("3500"), d("3535"));
        CoverageCheck check = SIZER.coverage(state, BigDecimal.ONE);
        assertThat(check.coverage()).isEqualByComparingTo("1.01");
        assertThat(check.hedgeDeltaUsd()).isEqualByComparingTo("-176750");
        assertThat(check.resize().toString()).isEqualTo("BUY 0.49 ETHUSDT");
        assertThat(check.coverageAfterResize()).isEqualByComparingTo("1.000102");
    }

    // ---- guards -------------------------------------------------------------------------------------------------

    @Test
    void requestGuards() {
        assertThatThrownBy(() -> request("0", "3500", BYBIT_ETHUSD, "2", OUT_OF_BAG))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessage("coins must be positive, was 0");
        assertThatThrownBy(() -> request("-1", "3500", BYBIT_ETHUSD, "2", OUT_OF_BAG))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessage("coins must be positive, was -1");
        assertThatThrownBy(() -> request("1", "0", BYBIT_ETHUSD, "2", OUT_OF_BAG))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessage("spotPrice must be positive, was 0");
        assertThatThrownBy(() -> new HedgeRequest(
                        ETH, d("1"), d("3500"), BYBIT_ETHUSD, d("-3500"), d("2"), OUT_OF_BAG, BigDecimal.ONE))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessage("hedgePrice must be positive, was -3500");
        assertThatThrownBy(() -> request("1", "3500", BYBIT_ETHUSD, "0", OUT_OF_BAG))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessage("leverage must be positive, was 0");
        assertThatThrownBy(() -> request("1", "3500", BYBIT_ETHUSD, "51", OUT_OF_BAG))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessage("leverage 51 exceeds the maximum 50 of BYBIT:ETHUSD");
        assertThatThrownBy(() -> new HedgeRequest(
                        BTC, d("1"), d("3500"), BYBIT_ETHUSD, d("3500"), d("2"), OUT_OF_BAG, BigDecimal.ONE))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessage("asset BTC cannot be hedged 1:1 with BYBIT:ETHUSD, which tracks ETH (use a proxy hedge)");
        assertThatThrownBy(() -> request("1", "3500", BYBIT_ETHUSD, "2", STABLECOIN))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessage(
                        "marginSource STABLECOIN is impossible on BYBIT:ETHUSD: an inverse contract is margined and "
                                + "settled in ETH; use OUT_OF_BAG or EXTRA_COIN");
        assertThatThrownBy(() ->
                        request("1", "3500", BYBIT_ETHUSD, "2", OUT_OF_BAG).withTargetCoverage(BigDecimal.ZERO))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessage("targetCoverage must lie in (0, 2], was 0");
        assertThatThrownBy(() ->
                        request("1", "3500", BYBIT_ETHUSD, "5", OUT_OF_BAG).withTargetCoverage(d("2.01")))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessage("targetCoverage must lie in (0, 2], was 2.01");
        assertThatThrownBy(() -> request("1", "3500", BYBIT_ETHUSD, "1", EXTRA_COIN))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessageStartingWith("leverage 1 must exceed targetCoverage 1 with EXTRA_COIN margin");
        assertThatThrownBy(() ->
                        request("1", "3500", BYBIT_ETHUSD, "1", OUT_OF_BAG).withTargetCoverage(d("1.5")))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessage(
                        "leverage 1 must be at least targetCoverage 1.5 with OUT_OF_BAG margin: the margin would exceed "
                                + "the bag");
        assertThatThrownBy(() -> HedgeRequest.fullHedge(d("1"), d("3500"), null, d("2"), OUT_OF_BAG))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void marginThatRoundingPushesBeyondTheBagIsRejected() {
        // 0.0005 ETH × 3,000 = 1.5 USD → 2 contracts (ties up); at 1x the margin 2 / 3,000 = 0.000666... ETH > 0.0005
        HedgeRequest request = request("0.0005", "3000", BYBIT_ETHUSD, "1", OUT_OF_BAG);
        assertThatThrownBy(() -> SIZER.size(request))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessageStartingWith(
                        "margin 0.0006666666666666666666666666666666667 ETH exceeds the bag of 0.0005 ETH");
    }

    @Test
    void leverageAboveTheTierOfTheHedgeSizeIsRejected() {
        // Binance ETHUSD_PERP (catalog): up to 100 ETH of position value 100x, above it at most 75x. 200 ETH at 3,000
        // = 600,000 USD = 60,000 contracts, worth 200 ETH: tier 2, so 100x is refused, 75x accepted.
        Instrument binance = ContractCatalog.loadDefault().get("BINANCE:ETHUSD_PERP");
        assertThatThrownBy(() -> SIZER.size(request("200", "3000", binance, "100", OUT_OF_BAG)))
                .isInstanceOf(PerpetualPricingException.class)
                .hasMessageContaining("exceeds the maximum 75");
        HedgeLeg leg = SIZER.size(request("200", "3000", binance, "75", OUT_OF_BAG));
        assertThat(leg.order().toString()).isEqualTo("SELL 60000 ETHUSD_PERP");
        // margin 600,000 / (3,000 × 75) = 2.6666... ETH
        assertThat(leg.margin().value()).isCloseTo(d("2.666666666666666666666666666666667"), within(TINY));
    }

    @Test
    void coverageGuards() {
        assertThatThrownBy(() -> SIZER.coverage(classicInverse("15", "3000"), BigDecimal.ZERO))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessage("target must lie in (0, 2], was 0");
        assertThatThrownBy(() -> new HedgeState(BYBIT_ETHUSD, d("-1"), d("25"), d("1"), d("1"), d("1"), d("1")))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessage("spotCoins must not be negative, was -1");
        assertThatThrownBy(() -> new HedgeState(BYBIT_ETHUSD, d("0"), d("0"), d("1"), d("1"), d("1"), d("1")))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessage("spotCoins plus accountCoins must be positive: there is nothing to hedge");
        assertThatThrownBy(() -> new HedgeState(BYBIT_ETHUSD, d("1"), d("0"), d("-5"), d("1"), d("1"), d("1")))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessage("size must not be negative, was -5");
        assertThatThrownBy(() -> new HedgeState(BYBIT_ETHUSD, d("1"), d("0"), d("5"), d("0"), d("1"), d("1")))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessage("entryPrice must be positive, was 0");
        assertThatThrownBy(() -> new HedgeState(BYBIT_ETHUSD, d("1"), d("0"), d("5"), d("1"), d("1"), d("0")))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessage("markPrice must be positive, was 0");
        // t = 2 after the mark more than doubled from entry: t/F + (1 − t)/E = 2/8,000 − 1/3,500 < 0
        assertThatThrownBy(() -> SIZER.coverage(
                        new HedgeState(BYBIT_ETHUSD, d("1"), d("0"), d("35000"), d("3500"), d("8000"), d("8000")),
                        d("2")))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessageStartingWith("target 2 cannot be restored by reducing at mark 8000 from entry 3500");
        assertThatThrownBy(() -> new HedgeLeg(
                        SIZER.size(request("1", "3000", BYBIT_ETHUSD, "2", OUT_OF_BAG))
                                .request(),
                        new HedgeOrder(Side.SHORT, d("3000"), "ETHUSD"),
                        d("1"),
                        d("3000"),
                        Amount.of("0.5", ETH),
                        d("1500"),
                        d("0"),
                        d("-0.5"),
                        d("1"),
                        d("3000"),
                        d("1"),
                        d("3000"),
                        d("0"),
                        d("0"),
                        d("0"),
                        d("0"),
                        d("1")))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessage("spotCoinsAfter must not be negative, was -0.5");
        assertThatThrownBy(() -> new HedgeOrder(Side.LONG, d("-1"), "ETHUSD"))
                .isInstanceOf(HedgeSizingException.class)
                .hasMessage("order size must not be negative, was -1");
    }
}
