package io.hedgedesk.web.view.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The funding chart's daily sums: each settlement counts on its UTC day, only days inside the window. */
class DailyFundingTest {

    private static FundingRate rate(String time, String rate) {
        return new FundingRate(Instant.parse(time), new BigDecimal(rate));
    }

    @Test
    void settlementsAreSummedPerUtcDayWithinTheWindow() {
        FundingRateSeries series = new FundingRateSeries(
                "BYBIT:BTCUSD",
                "test",
                List.of(
                        rate("2025-12-31T23:59:59Z", "0.0005"), // the day before the window
                        rate("2026-01-01T00:00:00Z", "0.0001"), // first second of the first day
                        rate("2026-01-01T08:00:00Z", "-0.00005"),
                        rate("2026-01-01T16:00:00Z", "0.0002"),
                        rate("2026-01-02T23:59:59Z", "0.0003"), // last second of the last day
                        rate("2026-01-03T00:00:00Z", "0.0007"))); // the day after

        var daily = FundingChart.dailyFunding(series, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2));

        // 2026-01-01: 0.0001 − 0.00005 + 0.0002 = 0.00025; 2026-01-02: 0.0003
        assertThat(daily)
                .containsOnlyKeys(
                        LocalDate.of(2026, 1, 1).toEpochDay(),
                        LocalDate.of(2026, 1, 2).toEpochDay());
        assertThat(daily.get(LocalDate.of(2026, 1, 1).toEpochDay())).isEqualByComparingTo("0.00025");
        assertThat(daily.get(LocalDate.of(2026, 1, 2).toEpochDay())).isEqualByComparingTo("0.0003");
    }
}
