package io.hedgedesk.web.market.refresh;

import static io.hedgedesk.web.market.venue.StubVenue.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.domain.user.OidcIdentity;
import io.hedgedesk.marketdata.refresh.BackfillJob;
import io.hedgedesk.marketdata.refresh.BackfillKind;
import io.hedgedesk.marketdata.refresh.BackfillRefusedException;
import io.hedgedesk.marketdata.refresh.BackfillService;
import io.hedgedesk.marketdata.refresh.BackfillStatus;
import io.hedgedesk.marketdata.venue.BybitSource;
import io.hedgedesk.marketdata.venue.VenueCalls;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.market.venue.StubVenue;
import io.hedgedesk.web.market.venue.StubVenue.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Backfills from a Bybit adapter pointed at a local stub (documented examples), stored in the real PostgreSQL
 * database with the idempotent upserts.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class BackfillServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2022-12-30T05:01:36Z"), ZoneOffset.UTC);
    private static final String EMPTY_PAGE = "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"list\":[]}}";

    @Inject
    ContractCatalog catalog;

    @Inject
    FundingHistoryRepository funding;

    @Inject
    PriceHistoryRepository prices;

    @Inject
    DataSource dataSource;

    @Inject
    AppUserRepository users;

    @Inject
    VenueCalls calls;

    private final StubVenue venue = new StubVenue();
    private BackfillService service;

    @AfterEach
    void cleanUp() throws Exception {
        venue.close();
        CircuitBreakerMaintenance.get().reset(VenueCalls.BREAKER);
        if (service != null) {
            service.stop();
        }
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("delete from funding_rate_history where source like 'Bybit v5 funding history%'");
        }
    }

    private BackfillService service(Duration readTimeout) {
        service = new BackfillService(
                new BybitSource(venue.settings(readTimeout), CLOCK, calls), catalog, funding, prices, CLOCK);
        return service;
    }

    /**
     * One UTC day of BYBIT:BTCUSD funding (interval 8 h): expected 24 / 8 = 3 settlements; the stub has the one of the
     * documented example (2022-12-26T08:00Z, 0.0001). Run twice: the second run fetches it again and changes nothing.
     */
    @Test
    void fundingIsStoredWithProgressAndARepeatChangesNothing() throws Exception {
        venue.on("/v5/market/funding/history", Answer.ok(fixture("bybit-funding-history.json")), Answer.ok(EMPTY_PAGE));
        BackfillService backfills = service(Duration.ofSeconds(5));

        AppUser bea = users.provision(new OidcIdentity(
                "https://idp.test",
                UUID.randomUUID().toString(),
                "bea-" + UUID.randomUUID(),
                Optional.empty(),
                "Bea Backfill"));
        BackfillJob first = backfills.start(
                BackfillKind.FUNDING,
                "BYBIT:BTCUSD",
                LocalDate.of(2022, 12, 26),
                LocalDate.of(2022, 12, 26),
                OptionalLong.of(bea.id()),
                "Bea Backfill");

        assertThat(first.completion().get(30, TimeUnit.SECONDS)).isEqualTo(BackfillStatus.DONE);
        assertThat(first.series()).isEqualTo("FUNDING BYBIT:BTCUSD");
        assertThat(first.expected()).isEqualTo(3);
        assertThat(first.fetched()).isEqualTo(1);
        assertThat(first.stored()).isEqualTo(1);
        assertThat(funding.series("BYBIT:BTCUSD").orElseThrow().rates())
                .containsExactly(new FundingRate(Instant.parse("2022-12-26T08:00:00Z"), new BigDecimal("0.0001")));
        assertThat(funding.series("BYBIT:BTCUSD").orElseThrow().source()).isEqualTo("Bybit v5 funding history BTCUSD");
        assertThat(funding.writers()).containsEntry("BYBIT:BTCUSD", "Bea Backfill");

        venue.on("/v5/market/funding/history", Answer.ok(fixture("bybit-funding-history.json")), Answer.ok(EMPTY_PAGE));
        BackfillJob again = backfills.start(
                BackfillKind.FUNDING,
                "BYBIT:BTCUSD",
                LocalDate.of(2022, 12, 26),
                LocalDate.of(2022, 12, 26),
                OptionalLong.empty(),
                "alice");

        assertThat(again.completion().get(30, TimeUnit.SECONDS)).isEqualTo(BackfillStatus.DONE);
        assertThat(again.fetched()).isEqualTo(1);
        assertThat(again.stored()).isZero();
        assertThat(funding.series("BYBIT:BTCUSD").orElseThrow().size()).isEqualTo(1);
        assertThat(backfills.jobs()).containsExactly(again);
    }

    /**
     * Daily closes go to the base asset's price history (BTC, shipped): the stored closes of those days are read
     * first and put back afterwards, so the shipped history is unchanged for other tests.
     */
    @Test
    void dailyClosesAreStoredUnderTheBaseAsset() throws Exception {
        LocalDate from = LocalDate.of(2022, 12, 9);
        LocalDate to = LocalDate.of(2022, 12, 10);
        PriceSeries shipped = prices.series("BTC", from, to).orElseThrow();
        venue.on("/v5/market/kline", Answer.ok(fixture("bybit-kline-daily.json")), Answer.ok(EMPTY_PAGE));
        try {
            BackfillJob job = service(Duration.ofSeconds(5))
                    .start(BackfillKind.PRICES, "BYBIT:BTCUSD", from, to, OptionalLong.empty(), "bob");

            assertThat(job.completion().get(30, TimeUnit.SECONDS)).isEqualTo(BackfillStatus.DONE);
            assertThat(job.series()).isEqualTo("PRICES BTC");
            assertThat(job.expected()).isEqualTo(2);
            assertThat(job.fetched()).isEqualTo(2);
            PriceSeries stored = prices.series("BTC", from, to).orElseThrow();
            assertThat(stored.dates()).containsExactly(from, to);
            assertThat(stored.closes())
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("17071"), new BigDecimal("17055.5"));
            assertThat(stored.source()).isEqualTo("Bybit v5 daily kline close BTCUSD (perpetual, USD)");
        } finally {
            prices.upsert(shipped);
        }
        assertThat(prices.series("BTC", from, to)).contains(shipped);
    }

    /** A second backfill of a series still running is refused; a failure is reported with the venue's reason. */
    @Test
    void oneBackfillPerSeriesAtATime() throws Exception {
        venue.on("/v5/market/funding/history", Answer.silent());
        BackfillService backfills = service(Duration.ofSeconds(60));
        BackfillJob running = backfills.start(
                BackfillKind.FUNDING,
                "BYBIT:BTCUSD",
                LocalDate.of(2022, 12, 1),
                LocalDate.of(2022, 12, 2),
                OptionalLong.empty(),
                "alice");

        assertThatThrownBy(() -> backfills.start(
                        BackfillKind.FUNDING,
                        "BYBIT:BTCUSD",
                        LocalDate.of(2022, 12, 1),
                        LocalDate.of(2022, 12, 2),
                        OptionalLong.empty(),
                        "bob"))
                .isInstanceOf(BackfillRefusedException.class)
                .hasMessageContaining("FUNDING BYBIT:BTCUSD is already");

        venue.close(); // the stub goes away under the held request
        assertThat(running.completion().get(30, TimeUnit.SECONDS)).isEqualTo(BackfillStatus.FAILED);
        assertThat(running.error()).get().asString().startsWith("Bybit v5: funding history of BTCUSD");
        assertThat(running.stored()).isZero();
    }

    @Test
    void invalidRequestsAreRefusedWithAReason() {
        BackfillService backfills = service(Duration.ofSeconds(5));

        assertThatThrownBy(() -> backfills.start(
                        BackfillKind.PRICES,
                        "BYBIT:BTCUSD",
                        LocalDate.of(2022, 12, 1),
                        LocalDate.of(2022, 12, 30),
                        OptionalLong.empty(),
                        "alice"))
                .isInstanceOf(BackfillRefusedException.class)
                .hasMessageContaining("on or before 2022-12-29");
        assertThatThrownBy(() -> backfills.start(
                        BackfillKind.FUNDING,
                        "BYBIT:BTCUSD",
                        LocalDate.of(2022, 12, 2),
                        LocalDate.of(2022, 12, 1),
                        OptionalLong.empty(),
                        "alice"))
                .isInstanceOf(BackfillRefusedException.class)
                .hasMessageContaining("is after");
        assertThatThrownBy(() -> backfills.start(
                        BackfillKind.FUNDING,
                        "BINANCE:BTCUSD_PERP",
                        LocalDate.of(2022, 12, 1),
                        LocalDate.of(2022, 12, 1),
                        OptionalLong.empty(),
                        "alice"))
                .isInstanceOf(BackfillRefusedException.class)
                .hasMessageContaining("does not serve BINANCE:BTCUSD_PERP");
        assertThatThrownBy(() -> backfills.start(
                        BackfillKind.FUNDING,
                        "NOPE:X",
                        LocalDate.of(2022, 12, 1),
                        LocalDate.of(2022, 12, 1),
                        OptionalLong.empty(),
                        "alice"))
                .isInstanceOf(BackfillRefusedException.class)
                .hasMessageContaining("Unknown contract");
        assertThat(venue.requests()).isEmpty();
    }
}
