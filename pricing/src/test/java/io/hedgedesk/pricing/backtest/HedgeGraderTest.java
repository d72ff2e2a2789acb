package io.hedgedesk.pricing.backtest;

import static io.hedgedesk.pricing.backtest.Fixtures.AAA_USD;
import static io.hedgedesk.pricing.backtest.Fixtures.bd;
import static io.hedgedesk.pricing.backtest.Fixtures.closes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A real hedge's grade from a small ledger, worked by hand. */
class HedgeGraderTest {

    private static HedgeEvent event(
            long id,
            HedgeEventType type,
            String at,
            String quantity,
            String price,
            String settlementUsd,
            String cash,
            String cashUsd,
            String fee,
            String realized,
            String sizeAfter,
            String entryAfter) {
        return new HedgeEvent(
                id,
                1,
                type,
                Instant.parse(at),
                "alice",
                Optional.ofNullable(quantity).map(BigDecimal::new),
                Optional.ofNullable(price).map(BigDecimal::new),
                "AAA",
                bd(settlementUsd),
                bd(cash),
                bd(cashUsd),
                Optional.ofNullable(fee).map(BigDecimal::new),
                Optional.empty(),
                Optional.ofNullable(realized).map(BigDecimal::new),
                Optional.empty(),
                bd(sizeAfter),
                bd(entryAfter),
                Optional.empty(),
                "",
                false);
    }

    /**
     * 10 AAA insured; SHORT 1,000 AAAUSD (face 1 USD) opened at 100 on day 0 paying a 0.01 AAA fee; funding +0.02 AAA
     * received on day 1 (recorded as 1.60 USD at 80); 500 bought back at 50 on day 2: realized 500·(1/50 − 1/100) = 5
     * AAA. Closes 100, 80, 50, 40.
     * <pre>
     * day X    unrealized PnL                 result (AAA)                    hedged = 10·X + result·X   unhedged
     * 0   100  0                              −0.01                            1,000 − 1 = 999             1,000
     * 1   80   1,000·(1/80 − 1/100) = 2.5    −0.01 + 0.02 + 2.5 = 2.51        800 + 200.8 = 1,000.8       800
     * 2   50   500·(1/50 − 1/100) = 5         −0.01 + 0.02 + 5 + 5 = 10.01     500 + 500.5 = 1,000.5       500
     * 3   40   500·(1/40 − 1/100) = 7.5       0.01 + 5 + 7.5 = 12.51           400 + 500.4 = 900.4         400
     * </pre>
     * Fees 0.01 × 100 = 1 USD, funding 1.60 USD; hedge result 900.4 − 400 = 500.4; price PnL 500.4 − 1.6 + 1 = 499.8;
     * dollar offset 499.8 / 600 = 0.833; one resize.
     */
    @Test
    void theLedgerIsReplayedAgainstTheStoredCloses() {
        List<HedgeEvent> ledger = List.of(
                event(
                        3,
                        HedgeEventType.REDUCE,
                        "2024-01-03T12:00:00Z",
                        "500",
                        "50",
                        "50",
                        "5",
                        "250",
                        null,
                        "5",
                        "500",
                        "100"),
                event(
                        1,
                        HedgeEventType.OPEN,
                        "2024-01-01T10:00:00Z",
                        "1000",
                        "100",
                        "100",
                        "4.99",
                        "499",
                        "0.01",
                        null,
                        "1000",
                        "100"),
                event(
                        2,
                        HedgeEventType.FUNDING,
                        "2024-01-02T08:00:00Z",
                        null,
                        null,
                        "80",
                        "0.02",
                        "1.60",
                        null,
                        null,
                        "1000",
                        "100"));
        BacktestResult grade = HedgeGrader.DEFAULT.grade(
                AAA_USD,
                Side.SHORT,
                ledger,
                Map.of("AAA", bd("10")),
                List.of(closes("AAA", "100", "80", "50", "40", "45")),
                Fixtures.D0.plusDays(3));

        assertThat(grade.path()).hasSize(4);
        String[] hedged = {"999", "1000.8", "1000.5", "900.4"};
        for (int t = 0; t < 4; t++) {
            assertThat(grade.path().get(t).hedgedUsd().setScale(8, RoundingMode.HALF_UP))
                    .isEqualByComparingTo(hedged[t]);
        }
        assertThat(grade.path().get(3).coins().get("AAA").setScale(8, RoundingMode.HALF_UP))
                .isEqualByComparingTo("22.51");
        BacktestMeasures m = grade.measures();
        assertThat(m.feesUsd()).isEqualByComparingTo("1");
        assertThat(m.fundingUsd()).isEqualByComparingTo("1.60");
        assertThat(m.hedgePricePnlUsd().setScale(8, RoundingMode.HALF_UP)).isEqualByComparingTo("499.8");
        assertThat(m.dollarOffset().getAsDouble()).isCloseTo(499.8 / 600, within(1e-12));
        assertThat(m.rebalances()).isEqualTo(1);
        assertThat(grade.events())
                .extracting(BacktestEvent::words)
                .containsExactly("OPEN 1000 at 100", "REDUCE 500 at 50");
    }

    @Test
    void aHedgeWithoutLedgerOrHoldingsCannotBeGraded() {
        assertThatThrownBy(() -> HedgeGrader.DEFAULT.grade(
                        AAA_USD,
                        Side.SHORT,
                        List.of(),
                        Map.of("AAA", bd("1")),
                        List.of(closes("AAA", "1", "2")),
                        Fixtures.D0))
                .isInstanceOf(BacktestException.class);
    }
}
