package io.hedgedesk.pricing.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * Hull, Options, Futures, and Other Derivatives, Example 3.3 and Table 3.2: an airline will buy 2,000,000 gallons of
 * jet fuel in one month and hedges with heating-oil futures (42,000 gallons a contract). Fifteen monthly changes of
 * the futures price (ΔF) and of the jet-fuel price (ΔS) per gallon give σ_F = 0.0313, σ_S = 0.0263, ρ = 0.928,
 * h* = 0.928 × 0.0263 / 0.0313 = 0.78 and N* = 0.78 × 2,000,000 / 42,000 = 37.14 → 37 contracts. The table as
 * reproduced in the solutioninn.com question "An airline expects to purchase 2.5 million gallons…" and the
 * coursehero.com preview "Ex3_3" of the book's example.
 */
class HullCrossHedgeTest {

    private static final ProxyHedgeCalculator CALC = ProxyHedgeCalculator.DEFAULT;

    /** Table 3.2, months 1–15: change in the heating-oil futures price per gallon. */
    static final double[] FUTURES = {
        0.021, 0.035, -0.046, 0.001, 0.044, -0.029, -0.026, -0.029, 0.048, -0.006, -0.036, -0.011, 0.019, -0.027, 0.029
    };
    /** Table 3.2: change in the jet-fuel price per gallon. */
    static final double[] SPOT = {
        0.029, 0.020, -0.044, 0.008, 0.026, -0.019, -0.010, -0.007, 0.043, 0.011, -0.036, -0.018, 0.009, -0.032, 0.023
    };

    @Test
    void theBooksStatisticsFromItsTable() {
        // Hull's sums: Σx = −0.013, Σx² = 0.013765, Σy = 0.003, Σy² = 0.009651, Σxy = 0.010693 (x = ΔF, y = ΔS).
        // σ_F = √((0.013765 − 0.013²/15) / 14) = √(0.0137537333 / 14) = √0.000982409524 = 0.031343
        // σ_S = √((0.009651 − 0.003²/15) / 14) = √(0.0096504 / 14) = √0.000689314286 = 0.026255
        // Cov = (0.010693 − (−0.013 × 0.003)/15) / 14 = (0.010693 + 0.0000026) / 14 = 0.000763971429
        // ρ = 0.000763971429 / (0.031343 × 0.026255) = 0.92837; h* = Cov / σ_F² = 0.000763971429 / 0.000982409524
        //   = 0.77765
        HedgeStatistics s = CALC.statistics(SPOT, FUTURES, Weighting.EQUAL);
        assertThat(s.observations()).isEqualTo(15);
        assertThat(s.hedgeVolatility()).isCloseTo(Math.sqrt(0.0137537333333 / 14), within(1e-12));
        assertThat(s.basketVolatility()).isCloseTo(Math.sqrt(0.0096504 / 14), within(1e-12));
        assertThat(s.covariance()).isCloseTo(0.0106956 / 14, within(1e-15));
        // as the book prints them
        assertThat(round(s.hedgeVolatility(), 4)).isEqualByComparingTo("0.0313");
        assertThat(round(s.basketVolatility(), 4)).isEqualByComparingTo("0.0263");
        assertThat(round(s.correlation(), 3)).isEqualByComparingTo("0.928");
        assertThat(s.hedgeRatio()).isCloseTo(0.000763971428571 / 0.000982409523810, within(1e-9));
        assertThat(round(s.hedgeRatio(), 2)).isEqualByComparingTo("0.78");
        // N* from the unrounded h*: 0.77765 × 2,000,000 / 42,000 = 37.03 → 37 contracts, as the book's 37.14 → 37
        BigDecimal contracts =
                CALC.optimalContracts(s.hedgeRatio(), new BigDecimal("2000000"), new BigDecimal("42000"));
        assertThat(contracts.doubleValue()).isCloseTo(37.03, within(0.01));
        assertThat(contracts.setScale(0, RoundingMode.HALF_UP)).isEqualByComparingTo("37");
    }

    @Test
    void theBooksArithmeticFromItsRoundedInputs() {
        // h* = 0.928 × 0.0263 / 0.0313 = 0.024406400 / 0.0313 = 0.779757…; the book rounds it to 0.78 and then
        // N* = 0.78 × 2,000,000 / 42,000 = 1,560,000 / 42,000 = 37.142857… → 37.
        double h = CALC.minimumVarianceHedgeRatio(0.928, 0.0263, 0.0313);
        assertThat(h).isCloseTo(0.0244064 / 0.0313, within(1e-15));
        assertThat(round(h, 2)).isEqualByComparingTo("0.78");
        BigDecimal booksN = CALC.optimalContracts(0.78, new BigDecimal("2000000"), new BigDecimal("42000"));
        assertThat(booksN.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("37.14");
        assertThat(booksN.setScale(0, RoundingMode.HALF_UP)).isEqualByComparingTo("37");
        // with the unrounded h*: 0.779757 × 2,000,000 / 42,000 = 37.13
        assertThat(CALC.optimalContracts(h, new BigDecimal("2000000"), new BigDecimal("42000"))
                        .doubleValue())
                .isCloseTo(37.1313, within(0.0001));
    }

    private static BigDecimal round(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }
}
