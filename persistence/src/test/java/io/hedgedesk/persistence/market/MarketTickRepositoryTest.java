package io.hedgedesk.persistence.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.market.MarketTick;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MarketTickRepositoryTest {

    private static final Instant FETCHED = Instant.parse("2025-06-01T12:00:00.123456Z");

    @Inject
    MarketTickRepository ticks;

    @Test
    @TestTransaction
    void aFullTickRoundTrips() {
        MarketTick tick = new MarketTick(
                "ZZTEST:BTCUSD",
                dec("104250.5"),
                Optional.of(dec("104240.12")),
                Optional.of(dec("104251")),
                Optional.of(dec("0.0001")),
                Optional.of(Instant.parse("2025-06-01T16:00:00Z")),
                Optional.of(8),
                "Bybit v5 tickers",
                FETCHED);

        ticks.upsert(tick);

        MarketTick read = ticks.latest("zztest:btcusd").orElseThrow();
        assertThat(read.contractId()).isEqualTo("ZZTEST:BTCUSD");
        assertThat(read.markPrice()).isEqualByComparingTo("104250.5");
        assertThat(read.indexPrice()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("104240.12"));
        assertThat(read.lastPrice()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("104251"));
        assertThat(read.fundingRate()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.0001"));
        assertThat(read.nextFundingTime()).contains(Instant.parse("2025-06-01T16:00:00Z"));
        assertThat(read.fundingIntervalHours()).contains(8);
        assertThat(read.source()).isEqualTo("Bybit v5 tickers");
        assertThat(read.fetchedAt()).isEqualTo(FETCHED);
    }

    @Test
    @TestTransaction
    void aTickWithoutOptionalFieldsRoundTripsAndTheLatestFetchWins() {
        ticks.upsert(markOnly("ZZTEST:A", "100", FETCHED));
        ticks.upsert(markOnly("ZZTEST:A", "101", FETCHED.plusSeconds(60)));
        // A slow fetch that finished late but was taken earlier does not overwrite the newer tick.
        ticks.upsert(markOnly("ZZTEST:A", "99", FETCHED.plusSeconds(30)));

        MarketTick read = ticks.latest("ZZTEST:A").orElseThrow();
        assertThat(read.markPrice()).isEqualByComparingTo("101");
        assertThat(read.fetchedAt()).isEqualTo(FETCHED.plusSeconds(60));
        assertThat(read.indexPrice()).isEmpty();
        assertThat(read.lastPrice()).isEmpty();
        assertThat(read.fundingRate()).isEmpty();
        assertThat(read.nextFundingTime()).isEmpty();
        assertThat(read.fundingIntervalHours()).isEmpty();
    }

    @Test
    @TestTransaction
    void severalContractsAreReadInOneCall() {
        ticks.upsert(markOnly("ZZTEST:A", "1", FETCHED));
        ticks.upsert(markOnly("ZZTEST:B", "2", FETCHED));

        Map<String, MarketTick> latest = ticks.latest(List.of("ZZTEST:B", "ZZTEST:NONE", "zztest:a"));

        assertThat(latest.keySet()).containsExactly("ZZTEST:B", "ZZTEST:A");
        assertThat(latest.get("ZZTEST:B").markPrice()).isEqualByComparingTo("2");
        assertThat(ticks.latest("ZZTEST:NONE")).isEmpty();
        assertThat(ticks.latest(List.of())).isEmpty();
    }

    private static MarketTick markOnly(String id, String mark, Instant fetchedAt) {
        return new MarketTick(
                id,
                dec(mark),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "unit test",
                fetchedAt);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
