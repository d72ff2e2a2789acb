package io.hedgedesk.web.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The banner's text from the newest stored close and settlement: old means before today minus three days. */
class MarketDataAgeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void namesEachOldDate() {
        assertThat(MarketDataAge.notice(
                        Optional.of(LocalDate.of(2025, 12, 31)), Optional.of(LocalDate.of(2024, 6, 30)), TODAY))
                .hasValueSatisfying(text -> assertThat(text)
                        .startsWith(
                                "Stored market data is old: the newest daily close is of 2025-12-31 and the newest funding rate of"
                                        + " 2024-06-30."));
    }

    @Test
    void threeDaysIsStillRecentAndFourIsOld() {
        assertThat(MarketDataAge.notice(Optional.of(TODAY.minusDays(3)), Optional.empty(), TODAY))
                .isEmpty();
        assertThat(MarketDataAge.notice(Optional.of(TODAY.minusDays(3)), Optional.of(TODAY.minusDays(4)), TODAY))
                .hasValueSatisfying(text -> assertThat(text)
                        .contains("the newest funding rate of 2026-12-02")
                        .doesNotContain("daily close"));
    }

    @Test
    void nothingStoredSaysNothing() {
        assertThat(MarketDataAge.notice(Optional.empty(), Optional.empty(), TODAY))
                .isEmpty();
    }
}
