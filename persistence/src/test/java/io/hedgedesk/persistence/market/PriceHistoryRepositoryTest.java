package io.hedgedesk.persistence.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.market.HistoryCoverage;
import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.PriceQuote;
import io.hedgedesk.domain.market.PriceSeries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Synthetic assets (ZZ…) written inside a rolled-back transaction, so the shipped history is left alone. */
@QuarkusTest
class PriceHistoryRepositoryTest {

    private static final LocalDate D1 = LocalDate.of(2024, 2, 28);
    private static final LocalDate D2 = LocalDate.of(2024, 2, 29);
    private static final LocalDate D3 = LocalDate.of(2024, 3, 1);

    @Inject
    PriceHistoryRepository prices;

    @Test
    @TestTransaction
    void aSeriesRoundTripsExactlyWhateverTheScaleOfItsCloses() {
        PriceSeries stored = series(
                "ZZA",
                "unit test",
                point(D1, "0.000000000000000001"),
                point(D2, "12345678901234567890.123456789012345678"),
                point(D3, "1.5"));

        assertThat(prices.upsert(stored)).isEqualTo(3);

        PriceSeries read = prices.series("ZZA").orElseThrow();
        assertThat(read.assetSymbol()).isEqualTo("ZZA");
        assertThat(read.source()).isEqualTo("unit test");
        assertThat(read.dates()).containsExactly(D1, D2, D3);
        assertThat(read.closes())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(stored.closes());
    }

    @Test
    @TestTransaction
    void symbolsAreMatchedCaseInsensitivelyAndStoredUpperCase() {
        prices.upsert(series("zzb", "unit test", point(D1, "2")));

        assertThat(prices.series(" zZb ").orElseThrow().assetSymbol()).isEqualTo("ZZB");
        assertThat(prices.latestCloses(List.of("zzb"))).containsOnlyKeys("ZZB");
    }

    @Test
    @TestTransaction
    void upsertIsIdempotentAndReplacesOnlyWhatChanged() {
        PriceSeries first = series("ZZC", "unit test", point(D1, "10"), point(D2, "11"));
        assertThat(prices.upsert(first)).isEqualTo(2);
        assertThat(prices.upsert(first)).isZero();
        // 11 and 11.000 are the same number: nothing to write.
        assertThat(prices.upsert(series("ZZC", "unit test", point(D2, "11.000"))))
                .isZero();

        int changed = prices.upsert(series("ZZC", "unit test", point(D2, "12"), point(D3, "13")));

        assertThat(changed).isEqualTo(2);
        assertThat(prices.series("ZZC").orElseThrow().closes())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(dec("10"), dec("12"), dec("13"));
    }

    @Test
    @TestTransaction
    void aRangeIsInclusiveAtBothEndsAndEmptyWhenNothingIsStoredThere() {
        prices.upsert(series("ZZD", "unit test", point(D1, "1"), point(D2, "2"), point(D3, "3")));

        assertThat(prices.series("ZZD", D2, D3).orElseThrow().dates()).containsExactly(D2, D3);
        assertThat(prices.series("ZZD", D2, D2).orElseThrow().dates()).containsExactly(D2);
        assertThat(prices.series("ZZD", D3.plusDays(1), D3.plusDays(9))).isEmpty();
        assertThat(prices.series("ZZNOTHING")).isEmpty();
        assertThatThrownBy(() -> prices.series("ZZD", D3, D1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 2024-03-01 must not be after to 2024-02-28");
    }

    @Test
    @TestTransaction
    void latestClosesReadsSeveralAssetsInOneCallEndingTheirDays() {
        prices.upsert(series("ZZE", "source e", point(D1, "100"), point(D2, "101.25")));
        prices.upsert(series("ZZF", "source f", point(D1, "7"), point(D3, "8.5")));

        Map<String, PriceQuote> latest = prices.latestCloses(List.of("ZZF", "ZZNOTHING", "ZZE"));

        assertThat(latest).containsOnlyKeys("ZZF", "ZZE");
        assertThat(latest.keySet()).containsExactly("ZZF", "ZZE");
        PriceQuote e = latest.get("ZZE");
        assertThat(e.priceUsd()).isEqualByComparingTo("101.25");
        assertThat(e.source()).isEqualTo("source e");
        // End of the UTC day 2024-02-29: the close time of a Binance daily kline, 23:59:59.999Z.
        assertThat(e.asOf()).isEqualTo(Instant.parse("2024-02-29T23:59:59.999Z"));
        assertThat(latest.get("ZZF").priceUsd()).isEqualByComparingTo("8.5");
        assertThat(latest.get("ZZF").asOf()).isEqualTo(Instant.parse("2024-03-01T23:59:59.999Z"));
        assertThat(prices.latestCloses(List.of())).isEmpty();
    }

    @Test
    @TestTransaction
    void coverageListsFirstAndLastDayRowsAndSource() {
        prices.upsert(series("ZZG", "source g", point(D1, "1"), point(D2, "2"), point(D3, "3")));

        HistoryCoverage coverage = prices.coverage().stream()
                .filter(c -> c.assetSymbol().equals("ZZG"))
                .findFirst()
                .orElseThrow();

        assertThat(coverage).isEqualTo(new HistoryCoverage("ZZG", D1, D3, 3, "source g"));
    }

    @Test
    void anInvalidSymbolIsRefusedBeforeTheDatabase() {
        assertThatThrownBy(() -> prices.upsert(series("BTC/USD", "unit test", point(D1, "1"))))
                .hasMessageContaining("asset symbol must be 1-15 upper-case letters or digits, was BTC/USD");
    }

    static PriceSeries series(String symbol, String source, PricePoint... points) {
        return new PriceSeries(symbol, source, List.of(points));
    }

    static PricePoint point(LocalDate day, String close) {
        return new PricePoint(day, dec(close));
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    /**
     * Whole series are cached: a committed write is seen at once, a rolled-back one never (the cache is emptied
     * when the write's transaction ends, whatever its outcome).
     */
    @Test
    void theCachedSeriesFollowsCommittedWritesOnly() {
        String symbol =
                "ZC" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
        assertThat(prices.series(symbol)).isEmpty();

        prices.upsert(series(symbol, "unit test", point(D1, "10")));
        assertThat(prices.series(symbol).orElseThrow().closes())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(dec("10"));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    prices.upsert(series(symbol, "unit test", point(D2, "11")));
                    assertThat(prices.series(symbol).orElseThrow().closes())
                            .as("inside the writing transaction")
                            .hasSize(2);
                    throw new IllegalStateException("the import fails: roll back");
                }))
                .hasMessageContaining("roll back");
        assertThat(prices.series(symbol).orElseThrow().closes())
                .as("after the rollback")
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(dec("10"));
    }
}
