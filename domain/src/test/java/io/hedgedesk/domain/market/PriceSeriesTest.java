package io.hedgedesk.domain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceSeriesTest {

    private static final LocalDate D1 = LocalDate.of(2023, 1, 1);

    private static PricePoint point(int dayOffset, String close) {
        return new PricePoint(D1.plusDays(dayOffset), new BigDecimal(close));
    }

    private static PriceSeries series(String symbol, PricePoint... points) {
        return new PriceSeries(symbol, "test", List.of(points));
    }

    private final PriceSeries btc = series("BTC", point(0, "100"), point(1, "110"), point(2, "99"), point(4, "120"));

    @Test
    void pricePointRejectsNonPositiveClose() {
        assertThatThrownBy(() -> point(0, "0"))
                .isInstanceOf(InvalidMarketDataException.class)
                .hasMessageContaining("close must be positive, was 0 on 2023-01-01");
        assertThatThrownBy(() -> point(0, "-1.5")).hasMessageContaining("-1.5");
        assertThatNullPointerException()
                .isThrownBy(() -> new PricePoint(null, BigDecimal.ONE))
                .withMessage("date");
        assertThatNullPointerException()
                .isThrownBy(() -> new PricePoint(D1, null))
                .withMessage("close");
    }

    @Test
    void seriesRejectsUnorderedDuplicateEmptyAndBlank() {
        assertThatThrownBy(() -> series("BTC", point(1, "1"), point(0, "1")))
                .isInstanceOf(InvalidMarketDataException.class)
                .hasMessageContaining("strictly ascending dates, but 2023-01-01 follows 2023-01-02 at index 1");
        assertThatThrownBy(() -> series("BTC", point(0, "1"), point(0, "2")))
                .hasMessageContaining("2023-01-01 follows 2023-01-01");
        assertThatThrownBy(() -> series("BTC")).hasMessage("points of BTC must not be empty");
        assertThatThrownBy(() -> new PriceSeries(" ", "s", List.of(point(0, "1"))))
                .hasMessage("assetSymbol must not be blank");
        assertThatThrownBy(() -> new PriceSeries("BTC", "", List.of(point(0, "1"))))
                .hasMessage("source must not be blank");
        assertThatNullPointerException()
                .isThrownBy(() -> new PriceSeries("BTC", "s", null))
                .withMessage("points");
    }

    @Test
    void seriesIsImmutable() {
        List<PricePoint> mutable = new java.util.ArrayList<>(List.of(point(0, "1")));
        PriceSeries s = new PriceSeries("BTC", "s", mutable);
        mutable.add(point(1, "2"));
        assertThat(s.size()).isEqualTo(1);
        assertThatThrownBy(() -> s.points().add(point(5, "1"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void lookups() {
        assertThat(btc.first().date()).isEqualTo(D1);
        assertThat(btc.last().close()).isEqualByComparingTo("120");
        assertThat(btc.closeOn(D1.plusDays(2))).contains(new BigDecimal("99"));
        assertThat(btc.closeOn(D1.plusDays(3))).isEmpty();
        // the missing day 3 resolves to day 2's close "as of"
        assertThat(btc.latestOnOrBefore(D1.plusDays(3))).contains(point(2, "99"));
        assertThat(btc.latestOnOrBefore(D1.plusDays(4))).contains(point(4, "120"));
        assertThat(btc.latestOnOrBefore(D1.plusDays(40))).contains(point(4, "120"));
        assertThat(btc.latestOnOrBefore(D1.minusDays(1))).isEmpty();
        assertThat(btc.dates()).containsExactly(D1, D1.plusDays(1), D1.plusDays(2), D1.plusDays(4));
        assertThat(btc.closes()).extracting(BigDecimal::toPlainString).containsExactly("100", "110", "99", "120");
    }

    @Test
    void betweenIsInclusiveOnBothEnds() {
        assertThat(btc.between(D1.plusDays(1), D1.plusDays(2)).dates()).containsExactly(D1.plusDays(1), D1.plusDays(2));
        assertThat(btc.between(D1.plusDays(3), D1.plusDays(10)).dates()).containsExactly(D1.plusDays(4));
        assertThat(btc.between(D1.minusDays(5), D1).dates()).containsExactly(D1);
        assertThat(btc.between(D1, D1.plusDays(4))).isEqualTo(btc);
    }

    @Test
    void betweenRejectsReversedAndEmptyRanges() {
        assertThatThrownBy(() -> btc.between(D1.plusDays(1), D1))
                .isInstanceOf(InvalidMarketDataException.class)
                .hasMessage("from 2023-01-02 must not be after to 2023-01-01");
        assertThatThrownBy(() -> btc.between(D1.plusDays(3), D1.plusDays(3)))
                .isInstanceOf(InvalidMarketDataException.class)
                .hasMessageContaining("BTC has no closes between 2023-01-04 and 2023-01-04");
    }

    @Test
    void lastDaysCountsCalendarDaysEndingAtTheLastClose() {
        // last date is day 4; 3 calendar days = days 2, 3, 4, of which days 2 and 4 exist
        assertThat(btc.lastDays(3).dates()).containsExactly(D1.plusDays(2), D1.plusDays(4));
        assertThat(btc.lastDays(1).dates()).containsExactly(D1.plusDays(4));
        assertThat(btc.lastDays(1000)).isEqualTo(btc);
        assertThatThrownBy(() -> btc.lastDays(0)).hasMessage("days must be positive, was 0");
    }

    @Test
    void alignKeepsOnlyCommonDatesInOrder() {
        PriceSeries sol = series("SOL", point(1, "10"), point(2, "11"), point(3, "12"), point(4, "13"));
        PriceSeries eth = series("ETH", point(0, "1"), point(2, "2"), point(4, "3"), point(5, "4"));

        AlignedPrices aligned = PriceSeries.align(btc, sol, eth);

        assertThat(aligned.dates()).containsExactly(D1.plusDays(2), D1.plusDays(4));
        assertThat(aligned.size()).isEqualTo(2);
        assertThat(aligned.get(0).closes())
                .extracting(BigDecimal::toPlainString)
                .containsExactly("99", "120");
        assertThat(aligned.get(1).closes())
                .extracting(BigDecimal::toPlainString)
                .containsExactly("11", "13");
        assertThat(aligned.get(2).closes())
                .extracting(BigDecimal::toPlainString)
                .containsExactly("2", "3");
        assertThat(aligned.get(1).assetSymbol()).isEqualTo("SOL");
    }

    @Test
    void alignKeepsSeriesThatAlreadyShareEveryDateAsTheyAre() {
        PriceSeries same = series("SOL", point(0, "10"), point(1, "11"), point(2, "9"), point(4, "12"));
        AlignedPrices aligned = PriceSeries.align(btc, same);
        assertThat(aligned.get(0)).isSameAs(btc);
        assertThat(aligned.get(1)).isSameAs(same);
        assertThat(aligned.dates()).containsExactly(D1, D1.plusDays(1), D1.plusDays(2), D1.plusDays(4));
        // Same length but one day different: not aligned, so the join drops the days they don't share.
        PriceSeries shifted = series("ETH", point(0, "1"), point(1, "1"), point(3, "1"), point(4, "1"));
        assertThat(PriceSeries.align(btc, shifted).dates()).containsExactly(D1, D1.plusDays(1), D1.plusDays(4));
        assertThatThrownBy(() -> new AlignedPrices(btc.dates(), List.of(btc, shifted)))
                .isInstanceOf(InvalidMarketDataException.class)
                .hasMessage("series ETH is not aligned on the common dates");
    }

    @Test
    void alignGuards() {
        PriceSeries later = series("SOL", point(10, "1"));
        assertThatThrownBy(() -> PriceSeries.align(btc, later))
                .isInstanceOf(InvalidMarketDataException.class)
                .hasMessage("series [BTC, SOL] share no common date");
        assertThatThrownBy(() -> PriceSeries.align(List.of())).hasMessage("series to align must not be empty");
        assertThat(PriceSeries.align(List.of(btc)).get(0)).isEqualTo(btc);
    }

    @Test
    void alignedPricesRejectsMisalignedSeries() {
        assertThatThrownBy(() -> new AlignedPrices(List.of(D1), List.of(btc)))
                .isInstanceOf(InvalidMarketDataException.class)
                .hasMessage("series BTC is not aligned on the common dates");
        assertThatThrownBy(() -> new AlignedPrices(List.of(), List.of(btc)))
                .hasMessage("dates of aligned prices must not be empty");
        assertThatThrownBy(() -> new AlignedPrices(List.of(D1), List.of()))
                .hasMessage("series of aligned prices must not be empty");
    }
}
