package io.hedgedesk.marketdata.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.market.feed.RateLimitedException;
import io.hedgedesk.domain.market.feed.VenueRejectedException;
import io.hedgedesk.domain.market.feed.VenueUnavailableException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The clients against a local stub that checks signatures as the venues document them. */
class AccountClientTest {

    private static final Instant NOW = Instant.parse("2026-12-06T04:00:00Z");
    private final VenueStub stub = new VenueStub("KEY123456", "SECRET")
            .serve("/v5/user/query-api", "bybit-query-api-read-only.json")
            .serve("/sapi/v1/account/apiRestrictions", "binance-api-restrictions-read-only.json")
            .serve("/v5/position/list", "bybit-position-list-inverse.json")
            .serve("/v5/position/list?category=linear", "bybit-position-list-linear.json")
            .serve("/dapi/v1/positionRisk", "binance-position-risk.json");

    @AfterEach
    void stop() {
        stub.close();
    }

    private AccountEndpoints endpoints() {
        return new AccountEndpoints(
                stub.uri(),
                stub.uri(),
                stub.uri(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private AccountClient client(Venue venue, String secret) {
        return endpoints().client(venue, new Credentials("KEY123456", secret));
    }

    @Test
    void aReadOnlyBybitKeyIsAccepted() {
        KeyPermissions key = client(Venue.BYBIT, "SECRET").keyPermissions();
        assertThat(KeyPolicy.refusals(key, NOW)).isEmpty();
        assertThat(key.expiresAt()).contains(Instant.parse("2027-03-06T00:00:00Z"));
        assertThat(key.account()).contains("24617703");
        assertThat(stub.requests).containsExactly("/v5/user/query-api?");
    }

    @Test
    void aReadWriteBybitKeyIsRefusedWithItsPermissions() {
        stub.serve("/v5/user/query-api", "bybit-query-api-read-write.json");
        KeyPermissions key = client(Venue.BYBIT, "SECRET").keyPermissions();
        assertThat(KeyPolicy.refusals(key, NOW))
                .containsExactly(
                        "it can trade (ContractTrade:Order, ContractTrade:Position, Spot:SpotTrade, Options:OptionsTrade)",
                        "it can transfer funds (Wallet:AccountTransfer, Wallet:SubMemberTransfer)",
                        "it expired on 2023-12-22T07:20:25Z");
    }

    @Test
    void aWrongSecretIsTheVenuesSignatureError() {
        assertThatThrownBy(() -> client(Venue.BYBIT, "WRONG").keyPermissions())
                .isInstanceOf(VenueRejectedException.class)
                .hasMessageContaining("10004")
                .hasMessageContaining("check the secret");
        assertThatThrownBy(() -> client(Venue.BINANCE, "WRONG").keyPermissions())
                .isInstanceOf(VenueRejectedException.class)
                .hasMessageContaining("-1022")
                .hasMessageContaining("check the secret");
    }

    @Test
    void anExpiredBybitKeyIsRefusedByTheVenue() {
        stub.once(
                "/v5/user/query-api",
                new VenueStub.Answer(
                        200, "{\"retCode\":33004,\"retMsg\":\"Your api key has expired.\",\"result\":{}}", Map.of()));
        assertThatThrownBy(() -> client(Venue.BYBIT, "SECRET").keyPermissions())
                .isInstanceOf(VenueRejectedException.class)
                .hasMessageContaining("the API key has expired");
    }

    @Test
    void bybitRateLimitSaysWhenTheWindowResets() {
        long reset = NOW.toEpochMilli() + 1500;
        stub.once(
                "/v5/user/query-api",
                new VenueStub.Answer(
                        200,
                        "{\"retCode\":10006,\"retMsg\":\"Too many visits!\",\"result\":{}}",
                        Map.of(
                                "X-Bapi-Limit-Status",
                                "0",
                                "X-Bapi-Limit",
                                "10",
                                "X-Bapi-Limit-Reset-Timestamp",
                                "" + reset)));
        assertThatThrownBy(() -> client(Venue.BYBIT, "SECRET").keyPermissions())
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofMillis(1500)));
    }

    @Test
    void binanceRateLimitCarriesRetryAfter() {
        stub.once(
                "/sapi/v1/account/apiRestrictions",
                new VenueStub.Answer(
                        429, "{\"code\":-1003,\"msg\":\"Too many requests\"}", Map.of("Retry-After", "7")));
        assertThatThrownBy(() -> client(Venue.BINANCE, "SECRET").keyPermissions())
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Optional.of(Duration.ofSeconds(7))));
    }

    @Test
    void aServerErrorIsRetryable() {
        stub.once("/sapi/v1/account/apiRestrictions", new VenueStub.Answer(503, "<html>down</html>", Map.of()));
        assertThatThrownBy(() -> client(Venue.BINANCE, "SECRET").keyPermissions())
                .isInstanceOfSatisfying(
                        VenueUnavailableException.class,
                        e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void binanceReadOnlyKeyIsAcceptedAndTheDocumentedExampleIsRefused() {
        assertThat(KeyPolicy.refusals(client(Venue.BINANCE, "SECRET").keyPermissions(), NOW))
                .isEmpty();
        stub.serve("/sapi/v1/account/apiRestrictions", "binance-api-restrictions-documented.json");
        assertThat(KeyPolicy.refusals(client(Venue.BINANCE, "SECRET").keyPermissions(), NOW))
                .containsExactly(
                        "it can trade (enablePortfolioMarginTrading)",
                        "it can transfer funds (enableInternalTransfer, permitsUniversalTransfer)");
        assertThat(stub.requests.get(0))
                .startsWith("/sapi/v1/account/apiRestrictions?recvWindow=5000&timestamp=" + NOW.toEpochMilli()
                        + "&signature=");
    }

    @Test
    void expiryWarningsStartTwoWeeksAhead() {
        Instant expiry = Instant.parse("2026-12-20T04:00:00Z");
        assertThat(KeyPolicy.expiryWarning(Optional.of(expiry), NOW)).contains(expiry);
        assertThat(KeyPolicy.expiryWarning(Optional.of(expiry), NOW.minusSeconds(1)))
                .isEmpty();
        assertThat(KeyPolicy.expiryWarning(Optional.empty(), NOW)).isEmpty();
    }

    @Test
    void bybitPositionsAreReadWithoutTheFlatOnes() {
        // Two calls, one per category, each signed; the linear list is empty.
        List<VenuePosition> positions = client(Venue.BYBIT, "SECRET").positions();
        assertThat(stub.requests)
                .containsExactly(
                        "/v5/position/list?category=inverse&limit=200",
                        "/v5/position/list?category=linear&settleCoin=USDT&limit=200");
        assertThat(positions)
                .singleElement()
                .isEqualTo(new VenuePosition(
                        "BYBIT:ADAUSD",
                        true,
                        new BigDecimal("13340"),
                        new BigDecimal("0.6671"),
                        new BigDecimal("0.6702"),
                        new BigDecimal("9998.50"),
                        Optional.of(new BigDecimal("1.3342")),
                        new BigDecimal("-92.48"),
                        new BigDecimal("2"),
                        Instant.parse("2025-12-06T00:00:00Z")));
    }

    @Test
    void binanceShortIsANegativeAmountInOneWayMode() {
        List<VenuePosition> positions = client(Venue.BINANCE, "SECRET").positions();
        assertThat(positions)
                .containsExactly(new VenuePosition(
                        "BINANCE:ADAUSD_PERP",
                        true,
                        new BigDecimal("1334"),
                        new BigDecimal("0.6671"),
                        new BigDecimal("0.67020000"),
                        new BigDecimal("10000.1"),
                        Optional.of(new BigDecimal("1.3342")),
                        new BigDecimal("-92.48"),
                        new BigDecimal("2"),
                        Instant.parse("2025-12-06T00:00:00Z")));
    }
}
