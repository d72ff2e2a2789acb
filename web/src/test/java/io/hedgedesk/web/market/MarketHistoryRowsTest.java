package io.hedgedesk.web.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.market.FundingHistoryCoverage;
import io.hedgedesk.domain.market.HistoryCoverage;
import io.hedgedesk.domain.market.PriceQuote;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarketHistoryRowsTest {

    @Test
    void pricesAreGroupedWithTwoToEightDecimalsRoundedHalfEven() {
        // As stored in numeric(38,18): trailing zeros are dropped down to 2 decimals.
        assertThat(MarketHistoryRows.price(new BigDecimal("87648.220000000000000000")))
                .isEqualTo("87,648.22");
        assertThat(MarketHistoryRows.price(new BigDecimal("4285"))).isEqualTo("4,285.00");
        assertThat(MarketHistoryRows.price(new BigDecimal("0.3794"))).isEqualTo("0.3794");
        assertThat(MarketHistoryRows.price(new BigDecimal("0.00001234"))).isEqualTo("0.00001234");
        // Beyond 8 decimals, half-even: 0.000012345 -> 0.00001234 (4 is even), 0.000012355 -> 0.00001236.
        assertThat(MarketHistoryRows.price(new BigDecimal("0.000012345"))).isEqualTo("0.00001234");
        assertThat(MarketHistoryRows.price(new BigDecimal("0.000012355"))).isEqualTo("0.00001236");
        assertThat(MarketHistoryRows.price(new BigDecimal("1234567.5"))).isEqualTo("1,234,567.50");
    }

    @Test
    void countsHaveThousandsSeparators() {
        assertThat(MarketHistoryRows.count(3059)).isEqualTo("3,059");
        assertThat(MarketHistoryRows.count(999)).isEqualTo("999");
        assertThat(MarketHistoryRows.count(68077)).isEqualTo("68,077");
    }

    @Test
    void anAssetWithoutALatestCloseShowsADash() {
        HistoryCoverage btc =
                new HistoryCoverage("BTC", LocalDate.of(2017, 8, 17), LocalDate.of(2025, 12, 31), 3059, "s");
        HistoryCoverage eth =
                new HistoryCoverage("ETH", LocalDate.of(2017, 8, 17), LocalDate.of(2025, 12, 31), 3059, "s");
        PriceQuote quote =
                new PriceQuote("BTC", new BigDecimal("87648.22"), "s", Instant.parse("2025-12-31T23:59:59.999Z"));

        List<MarketHistoryRows.PriceRow> rows =
                MarketHistoryRows.prices(List.of(btc, eth), Map.of("BTC", quote), Map.of());

        assertThat(rows.get(0))
                .isEqualTo(new MarketHistoryRows.PriceRow(
                        "BTC", "2017-08-17", "2025-12-31", "3,059", "s", "87,648.22", "2025-12-31"));
        assertThat(rows.get(1).latestClose()).isEqualTo("–");
        assertThat(rows.get(1).latestDay()).isEqualTo("–");
    }

    @Test
    void fundingTimesAreShownToTheMinuteInUtc() {
        FundingHistoryCoverage xbt = new FundingHistoryCoverage(
                "BITMEX:XBTUSD",
                Instant.parse("2016-06-04T04:00:00Z"),
                Instant.parse("2024-03-16T04:00:00Z"),
                8525,
                "s");

        assertThat(MarketHistoryRows.funding(List.of(xbt), Map.of()))
                .containsExactly(new MarketHistoryRows.FundingRow(
                        "BITMEX:XBTUSD", "2016-06-04 04:00 UTC", "2024-03-16 04:00 UTC", "8,525", "s"));
    }

    @Test
    void whoImportedOrBackfilledASeriesFollowsItsSource() {
        FundingHistoryCoverage xbt = new FundingHistoryCoverage(
                "BITMEX:XBTUSD",
                Instant.parse("2016-06-04T04:00:00Z"),
                Instant.parse("2024-03-16T04:00:00Z"),
                8525,
                "s");

        assertThat(MarketHistoryRows.funding(List.of(xbt), Map.of("BITMEX:XBTUSD", "Carol Finney"))
                        .get(0)
                        .source())
                .isEqualTo("s; imported or backfilled by Carol Finney");
    }
}
