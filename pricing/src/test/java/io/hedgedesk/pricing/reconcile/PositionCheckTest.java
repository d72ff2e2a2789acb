package io.hedgedesk.pricing.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PositionCheckTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void theSamePositionAgreesAndMarginDriftWithinOnePercentIsNotFlagged() {
        // Recorded: short 1,334 ADAUSD_PERP at 0.6671, margin 10,000 ADA. Exchange: short 1,334 at 0.66712
        // (difference 0.00002 = 0.003 % < 0.05 %), isolated margin 10,050 ADA (difference 50 = 0.5 % < 1 %).
        PositionCheck check =
                PositionCheck.of(true, d("1334"), d("0.6671"), d("10000"), true, d("1334"), d("0.66712"), d("10050"));
        assertThat(check.agrees()).isTrue();
        assertThat(check.entryDifference()).isEqualByComparingTo("0.00002");
        assertThat(check.marginDifference()).isEqualByComparingTo("50");
        assertThat(check.marginDiffers()).isFalse();
    }

    @Test
    void aSizeOrSideOrEntryDifferenceDisagrees() {
        // 1,300 contracts at the exchange against 1,334 recorded: 34 contracts fewer.
        PositionCheck smaller =
                PositionCheck.of(true, d("1334"), d("0.6671"), d("10000"), true, d("1300"), d("0.6671"), d("10000"));
        assertThat(smaller.agrees()).isFalse();
        assertThat(smaller.sizeDifference()).isEqualByComparingTo("-34");
        // Entry 0.6675 vs 0.6671: 0.0004 / 0.6671 = 0.06 % > 0.05 %.
        assertThat(PositionCheck.of(true, d("1334"), d("0.6671"), d("10000"), true, d("1334"), d("0.6675"), d("10000"))
                        .entryDiffers())
                .isTrue();
        assertThat(PositionCheck.of(true, d("1334"), d("0.6671"), d("10000"), false, d("1334"), d("0.6671"), d("10000"))
                        .agrees())
                .isFalse();
        // Margin 10,200 vs 10,000: 2 % > 1 %.
        assertThat(PositionCheck.of(true, d("1334"), d("0.6671"), d("10000"), true, d("1334"), d("0.6671"), d("10200"))
                        .marginDiffers())
                .isTrue();
    }
}
