package io.hedgedesk.pricing.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.PriceSeries;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Textbook and hand-worked examples; expected numbers are derived in the comments. */
class ProxyHedgeCalculatorTest {

    /** Doubles equal to 1e-15: a return computed in double from closes of a dozen digits. */
    private static final java.util.Comparator<Double> CLOSE =
            (a, b) -> Math.abs(a - b) <= 1e-15 ? 0 : Double.compare(a, b);

    private static final ProxyHedgeCalculator CALC = ProxyHedgeCalculator.DEFAULT;
    private static final double EXACT = 1e-15;
    private static final LocalDate D0 = LocalDate.of(2023, 1, 1);

    private static PriceSeries closes(String symbol, String... closes) {
        List<PricePoint> points = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            points.add(new PricePoint(D0.plusDays(i), new BigDecimal(closes[i])));
        }
        return new PriceSeries(symbol, "hand-made", points);
    }

    private static ReturnSeries returns(String name, double... values) {
        List<LocalDate> dates = new ArrayList<>();
        List<Double> list = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            dates.add(D0.plusDays(i + 1L));
            list.add(values[i]);
        }
        return new ReturnSeries(name, ReturnType.SIMPLE, dates, list);
    }

    // Basket S: simple returns +2%, -1%, +3%, 0%   → closes 100, 102, 100.98, 104.0094, 104.0094
    // Hedge  H: simple returns +1%, -2%, +2%, +1%  → closes 200, 202, 197.96, 201.9192, 203.938392
    private final PriceSeries basket = closes("S", "100", "102", "100.98", "104.0094", "104.0094");
    private final PriceSeries hedge = closes("H", "200", "202", "197.96", "201.9192", "203.938392");

    @Test
    void hullJetFuelCrossHedge() {
        // Hull, Options, Futures, and Other Derivatives, "cross hedging" example (airline hedging jet fuel with
        // heating-oil futures): ρ = 0.928, σ_S = 0.0263, σ_F = 0.0313 → h* = 0.928 × 0.0263 / 0.0313 = 0.7798 ≈ 0.78;
        // hedge effectiveness 0.928² = 0.8612; 2,000,000 gallons with 42,000-gallon contracts:
        // N* = 0.7798 × 2,000,000 / 42,000 = 37.13 → 37 contracts.
        double h = CALC.minimumVarianceHedgeRatio(0.928, 0.0263, 0.0313);
        assertThat(h).isCloseTo(0.7798, within(0.0001));
        assertThat(BigDecimal.valueOf(h).setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("0.78");
        assertThat(CALC.hedgeEffectiveness(0.928)).isCloseTo(0.861184, within(1e-12));
        BigDecimal contracts = CALC.optimalContracts(h, new BigDecimal("2000000"), new BigDecimal("42000"));
        assertThat(contracts.doubleValue()).isCloseTo(37.13, within(0.01));
        assertThat(contracts.setScale(0, RoundingMode.HALF_UP)).isEqualByComparingTo("37");
        // residual σ = 0.0263 × √(1 − 0.861184) = 0.0263 × 0.372581 = 0.009799
        assertThat(CALC.residualVolatility(0.0263, 0.928)).isCloseTo(0.009799, within(0.000001));
    }

    @Test
    void returnsFromCloses() {
        ReturnSeries simple = ReturnSeries.of(basket, ReturnType.SIMPLE);
        // Returns are statistics computed in double from the closes (to 1e-16 relative), not exact decimals.
        assertThat(simple.values()).usingElementComparator(CLOSE).containsExactly(0.02, -0.01, 0.03, 0.0);
        assertThat(simple.dates()).containsExactly(D0.plusDays(1), D0.plusDays(2), D0.plusDays(3), D0.plusDays(4));
        assertThat(simple.name()).isEqualTo("S");
        // ln(102/100) = 0.0198026273, ln(0.99) = -0.0100503359
        ReturnSeries log = ReturnSeries.of(basket, ReturnType.LOG);
        assertThat(log.values().get(0)).isCloseTo(0.0198026273, within(1e-10));
        assertThat(log.values().get(1)).isCloseTo(-0.0100503359, within(1e-10));
        assertThat(ReturnType.DEFAULT).isEqualTo(ReturnType.SIMPLE);
    }

    @Test
    void handWorkedStatistics() {
        // means: S 0.04/4 = 0.01, H 0.02/4 = 0.005
        // deviations: dS = 0.01, -0.02, 0.02, -0.01; dH = 0.005, -0.025, 0.015, 0.005
        // Σ dS² = 0.001, Σ dH² = 0.0009, Σ dS·dH = 0.00005 + 0.0005 + 0.0003 - 0.00005 = 0.0008
        // sample (n - 1 = 3): Var S = 0.001/3, Var H = 0.0003, Cov = 0.0008/3
        // β = 0.0008/0.0009 = 8/9; ρ = 0.0008/√(0.001 × 0.0009) = 0.8/√0.9; ρ² = 0.64/0.9
        HedgeEstimate estimate = CALC.estimate(basket, hedge, ReturnType.SIMPLE, Weighting.EQUAL);
        HedgeStatistics s = estimate.statistics();
        assertThat(s.observations()).isEqualTo(4);
        assertThat(s.basketVolatility()).isCloseTo(Math.sqrt(0.001 / 3), within(EXACT));
        assertThat(s.hedgeVolatility()).isCloseTo(Math.sqrt(0.0003), within(EXACT));
        assertThat(s.covariance()).isCloseTo(0.0008 / 3, within(EXACT));
        assertThat(s.hedgeRatio()).isCloseTo(8.0 / 9, within(1e-12));
        assertThat(estimate.beta()).isEqualTo(s.hedgeRatio());
        assertThat(s.correlation()).isCloseTo(0.8 / Math.sqrt(0.9), within(1e-12));
        assertThat(s.hedgeEffectiveness()).isCloseTo(0.64 / 0.9, within(1e-12));
        // residual: σ_S √(1 - ρ²) = √(0.001/3 × 0.26/0.9)
        assertThat(s.residualVolatility()).isCloseTo(Math.sqrt(0.001 / 3 * 0.26 / 0.9), within(1e-12));
        // annualized with √365: σ_S = 0.0182574 × 19.10497 = 0.348807
        assertThat(s.annualizedBasketVolatility()).isCloseTo(0.348807, within(0.000001));
        assertThat(s.annualizedHedgeVolatility()).isCloseTo(Math.sqrt(0.0003 * 365), within(EXACT));
        assertThat(s.annualizedResidualVolatility()).isCloseTo(s.residualVolatility() * Math.sqrt(365), within(EXACT));
        assertThat(s.weighting()).isEqualTo(Weighting.EQUAL);
        assertThat(estimate.firstReturnDate()).isEqualTo(D0.plusDays(1));
        assertThat(estimate.lastReturnDate()).isEqualTo(D0.plusDays(4));
        // the formula form agrees with the data form
        assertThat(CALC.minimumVarianceHedgeRatio(s.correlation(), s.basketVolatility(), s.hedgeVolatility()))
                .isCloseTo(s.hedgeRatio(), within(1e-12));
    }

    @Test
    void ewmaHandWorked() {
        // λ = 0.5, three observations oldest → newest: H = 1%, 2%, 4%; S = 1%, 2%, 3%.
        // weights λ², λ, 1 = 0.25, 0.5, 1 → normalized 1/7, 2/7, 4/7
        // means: H = (1 + 4 + 16)/7 = 3%, S = (1 + 4 + 12)/7 = 17/7 %
        // Var H = [1·4 + 2·1 + 4·1]/7 = 10/7 (%²); Var S = [1·100 + 2·9 + 4·16]/343 = 26/49 (%²)
        // Cov = [1·(-2)(-10/7) + 2·(-1)(-3/7) + 4·(1)(4/7)]/7 = 6/7 (%²)
        // β = (6/7)/(10/7) = 0.6; ρ² = (36/49)/((10/7)(26/49)) = 252/260
        double[] h = {0.01, 0.02, 0.04};
        double[] s = {0.01, 0.02, 0.03};
        HedgeStatistics stats = CALC.statistics(s, h, Weighting.ewma(0.5));
        assertThat(stats.hedgeRatio()).isCloseTo(0.6, within(1e-12));
        assertThat(stats.hedgeVolatility()).isCloseTo(0.01 * Math.sqrt(10.0 / 7), within(EXACT));
        assertThat(stats.basketVolatility()).isCloseTo(0.01 * Math.sqrt(26.0 / 49), within(EXACT));
        assertThat(stats.covariance()).isCloseTo(0.0001 * 6 / 7, within(EXACT));
        assertThat(stats.hedgeEffectiveness()).isCloseTo(252.0 / 260, within(1e-12));
        // equal weights on the same data: means H 7/3, S 2 (%); dH = -4/3, -1/3, 5/3; dS = -1, 0, 1
        // β = Σ dS·dH / Σ dH² = (4/3 + 0 + 5/3) / (16/9 + 1/9 + 25/9) = 3 / (14/3) = 9/14
        assertThat(CALC.statistics(s, h, Weighting.EQUAL).hedgeRatio()).isCloseTo(9.0 / 14, within(1e-12));
    }

    @Test
    void ewmaWithLambdaOneIsEqualWeightsWithPopulationNormalization() {
        double[] s = ReturnSeries.of(basket, ReturnType.SIMPLE).toArray();
        double[] h = ReturnSeries.of(hedge, ReturnType.SIMPLE).toArray();
        HedgeStatistics sample = CALC.statistics(s, h, Weighting.EQUAL);
        HedgeStatistics ewma = CALC.statistics(s, h, Weighting.ewma(1.0));
        assertThat(ewma.hedgeRatio()).isCloseTo(sample.hedgeRatio(), within(1e-12));
        assertThat(ewma.correlation()).isCloseTo(sample.correlation(), within(1e-12));
        // σ_population = σ_sample × √((n - 1)/n), n = 4
        assertThat(ewma.basketVolatility()).isCloseTo(sample.basketVolatility() * Math.sqrt(3.0 / 4), within(EXACT));
    }

    @Test
    void symmetryProperties() {
        double[] s = ReturnSeries.of(basket, ReturnType.SIMPLE).toArray();
        double[] h = ReturnSeries.of(hedge, ReturnType.SIMPLE).toArray();
        HedgeStatistics sOnH = CALC.statistics(s, h, Weighting.EQUAL);
        HedgeStatistics hOnS = CALC.statistics(h, s, Weighting.EQUAL);
        // ρ is symmetric and β(S|H)·β(H|S) = ρ²
        assertThat(hOnS.correlation()).isCloseTo(sOnH.correlation(), within(1e-12));
        assertThat(sOnH.hedgeRatio() * hOnS.hedgeRatio()).isCloseTo(sOnH.hedgeEffectiveness(), within(1e-12));
        // a hedge instrument moving twice as much needs half the ratio; an inverted one flips the sign
        double[] doubled = h.clone();
        double[] inverted = h.clone();
        for (int i = 0; i < h.length; i++) {
            doubled[i] *= 2;
            inverted[i] = -inverted[i];
        }
        assertThat(CALC.statistics(s, doubled, Weighting.EQUAL).hedgeRatio())
                .isCloseTo(sOnH.hedgeRatio() / 2, within(1e-12));
        assertThat(CALC.statistics(s, inverted, Weighting.EQUAL).hedgeRatio())
                .isCloseTo(-sOnH.hedgeRatio(), within(1e-12));
        assertThat(CALC.statistics(s, inverted, Weighting.EQUAL).correlation())
                .isCloseTo(-sOnH.correlation(), within(1e-12));
        // hedging an asset with itself: β = 1, ρ = 1, nothing left
        HedgeStatistics self = CALC.statistics(h, h, Weighting.EQUAL);
        assertThat(self.hedgeRatio()).isCloseTo(1, within(1e-12));
        assertThat(self.correlation()).isCloseTo(1, within(1e-12));
        assertThat(self.residualVolatility()).isCloseTo(0, within(1e-9));
    }

    @Test
    void basketBetaTwoWaysAgreeOnHandData() {
        // A = S above (β_A = 8/9). B: returns 0%, -4%, +1%, +3% → closes 50, 50, 48, 48.48, 49.9344
        // B deviations from mean 0: 0, -4, 1, 3 (%); with dH = 0.5, -2.5, 1.5, 0.5 (%):
        // Σ dB·dH = 0 + 10 + 1.5 + 1.5 = 13 (%²), Σ dH² = 9 (%²) → β_B = 13/9
        // weights: A 2,500 / 10,000 = 0.25, B 7,500 / 10,000 = 0.75
        // weighted β = 0.25 × 8/9 + 0.75 × 13/9 = (2 + 9.75)/9 = 11.75/9 = 1.30556
        PriceSeries b = closes("B", "50", "50", "48", "48.48", "49.9344");
        BasketBeta result = CALC.basketBeta(
                List.of(
                        new BasketComponent(basket, new BigDecimal("2500")),
                        new BasketComponent(b, new BigDecimal("7500"))),
                hedge,
                ReturnType.SIMPLE,
                Weighting.EQUAL);

        assertThat(result.basketValue()).isEqualByComparingTo("10000");
        assertThat(result.components()).extracting(ComponentBeta::assetSymbol).containsExactly("S", "B");
        assertThat(result.components().get(0).weight()).isEqualTo(0.25);
        assertThat(result.components().get(1).weight()).isEqualTo(0.75);
        assertThat(result.components().get(0).beta()).isCloseTo(8.0 / 9, within(1e-12));
        assertThat(result.components().get(1).beta()).isCloseTo(13.0 / 9, within(1e-12));
        assertThat(result.weightedBeta()).isCloseTo(11.75 / 9, within(1e-12));
        assertThat(result.seriesBeta()).isCloseTo(11.75 / 9, within(1e-12));
        // basket returns are Σ wᵢ rᵢ: day 2 = 0.25 × (-1%) + 0.75 × (-4%) = -3.25%
        assertThat(result.basketReturns().values().get(1)).isCloseTo(-0.0325, within(EXACT));
        assertThat(result.hedgeReturns().values())
                .usingElementComparator(CLOSE)
                .containsExactly(0.01, -0.02, 0.02, 0.01);
    }

    @Test
    void basketAlignsComponentsOnCommonDates() {
        // hedge has one more day at the start: only the 5 common days count
        PriceSeries longerHedge = closes("H", "190", "200", "202", "197.96", "201.9192", "203.938392");
        PriceSeries shiftedHedge = new PriceSeries(
                "H",
                "x",
                longerHedge.points().stream()
                        .map(p -> new PricePoint(p.date().minusDays(1), p.close()))
                        .toList());
        BasketBeta result = CALC.basketBeta(
                List.of(new BasketComponent(basket, BigDecimal.ONE)), shiftedHedge, ReturnType.SIMPLE, Weighting.EQUAL);
        assertThat(result.seriesBeta()).isCloseTo(8.0 / 9, within(1e-12));
        assertThat(result.basket().statistics().observations()).isEqualTo(4);
    }

    @Test
    void rollingEstimatesMatchTheirWindows() {
        ReturnSeries s = ReturnSeries.of(basket, ReturnType.SIMPLE);
        ReturnSeries h = ReturnSeries.of(hedge, ReturnType.SIMPLE);
        List<HedgeEstimate> rolling = CALC.rolling(s, h, 3, Weighting.EQUAL);
        assertThat(rolling).hasSize(2);
        // window 1: S 2, -1, 3 (mean 4/3); H 1, -2, 2 (mean 1/3) in %
        //   dS = 2/3, -7/3, 5/3; dH = 2/3, -7/3, 5/3 → identical deviations: β = 1, ρ = 1
        assertThat(rolling.get(0).beta()).isCloseTo(1, within(1e-12));
        assertThat(rolling.get(0).firstReturnDate()).isEqualTo(D0.plusDays(1));
        assertThat(rolling.get(0).lastReturnDate()).isEqualTo(D0.plusDays(3));
        // window 2: S -1, 3, 0 (mean 2/3); H -2, 2, 1 (mean 1/3)
        //   dS = -5/3, 7/3, -2/3; dH = -7/3, 5/3, 2/3; Σ dS·dH = (35 + 35 - 4)/9 = 66/9; Σ dH² = (49 + 25 + 4)/9 = 78/9
        //   β = 66/78 = 11/13
        assertThat(rolling.get(1).beta()).isCloseTo(11.0 / 13, within(1e-12));
        assertThat(rolling.get(1).lastReturnDate()).isEqualTo(D0.plusDays(4));
        assertThat(CALC.rolling(s, h, 4, Weighting.EQUAL)).hasSize(1);
    }

    @Test
    void inSampleVarianceReductionEqualsRhoSquared() {
        ReturnSeries s = ReturnSeries.of(basket, ReturnType.SIMPLE);
        ReturnSeries h = ReturnSeries.of(hedge, ReturnType.SIMPLE);
        VarianceReduction reduction = CALC.inSampleVarianceReduction(s, h, Weighting.EQUAL);
        // hedged returns S - (8/9)H; 1 - Var(hedged)/Var(S) = ρ² = 0.64/0.9
        assertThat(reduction.reduction()).isCloseTo(0.64 / 0.9, within(1e-12));
        assertThat(reduction.unhedgedVariance()).isCloseTo(0.001 / 3, within(EXACT));
        assertThat(reduction.hedgeRatio()).isCloseTo(8.0 / 9, within(1e-12));
        assertThat(reduction.inSample()).isTrue();
        assertThat(reduction.label()).isEqualTo("in-sample");
    }

    @Test
    void outOfSampleVarianceReductionHandWorked() {
        // estimate on days 1-2: S 2, -1; H 1, -2 (%) → deviations ±1.5 both → β = 1
        // test on days 3-4: S 3, 0; H 2, 1 → hedged S - H = 1, -1 → sample Var = 2 (%²); Var S = 4.5 (%²)
        // reduction = 1 - 2/4.5 = 0.5556
        ReturnSeries s = ReturnSeries.of(basket, ReturnType.SIMPLE);
        ReturnSeries h = ReturnSeries.of(hedge, ReturnType.SIMPLE);
        VarianceReduction reduction = CALC.outOfSampleVarianceReduction(s, h, D0.plusDays(3), Weighting.EQUAL);
        assertThat(reduction.hedgeRatio()).isCloseTo(1, within(1e-12));
        assertThat(reduction.reduction()).isCloseTo(1 - 2 / 4.5, within(1e-12));
        assertThat(reduction.label()).isEqualTo("out-of-sample");
        assertThatThrownBy(() -> CALC.outOfSampleVarianceReduction(s, h, D0.plusDays(2), Weighting.EQUAL))
                .isInstanceOf(InsufficientObservationsException.class)
                .hasMessage(
                        "split at 2023-01-03 leaves 1 return(s) to estimate on and 3 to test on; at least 2 each are needed");
    }

    @Test
    void hedgeNotionalAndContracts() {
        // h* × basket value: 0.78 × 1,000,000 USD = 780,000 USD
        assertThat(CALC.hedgeNotional(0.78, new BigDecimal("1000000"))).isEqualByComparingTo("780000");
        // the double is converted through its decimal representation: 0.1 × 3 = 0.3 exactly
        assertThat(CALC.hedgeNotional(0.1, new BigDecimal("3"))).isEqualByComparingTo("0.3");
        // negative β: go long the hedge instrument
        assertThat(CALC.hedgeNotional(-0.5, new BigDecimal("100"))).isEqualByComparingTo("-50");
        // tailing form with values: 0.5 × 10,000 USD / 100 USD per contract = 50 contracts
        assertThat(CALC.optimalContracts(0.5, new BigDecimal("10000"), new BigDecimal("100")))
                .isEqualByComparingTo("50");
        assertThat(CALC.optimalContracts(0.5, BigDecimal.ZERO, new BigDecimal("100")))
                .isZero();
    }

    @Test
    void guardClauses() {
        double[] two = {0.01, 0.02};
        assertThatThrownBy(() -> CALC.statistics(two, new double[] {0.01}, Weighting.EQUAL))
                .isInstanceOf(MismatchedLengthsException.class)
                .hasMessage("basket has 2 returns but hedge has 1");
        assertThatThrownBy(() -> CALC.statistics(new double[] {0.01}, new double[] {0.02}, Weighting.EQUAL))
                .isInstanceOf(InsufficientObservationsException.class)
                .hasMessage("at least 2 aligned return observations are needed, got 1");
        assertThatThrownBy(() -> CALC.statistics(two, new double[] {0.01, 0.01}, Weighting.EQUAL))
                .isInstanceOf(ZeroVarianceException.class)
                .hasMessage(
                        "the hedge instrument's returns have zero variance over 2 observations; the hedge ratio is undefined");
        assertThatThrownBy(() -> CALC.statistics(new double[] {0.03, 0.03}, two, Weighting.EQUAL))
                .isInstanceOf(ZeroVarianceException.class)
                .hasMessageContaining("basket's returns have zero variance");
        assertThatThrownBy(() -> CALC.statistics(new double[] {0.01, Double.NaN}, two, Weighting.EQUAL))
                .isInstanceOf(ProxyHedgeException.class)
                .hasMessage("basket return at index 1 must be finite, was NaN");
        assertThatNullPointerException()
                .isThrownBy(() -> CALC.statistics(two, two, null))
                .withMessage("weighting");

        // constant hedge closes → zero variance, via the PriceSeries path
        PriceSeries flat = closes("USDC", "1", "1", "1", "1", "1");
        assertThatThrownBy(() -> CALC.estimate(basket, flat, ReturnType.SIMPLE, Weighting.EQUAL))
                .isInstanceOf(ZeroVarianceException.class);
        // two closes make one return: too few
        assertThatThrownBy(() ->
                        CALC.estimate(closes("S", "1", "2"), closes("H", "1", "3"), ReturnType.SIMPLE, Weighting.EQUAL))
                .isInstanceOf(InsufficientObservationsException.class);
        assertThatThrownBy(() -> ReturnSeries.of(closes("S", "1"), ReturnType.SIMPLE))
                .isInstanceOf(InsufficientObservationsException.class)
                .hasMessage("S has 1 close(s); at least 2 are needed for a return");

        ReturnSeries s = ReturnSeries.of(basket, ReturnType.SIMPLE);
        ReturnSeries shorter = s.subSeries(0, 3);
        assertThatThrownBy(() -> CALC.statistics(s, shorter, Weighting.EQUAL))
                .isInstanceOf(MismatchedLengthsException.class)
                .hasMessage("S has 4 returns but S has 3; align the closes first");
        ReturnSeries shifted = returns("H", 0.01, -0.02, 0.02, 0.01);
        ReturnSeries other = new ReturnSeries(
                "H",
                ReturnType.SIMPLE,
                shifted.dates().stream().map(d -> d.plusDays(1)).toList(),
                shifted.values());
        assertThatThrownBy(() -> CALC.statistics(s, other, Weighting.EQUAL))
                .isInstanceOf(MismatchedLengthsException.class)
                .hasMessageContaining("not on the same dates");
        ReturnSeries log = ReturnSeries.of(hedge, ReturnType.LOG);
        assertThatThrownBy(() -> CALC.statistics(s, log, Weighting.EQUAL))
                .isInstanceOf(ProxyHedgeException.class)
                .hasMessage("S has SIMPLE returns but H has LOG; use one return type");

        assertThatThrownBy(() -> CALC.rolling(s, shifted, 1, Weighting.EQUAL))
                .isInstanceOf(InsufficientObservationsException.class)
                .hasMessage("rolling window must hold at least 2 returns, was 1");
        assertThatThrownBy(() -> CALC.rolling(s, shifted, 5, Weighting.EQUAL))
                .isInstanceOf(InsufficientObservationsException.class)
                .hasMessage("rolling window of 5 returns is longer than the 4 aligned returns");

        assertThatThrownBy(() -> Weighting.ewma(0))
                .isInstanceOf(ProxyHedgeException.class)
                .hasMessage("EWMA lambda must lie in (0, 1], was 0.0");
        assertThatThrownBy(() -> Weighting.ewma(1.01)).hasMessage("EWMA lambda must lie in (0, 1], was 1.01");
        assertThatThrownBy(() -> Weighting.ewma(Double.NaN)).isInstanceOf(ProxyHedgeException.class);

        assertThatThrownBy(() -> CALC.minimumVarianceHedgeRatio(0.9, 0.02, 0))
                .isInstanceOf(ZeroVarianceException.class)
                .hasMessage("hedgeVolatility must be positive and finite, was 0.0");
        assertThatThrownBy(() -> CALC.minimumVarianceHedgeRatio(1.2, 0.02, 0.03))
                .hasMessage("correlation must lie in [-1, 1], was 1.2");
        assertThatThrownBy(() -> CALC.minimumVarianceHedgeRatio(0.5, -0.02, 0.03))
                .hasMessage("basketVolatility must be non-negative and finite, was -0.02");
        assertThatThrownBy(() -> CALC.hedgeEffectiveness(-1.5)).isInstanceOf(ProxyHedgeException.class);
        assertThatThrownBy(() -> CALC.residualVolatility(Double.NaN, 0.5)).isInstanceOf(ProxyHedgeException.class);

        assertThatThrownBy(() -> CALC.hedgeNotional(0.5, BigDecimal.ZERO))
                .hasMessage("basketValue must be positive, was 0");
        assertThatThrownBy(() -> CALC.hedgeNotional(Double.POSITIVE_INFINITY, BigDecimal.ONE))
                .hasMessage("hedgeRatio must be finite, was Infinity");
        assertThatThrownBy(() -> CALC.optimalContracts(0.5, BigDecimal.ONE, BigDecimal.ZERO))
                .hasMessage("contractSize must be positive, was 0");
        assertThatThrownBy(() -> CALC.optimalContracts(0.5, new BigDecimal("-1"), BigDecimal.ONE))
                .hasMessage("exposureSize must not be negative, was -1");

        assertThatThrownBy(() -> CALC.basketBeta(List.of(), hedge, ReturnType.SIMPLE, Weighting.EQUAL))
                .hasMessage("basket must have at least one component");
        assertThatThrownBy(() -> new BasketComponent(basket, BigDecimal.ZERO))
                .isInstanceOf(ProxyHedgeException.class)
                .hasMessage("value of S must be positive, was 0");
    }

    @Test
    void valueRecordGuards() {
        assertThatThrownBy(() -> new ReturnSeries("X", ReturnType.SIMPLE, List.of(D0), List.of()))
                .isInstanceOf(MismatchedLengthsException.class)
                .hasMessage("returns of X have 1 dates but 0 values");
        assertThatThrownBy(() -> new ReturnSeries("X", ReturnType.SIMPLE, List.of(), List.of()))
                .isInstanceOf(InsufficientObservationsException.class);
        assertThatThrownBy(() -> new ReturnSeries("X", ReturnType.SIMPLE, List.of(D0), List.of(Double.NaN)))
                .hasMessage("return of X on 2023-01-01 must be finite, was NaN");
        assertThatThrownBy(() -> new ReturnSeries("X", ReturnType.SIMPLE, List.of(D0, D0), List.of(0.1, 0.2)))
                .hasMessageContaining("strictly ascending");
        assertThatThrownBy(() -> ReturnType.SIMPLE.between(BigDecimal.ZERO, BigDecimal.ONE))
                .hasMessage("closes must be positive, were 0 and 1");
        assertThatThrownBy(() -> new HedgeStatistics(1, Weighting.EQUAL, 1, 1, 1, 1, 1, 1, 0))
                .isInstanceOf(InsufficientObservationsException.class);
        assertThatThrownBy(() -> new HedgeStatistics(2, Weighting.EQUAL, 1, 0, 1, 1, 1, 1, 0))
                .hasMessage("hedgeVolatility must be positive and finite, was 0.0");
        assertThatThrownBy(() -> new HedgeStatistics(2, Weighting.EQUAL, 1, 1, 1, 1.5, 1, 1, 0))
                .hasMessage("correlation must lie in [-1, 1], was 1.5");
        assertThatThrownBy(() -> new HedgeStatistics(2, Weighting.EQUAL, 1, 1, 1, 1, 1, 1, 2))
                .hasMessage("residualVolatility must lie in [0, basketVolatility], was 2.0");
        assertThatThrownBy(() -> new VarianceReduction(1, 0, 0, true))
                .hasMessage("unhedgedVariance must be positive and finite, was 0.0");
        assertThatThrownBy(() -> new VarianceReduction(1, 1, -1, true))
                .hasMessage("hedgedVariance must be non-negative and finite, was -1.0");
        HedgeStatistics ok = new HedgeStatistics(2, Weighting.EQUAL, 1, 1, 1, 1, 1, 1, 0);
        assertThatThrownBy(() -> new ComponentBeta("X", 0, ok)).hasMessage("weight of X must lie in (0, 1], was 0.0");
        assertThatThrownBy(() -> new HedgeEstimate(D0, D0.minusDays(1), ok))
                .hasMessageContaining("must not be before firstReturnDate");
    }
}
