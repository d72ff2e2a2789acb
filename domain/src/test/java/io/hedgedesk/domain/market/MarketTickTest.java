package io.hedgedesk.domain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarketTickTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static MarketTick tick(
            String mark,
            Optional<BigDecimal> index,
            Optional<BigDecimal> last,
            Optional<BigDecimal> rate,
            Optional<Integer> hours) {
        return new MarketTick(
                " BYBIT:BTCUSD ",
                new BigDecimal(mark),
                index,
                last,
                rate,
                Optional.of(NOW.plusSeconds(3600)),
                hours,
                " Bybit v5 tickers ",
                NOW);
    }

    private static Optional<BigDecimal> dec(String value) {
        return Optional.of(new BigDecimal(value));
    }

    @Test
    void aValidTickKeepsItsFieldsWithTrimmedText() {
        MarketTick tick = tick("104250.5", dec("104240.1"), dec("104251"), dec("-0.000125"), Optional.of(8));

        assertThat(tick.contractId()).isEqualTo("BYBIT:BTCUSD");
        assertThat(tick.source()).isEqualTo("Bybit v5 tickers");
        assertThat(tick.fundingRate()).contains(new BigDecimal("-0.000125"));
        assertThat(tick.fundingIntervalHours()).contains(8);
    }

    @Test
    void pricesMustBePositive() {
        Optional<Integer> none = Optional.empty();
        assertThatThrownBy(() -> tick("0", Optional.empty(), Optional.empty(), Optional.empty(), none))
                .isInstanceOf(InvalidMarketDataException.class)
                .hasMessage("markPrice of BYBIT:BTCUSD must be positive, was 0");
        assertThatThrownBy(() -> tick("1", dec("-2"), Optional.empty(), Optional.empty(), none))
                .hasMessage("indexPrice of BYBIT:BTCUSD must be positive, was -2");
        assertThatThrownBy(() -> tick("1", Optional.empty(), dec("0.0"), Optional.empty(), none))
                .hasMessage("lastPrice of BYBIT:BTCUSD must be positive, was 0.0");
    }

    @Test
    void fundingRateMustBeAFractionAndTheIntervalOneToTwentyFourHours() {
        assertThatThrownBy(() -> tick("1", Optional.empty(), Optional.empty(), dec("1"), Optional.empty()))
                .isInstanceOf(InvalidMarketDataException.class)
                .hasMessage("fundingRate of BYBIT:BTCUSD must be a fraction strictly between -1 and 1, was 1");
        assertThatThrownBy(() -> tick("1", Optional.empty(), Optional.empty(), dec("-1.5"), Optional.empty()))
                .hasMessageContaining("was -1.5");
        assertThatThrownBy(() -> tick("1", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(0)))
                .hasMessage("fundingIntervalHours of BYBIT:BTCUSD must be 1..24, was 0");
        assertThatThrownBy(() -> tick("1", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(25)))
                .hasMessage("fundingIntervalHours of BYBIT:BTCUSD must be 1..24, was 25");
        assertThat(tick("1", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(1))
                        .fundingIntervalHours())
                .contains(1);
    }

    @Test
    void requiredFieldsAndBlankText() {
        BigDecimal one = BigDecimal.ONE;
        Optional<BigDecimal> no = Optional.empty();
        assertThatNullPointerException()
                .isThrownBy(() -> new MarketTick("X:Y", null, no, no, no, Optional.empty(), Optional.empty(), "s", NOW))
                .withMessage("markPrice");
        assertThatNullPointerException()
                .isThrownBy(
                        () -> new MarketTick("X:Y", one, null, no, no, Optional.empty(), Optional.empty(), "s", NOW))
                .withMessage("indexPrice");
        assertThatNullPointerException()
                .isThrownBy(() -> new MarketTick("X:Y", one, no, no, no, Optional.empty(), Optional.empty(), "s", null))
                .withMessage("fetchedAt");
        assertThatThrownBy(() -> new MarketTick(" ", one, no, no, no, Optional.empty(), Optional.empty(), "s", NOW))
                .isInstanceOf(InvalidMarketDataException.class)
                .hasMessage("contractId must not be blank");
        assertThatThrownBy(() -> new MarketTick("X:Y", one, no, no, no, Optional.empty(), Optional.empty(), "", NOW))
                .hasMessage("source must not be blank");
    }
}
