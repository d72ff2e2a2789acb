package io.hedgedesk.web.market.venue;

import static io.hedgedesk.web.market.venue.StubVenue.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.feed.MalformedPayloadException;
import io.hedgedesk.domain.market.feed.VenueRejectedException;
import io.hedgedesk.domain.market.feed.VenueTimeoutException;
import io.hedgedesk.domain.market.feed.VenueUnavailableException;
import io.hedgedesk.marketdata.venue.BinanceCoinMSource;
import io.hedgedesk.marketdata.venue.VenueCalls;
import io.hedgedesk.web.market.venue.StubVenue.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Binance COIN-M adapter over HTTP against a local stub serving the documented examples of
 * https://developers.binance.com/docs/derivatives/coin-margined-futures/market-data/ (Index-Price-and-Mark-Price,
 * Get-Funding-Rate-History-of-Perpetual-Futures, Kline-Candlestick-Data, Exchange-Information).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class BinanceCoinMSourceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-07-30T07:27:22Z"), ZoneOffset.UTC);

    @Inject
    ContractCatalog catalog;

    @Inject
    VenueCalls calls;

    private final StubVenue venue = new StubVenue();

    @AfterEach
    void stop() {
        venue.close();
        CircuitBreakerMaintenance.get().reset(VenueCalls.BREAKER);
    }

    private BinanceCoinMSource source() {
        return new BinanceCoinMSource(venue.settings(), CLOCK, calls);
    }

    private Instrument btcusdPerp() {
        return catalog.get("BINANCE:BTCUSD_PERP");
    }

    @Test
    void thePremiumIndexOfTheCatalogSymbolIsRead() {
        venue.on("/dapi/v1/premiumIndex", Answer.ok(fixture("binance-premium-index.json")));

        assertThat(source().ticker(btcusdPerp()).markPrice()).isEqualByComparingTo("11029.69574559");
        assertThat(venue.requests()).singleElement().hasToString("/dapi/v1/premiumIndex?symbol=BTCUSD_PERP");
    }

    @Test
    void a429IsRetriedAfterItsRetryAfter() {
        venue.on(
                "/dapi/v1/premiumIndex",
                Answer.status(429, "{\"code\":-1003,\"msg\":\"Too many requests.\"}")
                        .header("Retry-After", "3"),
                Answer.ok(fixture("binance-premium-index.json")));

        source().ticker(btcusdPerp());

        assertPauses(Duration.ofSeconds(3));
    }

    @Test
    void serverErrorsExhaustTheAttempts() {
        venue.on("/dapi/v1/premiumIndex", Answer.status(502, "Bad Gateway"));

        assertThatThrownBy(() -> source().ticker(btcusdPerp())).isInstanceOf(VenueUnavailableException.class);
        assertThat(venue.requests()).hasSize(3);
        assertPauses(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aSilentVenueTimesOut() {
        venue.on("/dapi/v1/premiumIndex", Answer.silent());

        assertThatThrownBy(() -> source().ticker(btcusdPerp())).isInstanceOf(VenueTimeoutException.class);
    }

    @Test
    void invalidSymbolIsRefusedWithBinancesCode() {
        venue.on("/dapi/v1/premiumIndex", Answer.status(400, fixture("binance-error-1121.json")));

        assertThatThrownBy(() -> source().ticker(btcusdPerp()))
                .isInstanceOfSatisfying(VenueRejectedException.class, e -> {
                    assertThat(e.venueCode()).isEqualTo("-1121");
                    assertThat(e.venueMessage()).isEqualTo("Invalid symbol.");
                });
        assertThat(venue.requests()).hasSize(1);
    }

    @Test
    void malformedJsonIsATypedError() {
        venue.on("/dapi/v1/premiumIndex", Answer.ok("[{\"symbol\":\"BTCUSD_PERP\",\"markPrice\":"));

        assertThatThrownBy(() -> source().ticker(btcusdPerp())).isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void usdtMarginedBinanceContractsAreNotServedByCoinM() {
        assertThat(source().supports(catalog.get("BINANCE:BTCUSDT"))).isFalse();
        assertThat(source().supports(btcusdPerp())).isTrue();
    }

    /** Fewer rows than the page size (1000) means the range is exhausted: one request, ascending from startTime. */
    @Test
    void fundingHistoryPagesForwards() {
        venue.on("/dapi/v1/fundingRate", Answer.ok(fixture("binance-funding-rate.json")));
        List<FundingRate> received = new ArrayList<>();

        source().fundingHistory(
                        btcusdPerp(),
                        Instant.parse("2020-07-29T00:00:00Z"),
                        Instant.parse("2020-07-31T00:00:00Z"),
                        (page, text) -> received.addAll(page));

        assertThat(received).hasSize(2);
        // 2020-07-29T00:00Z = 1595980800000; 2020-07-31T00:00Z − 1 ms = 1596153599999.
        assertThat(venue.requests())
                .singleElement()
                .extracting(r -> r.getQuery())
                .isEqualTo("symbol=BTCUSD_PERP&startTime=1595980800000&endTime=1596153599999&limit=1000");
    }

    /** 250 days are asked for in two windows of at most 200 days (Binance's limit). */
    @Test
    void klinesAreAskedForInWindowsOf200Days() {
        venue.on("/dapi/v1/klines", Answer.ok(fixture("binance-klines-daily.json")), Answer.ok("[]"));
        List<PricePoint> received = new ArrayList<>();

        source().dailyCloses(
                        btcusdPerp(),
                        LocalDate.of(2020, 6, 1),
                        LocalDate.of(2021, 2, 5),
                        (page, text) -> received.addAll(page));

        assertThat(received)
                .extracting(PricePoint::date)
                .containsExactly(LocalDate.of(2020, 6, 4), LocalDate.of(2020, 6, 5));
        // Windows 2020-06-01..2020-12-17 (200 days) and 2020-12-18..2021-02-05; open times at 00:00 UTC.
        assertThat(venue.requests())
                .extracting(r -> r.getQuery())
                .containsExactly(
                        "symbol=BTCUSD_PERP&interval=1d&startTime=1590969600000&endTime=1608163200000&limit=200",
                        "symbol=BTCUSD_PERP&interval=1d&startTime=1608249600000&endTime=1612483200000&limit=200");
    }

    @Test
    void contractSizeComesFromExchangeInfo() {
        venue.on("/dapi/v1/exchangeInfo", Answer.ok(fixture("binance-exchange-info.json")));

        assertThat(source().contractSpec(btcusdPerp()).contractSize()).isEqualByComparingTo("100");
    }

    /**
     * The stub saw the requests {@code expected} apart: each pause at least the back-off and less than a second more
     * (the round trip of the attempt before).
     */
    private void assertPauses(Duration... expected) {
        List<Duration> seen = venue.pauses();
        assertThat(seen).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(seen.get(i)).isGreaterThanOrEqualTo(expected[i]).isLessThan(expected[i].plusSeconds(1));
        }
    }
}
