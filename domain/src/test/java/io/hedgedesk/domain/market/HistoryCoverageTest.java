package io.hedgedesk.domain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HistoryCoverageTest {

    private static final LocalDate FIRST = LocalDate.of(2017, 8, 17);
    private static final LocalDate LAST = LocalDate.of(2025, 12, 31);
    private static final Instant T0 = Instant.parse("2016-06-04T20:00:00Z");
    private static final Instant T1 = Instant.parse("2024-03-16T04:00:00Z");

    @Test
    void priceCoverageIsValidated() {
        assertThat(new HistoryCoverage(" BTC ", FIRST, LAST, 3059, "s").assetSymbol())
                .isEqualTo("BTC");
        assertThat(new HistoryCoverage("BTC", FIRST, FIRST, 1, "s").rows()).isEqualTo(1);
        assertThatThrownBy(() -> new HistoryCoverage("BTC", LAST, FIRST, 3059, "s"))
                .isInstanceOf(InvalidMarketDataException.class)
                .hasMessage("lastDay 2017-08-17 of BTC must not be before firstDay 2025-12-31");
        assertThatThrownBy(() -> new HistoryCoverage("BTC", FIRST, LAST, 0, "s"))
                .hasMessage("rows of BTC must be positive, was 0");
        assertThatThrownBy(() -> new HistoryCoverage("BTC", FIRST, LAST, 1, " "))
                .hasMessage("source must not be blank");
        assertThatNullPointerException()
                .isThrownBy(() -> new HistoryCoverage("BTC", null, LAST, 1, "s"))
                .withMessage("firstDay");
    }

    @Test
    void fundingCoverageIsValidated() {
        assertThat(new FundingHistoryCoverage("BITMEX:XBTUSD", T0, T1, 8525, "s").lastTime())
                .isEqualTo(T1);
        assertThatThrownBy(() -> new FundingHistoryCoverage("BITMEX:XBTUSD", T1, T0, 8525, "s"))
                .isInstanceOf(InvalidMarketDataException.class)
                .hasMessage(
                        "lastTime 2016-06-04T20:00:00Z of BITMEX:XBTUSD must not be before firstTime 2024-03-16T04:00:00Z");
        assertThatThrownBy(() -> new FundingHistoryCoverage("BITMEX:XBTUSD", T0, T1, -1, "s"))
                .hasMessage("rows of BITMEX:XBTUSD must be positive, was -1");
        assertThatThrownBy(() -> new FundingHistoryCoverage("", T0, T1, 1, "s"))
                .hasMessage("seriesId must not be blank");
        assertThatNullPointerException()
                .isThrownBy(() -> new FundingHistoryCoverage("X:Y", T0, null, 1, "s"))
                .withMessage("lastTime");
    }
}
