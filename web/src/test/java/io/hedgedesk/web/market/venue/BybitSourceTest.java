package io.hedgedesk.web.market.venue;

import static io.hedgedesk.web.market.venue.StubVenue.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.feed.MalformedPayloadException;
import io.hedgedesk.domain.market.feed.RateLimitedException;
import io.hedgedesk.domain.market.feed.VenueRejectedException;
import io.hedgedesk.domain.market.feed.VenueTimeoutException;
import io.hedgedesk.domain.market.feed.VenueUnavailableException;
import io.hedgedesk.marketdata.venue.BybitSource;
import io.hedgedesk.marketdata.venue.VenueCalls;
import io.hedgedesk.web.market.venue.StubVenue.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
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
 * The Bybit adapter over HTTP (Quarkus REST Client) against a local stub serving the documented examples of
 * github.com/bybit-exchange/docs docs/v5/market/{tickers,history-fund-rate,kline}.mdx.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class BybitSourceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2022-12-30T05:01:36Z"), ZoneOffset.UTC);

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

    private BybitSource source() {
        return new BybitSource(venue.settings(), CLOCK, calls);
    }

    private Instrument btcusd() {
        return catalog.get("BYBIT:BTCUSD");
    }

    @Test
    void theTickerIsAskedForInItsCategoryAndRead() {
        venue.on("/v5/market/tickers", Answer.ok(fixture("bybit-tickers-inverse.json")));

        MarketTick tick = source().ticker(btcusd());

        assertThat(tick.markPrice()).isEqualByComparingTo("16596.00");
        assertThat(tick.fetchedAt()).isEqualTo(CLOCK.instant());
        assertThat(venue.requests()).singleElement().hasToString("/v5/market/tickers?category=inverse&symbol=BTCUSD");
        assertThat(venue.pauses()).isEmpty();
    }

    @Test
    void linearContractsUseTheLinearCategory() {
        venue.on(
                "/v5/market/tickers",
                Answer.ok(fixture("bybit-tickers-inverse.json").replace("BTCUSD\"", "BTCUSDT\"")));

        source().ticker(catalog.get("BYBIT:BTCUSDT"));

        assertThat(venue.requests().get(0).getQuery()).isEqualTo("category=linear&symbol=BTCUSDT");
    }

    @Test
    void a429IsRetriedAfterItsRetryAfterThenSucceeds() {
        venue.on(
                "/v5/market/tickers",
                Answer.status(429, "").header("Retry-After", "2"),
                Answer.ok(fixture("bybit-tickers-inverse.json")));

        assertThat(source().ticker(btcusd()).markPrice()).isEqualByComparingTo("16596.00");
        assertThat(venue.requests()).hasSize(2);
        assertPauses(Duration.ofSeconds(2));
    }

    @Test
    void retCode10006IsRetriedWithExponentialBackOff() {
        venue.on(
                "/v5/market/tickers",
                Answer.ok("{\"retCode\":10006,\"retMsg\":\"Too many visits!\"}"),
                Answer.ok("{\"retCode\":10006,\"retMsg\":\"Too many visits!\"}"),
                Answer.ok(fixture("bybit-tickers-inverse.json")));

        source().ticker(btcusd());

        // 1 s, then 2 s (1 s · 2).
        assertPauses(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void serverErrorsExhaustTheAttempts() {
        venue.on("/v5/market/tickers", Answer.status(503, "<html>Service Unavailable</html>"));

        assertThatThrownBy(() -> source().ticker(btcusd()))
                .isInstanceOf(VenueUnavailableException.class)
                .hasMessageContaining("HTTP 503");
        assertThat(venue.requests()).hasSize(3);
        assertPauses(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aSilentVenueTimesOutWithoutRetry() {
        venue.on("/v5/market/tickers", Answer.silent());

        assertThatThrownBy(() -> source().ticker(btcusd()))
                .isInstanceOf(VenueTimeoutException.class)
                .hasMessageContaining("timed out");
        assertThat(venue.requests()).hasSize(1);
    }

    @Test
    void aRetryAfterLongerThanTheLimitIsNotWaitedFor() {
        venue.on(
                "/v5/market/tickers",
                Answer.status(429, "").header("Retry-After", "31"),
                Answer.ok(fixture("bybit-tickers-inverse.json")));

        assertThatThrownBy(() -> source().ticker(btcusd())).isInstanceOf(RateLimitedException.class);
        assertThat(venue.requests()).hasSize(1);
    }

    @Test
    void aVenueFailingRepeatedlyIsNotAskedForAMinute() {
        StubVenue gone = new StubVenue();
        gone.close();
        BybitSource unreachable = new BybitSource(gone.settings(), CLOCK, calls);
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> unreachable.ticker(btcusd()))
                    .isInstanceOf(VenueUnavailableException.class)
                    .hasMessageContaining("could not reach");
        }
        venue.on("/v5/market/tickers", Answer.ok(fixture("bybit-tickers-inverse.json")));

        // 8 of the last 8 attempts failed (at least 6 open the breaker): the next call is refused without a request.
        assertThatThrownBy(() -> source().ticker(btcusd()))
                .isInstanceOf(VenueUnavailableException.class)
                .hasMessageContaining("failed repeatedly");
        assertThat(venue.requests()).isEmpty();
    }

    @Test
    void anUnknownSymbolIsRefusedWithBybitsCodeAndNotRetried() {
        venue.on("/v5/market/tickers", Answer.ok(fixture("bybit-error-10001.json")));

        assertThatThrownBy(() -> source().ticker(btcusd())).isInstanceOfSatisfying(VenueRejectedException.class, e -> {
            assertThat(e.venueCode()).isEqualTo("10001");
            assertThat(e.venueMessage()).isEqualTo("params error: symbol invalid");
        });
        assertThat(venue.requests()).hasSize(1);
    }

    @Test
    void malformedJsonIsATypedError() {
        venue.on("/v5/market/tickers", Answer.ok("{\"retCode\":0,\"result\":{\"list\":[{\"symbol\""));

        assertThatThrownBy(() -> source().ticker(btcusd())).isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void contractsOfOtherVenuesAreRefusedWithoutARequest() {
        assertThatThrownBy(() -> source().ticker(catalog.get("BINANCE:BTCUSD_PERP")))
                .isInstanceOf(VenueRejectedException.class)
                .hasMessageContaining("not a contract this source serves");
        assertThat(venue.requests()).isEmpty();
    }

    /**
     * Two pages backwards: the first answer (newest first) ends at 2022-12-26T08:00Z, so the next request's endTime is
     * one millisecond before it (1672041600000 − 1); the second answer is empty, which ends the backfill.
     */
    @Test
    void fundingHistoryPagesBackwardsFromTheEnd() {
        venue.on(
                "/v5/market/funding/history",
                Answer.ok(fixture("bybit-funding-history.json")),
                Answer.ok("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"category\":\"inverse\",\"list\":[]}}"));
        List<FundingRate> received = new ArrayList<>();

        source().fundingHistory(
                        btcusd(),
                        Instant.parse("2022-12-20T00:00:00Z"),
                        Instant.parse("2022-12-27T00:00:00Z"),
                        (page, text) -> received.addAll(page));

        assertThat(received)
                .containsExactly(new FundingRate(Instant.parse("2022-12-26T08:00:00Z"), new BigDecimal("0.0001")));
        // 2022-12-20T00:00Z = 1671494400000; 2022-12-27T00:00Z = 1672099200000.
        assertThat(venue.requests())
                .extracting(r -> r.getQuery())
                .containsExactly(
                        "category=inverse&symbol=BTCUSD&startTime=1671494400000&endTime=1672099199999&limit=200",
                        "category=inverse&symbol=BTCUSD&startTime=1671494400000&endTime=1672041599999&limit=200");
    }

    @Test
    void dailyClosesComeFromDailyKlines() {
        venue.on(
                "/v5/market/kline",
                Answer.ok(fixture("bybit-kline-daily.json")),
                Answer.ok("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"list\":[]}}"));
        List<PricePoint> received = new ArrayList<>();
        List<String> sources = new ArrayList<>();

        source().dailyCloses(btcusd(), LocalDate.of(2022, 12, 9), LocalDate.of(2022, 12, 10), (page, text) -> {
            received.addAll(page);
            sources.add(text);
        });

        // 2022-12-08 is outside the range and dropped; the next cursor is 2022-12-09 00:00 UTC − 1 ms, before the
        // start.
        assertThat(received)
                .extracting(PricePoint::date)
                .containsExactly(LocalDate.of(2022, 12, 9), LocalDate.of(2022, 12, 10));
        assertThat(sources).containsExactly("Bybit v5 daily kline close BTCUSD (perpetual, USD)");
        assertThat(venue.requests())
                .singleElement()
                .extracting(r -> r.getQuery())
                .isEqualTo("category=inverse&symbol=BTCUSD&interval=D&start=1670544000000&end=1670630400000&limit=200");
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
