package io.hedgedesk.pricing.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Hand-worked examples; the arithmetic is written out next to each expectation. */
class QuoteMathTest {

    @Test
    void basisIsMarkMinusIndexAndItsFractionOfTheIndex() {
        // 64,250.50 − 64,000.00 = 250.50; 250.50 / 64,000 = 0.003914... (0.3914 %)
        assertThat(QuoteMath.basis(new BigDecimal("64250.50"), new BigDecimal("64000.00")))
                .isEqualByComparingTo("250.50");
        assertThat(QuoteMath.basisFraction(new BigDecimal("64250.50"), new BigDecimal("64000.00")))
                .isEqualByComparingTo("0.003914062500");
        // a discount: 2,990 − 3,000 = −10; −10 / 3,000 = −0.0033333…
        assertThat(QuoteMath.basisFraction(new BigDecimal("2990"), new BigDecimal("3000"))
                        .setScale(8, java.math.RoundingMode.HALF_EVEN))
                .isEqualByComparingTo("-0.00333333");
    }

    @Test
    void annualizedFundingIsRateTimesSettlementsPerYear() {
        // 8 h: 24 / 8 = 3 settlements a day × 365 = 1095; 0.0001 × 1095 = 0.1095 (10.95 % a year)
        assertThat(QuoteMath.settlementsPerYear(8)).isEqualByComparingTo("1095");
        assertThat(QuoteMath.annualizedRate(new BigDecimal("0.0001"), 8)).isEqualByComparingTo("0.1095");
        // 1 h: 24 × 365 = 8760; 0.0000125 × 8760 = 0.1095 (the same yearly cost at an eighth of the rate)
        assertThat(QuoteMath.settlementsPerYear(1)).isEqualByComparingTo("8760");
        assertThat(QuoteMath.annualizedRate(new BigDecimal("0.0000125"), 1)).isEqualByComparingTo("0.1095");
        // 4 h: 6 × 365 = 2190; −0.0003 × 2190 = −0.657 (shorts pay longs 65.7 % a year)
        assertThat(QuoteMath.annualizedRate(new BigDecimal("-0.0003"), 4)).isEqualByComparingTo("-0.657");
        // 24 h: 365
        assertThat(QuoteMath.settlementsPerYear(24)).isEqualByComparingTo("365");
    }

    @Test
    void aManualPriceMoreThanHalfAwayFromTheLastOneNeedsConfirmation() {
        BigDecimal last = new BigDecimal("60000");
        // the example: BTC at 60,000 typed as 5.00: |5 − 60,000| / 60,000 = 59,995 / 60,000 = 0.99991666…
        assertThat(QuoteMath.relativeDistance(last, new BigDecimal("5.00"))
                        .setScale(8, java.math.RoundingMode.HALF_EVEN))
                .isEqualByComparingTo("0.99991667");
        assertThat(QuoteMath.needsConfirmation(last, new BigDecimal("5.00"))).isTrue();
        // exactly half: |90,000 − 60,000| / 60,000 = 30,000 / 60,000 = 0.5, and 30,000 below likewise: no confirmation
        assertThat(QuoteMath.relativeDistance(last, new BigDecimal("90000"))).isEqualByComparingTo("0.5");
        assertThat(QuoteMath.needsConfirmation(last, new BigDecimal("90000"))).isFalse();
        assertThat(QuoteMath.needsConfirmation(last, new BigDecimal("30000"))).isFalse();
        // a cent beyond: 30,000.01 / 60,000 = 0.500000166…; 29,999.99 is 30,000.01 below: same distance
        assertThat(QuoteMath.needsConfirmation(last, new BigDecimal("90000.01")))
                .isTrue();
        assertThat(QuoteMath.needsConfirmation(last, new BigDecimal("29999.99")))
                .isTrue();
        // doubling: |120,000 − 60,000| / 60,000 = 1 (100 %)
        assertThat(QuoteMath.relativeDistance(last, new BigDecimal("120000"))).isEqualByComparingTo("1");
        assertThatThrownBy(() -> QuoteMath.relativeDistance(BigDecimal.ZERO, last))
                .hasMessageContaining("reference price must be positive");
    }

    @Test
    void guardsRejectWhatCannotBeComputed() {
        assertThatThrownBy(() -> QuoteMath.settlementsPerYear(0)).hasMessageContaining("1..24 hours, was 0");
        assertThatThrownBy(() -> QuoteMath.settlementsPerYear(25)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuoteMath.basis(BigDecimal.ONE, BigDecimal.ZERO))
                .hasMessageContaining("index price must be positive");
    }
}
