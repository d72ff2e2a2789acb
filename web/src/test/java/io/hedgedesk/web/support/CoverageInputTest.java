package io.hedgedesk.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A target coverage typed in percent becomes the fraction the binder reads; older fractions still read the same. */
class CoverageInputTest {

    @Test
    void percentIsDividedByAHundred() {
        assertThat(CoverageInput.fraction("100")).isEqualTo("1");
        assertThat(CoverageInput.fraction("80")).isEqualTo("0.8");
        assertThat(CoverageInput.fraction("80 %")).isEqualTo("0.8");
        assertThat(CoverageInput.fraction(" 95.5% ")).isEqualTo("0.955");
        assertThat(CoverageInput.fraction("150")).isEqualTo("1.5");
        // a % sign makes even a small number percent: 1 % = 0.01
        assertThat(CoverageInput.fraction("1 %")).isEqualTo("0.01");
    }

    @Test
    void aBareNumberOfAtMostTwoIsTheFractionOfOlderLinksAndTheApi() {
        assertThat(CoverageInput.fraction("1")).isEqualTo("1");
        assertThat(CoverageInput.fraction("0.8")).isEqualTo("0.8");
        assertThat(CoverageInput.fraction("2")).isEqualTo("2");
    }

    @Test
    void anythingElseGoesToTheBinderAsTyped() {
        assertThat(CoverageInput.fraction("1,5")).isEqualTo("1,5");
        assertThat(CoverageInput.fraction("abc")).isEqualTo("abc");
        assertThat(CoverageInput.fraction("")).isEqualTo("");
        assertThat(CoverageInput.fraction("-50")).isEqualTo("-50");
        assertThat(CoverageInput.fraction(null)).isNull();
    }
}
