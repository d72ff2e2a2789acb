package io.hedgedesk.persistence.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.market.FundingHistoryCoverage;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Synthetic series (ZZTEST:…) written inside a rolled-back transaction. */
@QuarkusTest
class FundingHistoryRepositoryTest {

    private static final Instant T0 = Instant.parse("2022-11-09T16:00:00Z");
    private static final Instant T1 = Instant.parse("2022-11-09T20:00:00Z");
    private static final Instant T2 = Instant.parse("2022-11-09T22:00:00Z");

    @Inject
    FundingHistoryRepository funding;

    @Test
    @TestTransaction
    void aSeriesRoundTripsExactlyIncludingScientificNotationAndUnevenIntervals() {
        FundingRateSeries stored = series(
                "ZZTEST:SOLUSDT",
                "unit test",
                rate(T0, "-6.876e-05"),
                rate(T1, "-0.02"),
                rate(T2, "0.000000000000000000000001"));

        assertThat(funding.upsert(stored)).isEqualTo(3);

        FundingRateSeries read = funding.series("zztest:solusdt").orElseThrow();
        assertThat(read.contractId()).isEqualTo("ZZTEST:SOLUSDT");
        assertThat(read.source()).isEqualTo("unit test");
        assertThat(read.rates()).extracting(FundingRate::time).containsExactly(T0, T1, T2);
        assertThat(read.rates())
                .extracting(FundingRate::rate)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("-0.00006876"), new BigDecimal("-0.02"), new BigDecimal("1E-24"));
        // The intervals come from the stored times: 4 h, then 2 h.
        assertThat(read.intervals()).containsExactly(Duration.ofHours(4), Duration.ofHours(2));
    }

    @Test
    @TestTransaction
    void aPeriodIsHalfOpen() {
        funding.upsert(series("ZZTEST:A", "unit test", rate(T0, "0.0001"), rate(T1, "0.0002"), rate(T2, "0.0003")));

        assertThat(funding.series("ZZTEST:A", T1, T2).orElseThrow().rates())
                .extracting(FundingRate::time)
                .containsExactly(T1);
        assertThat(funding.series("ZZTEST:A", T0, T2.plusSeconds(1))
                        .orElseThrow()
                        .size())
                .isEqualTo(3);
        assertThat(funding.series("ZZTEST:A", T2.plusSeconds(1), T2.plusSeconds(3600)))
                .isEmpty();
        assertThat(funding.series("ZZTEST:NOTHING")).isEmpty();
        assertThatThrownBy(() -> funding.series("ZZTEST:A", T1, T1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be before to");
    }

    @Test
    @TestTransaction
    void upsertIsIdempotentAndCoverageCountsTheRows() {
        FundingRateSeries stored = series("ZZTEST:B", "source b", rate(T0, "0.0001"), rate(T2, "0.0003"));
        assertThat(funding.upsert(stored)).isEqualTo(2);
        assertThat(funding.upsert(stored)).isZero();
        assertThat(funding.upsert(series("ZZTEST:B", "source b", rate(T2, "0.00030000"))))
                .isZero();
        assertThat(funding.upsert(series("ZZTEST:B", "source b", rate(T2, "0.0004"))))
                .isEqualTo(1);

        FundingHistoryCoverage coverage = funding.coverage().stream()
                .filter(c -> c.seriesId().equals("ZZTEST:B"))
                .findFirst()
                .orElseThrow();

        assertThat(coverage).isEqualTo(new FundingHistoryCoverage("ZZTEST:B", T0, T2, 2, "source b"));
        assertThat(funding.series("ZZTEST:B").orElseThrow().last().rate()).isEqualByComparingTo("0.0004");
    }

    @Test
    @TestTransaction
    void seriesIdsAreTheCoveragesSeriesInOrder() {
        funding.upsert(series("ZZTEST:F", "source f", rate(T0, "0.0001"), rate(T1, "0.0002"), rate(T2, "0.0003")));
        funding.upsert(series("ZZTEST:E", "source e", rate(T1, "0.0002")));

        List<String> ids = funding.seriesIds();

        assertThat(ids)
                .containsSubsequence("ZZTEST:E", "ZZTEST:F")
                .doesNotHaveDuplicates()
                .isEqualTo(funding.coverage().stream()
                        .map(FundingHistoryCoverage::seriesId)
                        .toList());
    }

    @Test
    @TestTransaction
    void latestIsTheLastSettlementOfEachSeriesWithItsSource() {
        funding.upsert(series("ZZTEST:C", "source c", rate(T0, "0.0001"), rate(T2, "-0.0003")));
        funding.upsert(series("ZZTEST:D", "source d", rate(T1, "0.0002")));

        var latest = funding.latest(List.of("zztest:d", "ZZTEST:NONE", "ZZTEST:C"));

        assertThat(latest.keySet()).containsExactly("ZZTEST:D", "ZZTEST:C");
        assertThat(latest.get("ZZTEST:C").size()).isEqualTo(1);
        assertThat(latest.get("ZZTEST:C").last().time()).isEqualTo(T2);
        assertThat(latest.get("ZZTEST:C").last().rate()).isEqualByComparingTo("-0.0003");
        assertThat(latest.get("ZZTEST:C").source()).isEqualTo("source c");
        assertThat(funding.latest(List.of())).isEmpty();
    }

    static FundingRateSeries series(String id, String source, FundingRate... rates) {
        return new FundingRateSeries(id, source, List.of(rates));
    }

    static FundingRate rate(Instant time, String rate) {
        return new FundingRate(time, new BigDecimal(rate));
    }
}
