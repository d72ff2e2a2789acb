package io.hedgedesk.domain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FundingRateSeriesTest {

    private static final Instant T0 = Instant.parse("2022-11-09T04:00:00Z");

    private static FundingRate rate(long hoursAfterT0, String rate) {
        return new FundingRate(T0.plus(Duration.ofHours(hoursAfterT0)), new BigDecimal(rate));
    }

    // Shaped like Binance SOLUSDT during the FTX crash: 8 h, then 2 h intervals, then 4 h.
    private final FundingRateSeries sol = new FundingRateSeries(
            "BINANCE:SOLUSDT",
            "test",
            List.of(
                    rate(0, "0.0001"),
                    rate(8, "-0.0005"),
                    rate(16, "-0.02"),
                    rate(18, "-0.02"),
                    rate(20, "-0.01"),
                    rate(24, "-0.003")));

    @Test
    void fundingRateGuards() {
        assertThatThrownBy(() -> rate(0, "1"))
                .isInstanceOf(InvalidMarketDataException.class)
                .hasMessage("rate must be a fraction strictly between -1 and 1, was 1 at 2022-11-09T04:00:00Z");
        assertThatThrownBy(() -> rate(0, "-1.2")).hasMessageContaining("was -1.2");
        assertThat(rate(0, "-0.999").rate()).isEqualByComparingTo("-0.999");
        assertThat(rate(0, "0").rate()).isZero();
        assertThatNullPointerException()
                .isThrownBy(() -> new FundingRate(null, BigDecimal.ZERO))
                .withMessage("time");
        assertThatNullPointerException()
                .isThrownBy(() -> new FundingRate(T0, null))
                .withMessage("rate");
    }

    @Test
    void seriesGuards() {
        assertThatThrownBy(() -> new FundingRateSeries("X", "s", List.of(rate(8, "0"), rate(0, "0"))))
                .isInstanceOf(InvalidMarketDataException.class)
                .hasMessageContaining(
                        "strictly ascending times, but 2022-11-09T04:00:00Z follows 2022-11-09T12:00:00Z");
        assertThatThrownBy(() -> new FundingRateSeries("X", "s", List.of(rate(0, "0"), rate(0, "0.1"))))
                .hasMessageContaining("at index 1");
        assertThatThrownBy(() -> new FundingRateSeries("X", "s", List.of())).hasMessage("rates of X must not be empty");
        assertThatThrownBy(() -> new FundingRateSeries("", "s", List.of(rate(0, "0"))))
                .hasMessage("contractId must not be blank");
        assertThatThrownBy(() -> new FundingRateSeries("X", " ", List.of(rate(0, "0"))))
                .hasMessage("source must not be blank");
    }

    @Test
    void intervalsComeFromTimestampsAndMayChange() {
        assertThat(sol.intervals())
                .containsExactly(
                        Duration.ofHours(8),
                        Duration.ofHours(8),
                        Duration.ofHours(2),
                        Duration.ofHours(2),
                        Duration.ofHours(4));
        assertThat(sol.intervalEndingAt(0)).isEmpty();
        assertThat(sol.intervalEndingAt(3)).contains(Duration.ofHours(2));
        assertThatThrownBy(() -> sol.intervalEndingAt(6)).isInstanceOf(IndexOutOfBoundsException.class);
        FundingRateSeries single = new FundingRateSeries("X", "s", List.of(rate(0, "0")));
        assertThat(single.intervals()).isEmpty();
    }

    @Test
    void lookupsAndHalfOpenSlicing() {
        assertThat(sol.size()).isEqualTo(6);
        assertThat(sol.first().time()).isEqualTo(T0);
        assertThat(sol.last().rate()).isEqualByComparingTo("-0.003");
        assertThat(sol.get(2).rate()).isEqualByComparingTo("-0.02");
        assertThat(sol.rateAt(T0.plus(Duration.ofHours(18)))).contains(rate(18, "-0.02"));
        assertThat(sol.rateAt(T0.plus(Duration.ofHours(17)))).isEmpty();
        assertThat(sol.indexAtOrAfter(T0.minusSeconds(1))).isZero();
        assertThat(sol.indexAtOrAfter(T0.plus(Duration.ofHours(17)))).isEqualTo(3);
        assertThat(sol.indexAtOrAfter(T0.plus(Duration.ofHours(18)))).isEqualTo(3);
        assertThat(sol.indexAtOrAfter(T0.plus(Duration.ofHours(25)))).isEqualTo(6);

        // [16h, 20h) holds the settlements at 16 h and 18 h, not the one at 20 h
        FundingRateSeries slice = sol.between(T0.plus(Duration.ofHours(16)), T0.plus(Duration.ofHours(20)));
        assertThat(slice.rates()).containsExactly(rate(16, "-0.02"), rate(18, "-0.02"));
        assertThat(slice.contractId()).isEqualTo("BINANCE:SOLUSDT");
    }

    @Test
    void betweenGuards() {
        assertThatThrownBy(() -> sol.between(T0, T0))
                .isInstanceOf(InvalidMarketDataException.class)
                .hasMessage("from 2022-11-09T04:00:00Z must be before to 2022-11-09T04:00:00Z");
        assertThatThrownBy(() -> sol.between(T0.plusSeconds(1), T0.plus(Duration.ofHours(8))))
                .isInstanceOf(InvalidMarketDataException.class)
                .hasMessageContaining("BINANCE:SOLUSDT has no funding settlements in [2022-11-09T04:00:01Z, ");
    }
}
