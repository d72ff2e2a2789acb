package io.hedgedesk.marketdata.venue;

import static io.hedgedesk.marketdata.venue.VenueFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.feed.ContractSpec;
import io.hedgedesk.domain.market.feed.MalformedPayloadException;
import io.hedgedesk.domain.market.feed.RateLimitedException;
import io.hedgedesk.domain.market.feed.VenueRejectedException;
import io.hedgedesk.domain.market.feed.VenueUnavailableException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Binance COIN-M payloads and error codes, on the examples of the official docs
 * (https://developers.binance.com/docs/derivatives/coin-margined-futures/market-data/…).
 */
class BinancePayloadsTest {

    private static final ContractCatalog CATALOG = ContractCatalog.loadDefault();
    private static final Instrument BTCUSD_PERP = CATALOG.get("BINANCE:BTCUSD_PERP");
    private static final Instant FETCHED = Instant.parse("2020-07-30T07:27:22Z");

    /** …/Index-Price-and-Mark-Price, "Response Example": an array with the perpetual and a quarterly contract. */
    @Test
    void theDocumentedPremiumIndexBecomesATickOfThePerpetual() {
        MarketTick tick = BinancePayloads.ticker(fixture("binance-premium-index.json"), BTCUSD_PERP, FETCHED);

        assertThat(tick.contractId()).isEqualTo("BINANCE:BTCUSD_PERP");
        assertThat(tick.markPrice()).isEqualByComparingTo("11029.69574559");
        assertThat(tick.indexPrice()).contains(new BigDecimal("10979.14437500"));
        assertThat(tick.lastPrice()).isEmpty();
        assertThat(tick.fundingRate()).contains(new BigDecimal("0.00071003"));
        // 1596096000000 ms = 2020-07-30 00:00 UTC (1,596,067,200 s: 2020-01-01 is 1,577,836,800 s, + 211 days) + 8 h.
        assertThat(tick.nextFundingTime()).contains(Instant.parse("2020-07-30T08:00:00Z"));
        assertThat(tick.fundingIntervalHours()).contains(8);
        assertThat(tick.source()).isEqualTo("Binance COIN-M premiumIndex BTCUSD_PERP");
    }

    /** …/Get-Funding-Rate-History-of-Perpetual-Futures, "Response Example". */
    @Test
    void theDocumentedFundingHistoryBecomesRates() {
        // 1596038400000 = 2020-07-30 00:00 UTC − 8 h; 1596067200000 = 2020-07-30 00:00 UTC.
        assertThat(BinancePayloads.fundingRates(fixture("binance-funding-rate.json"), "funding"))
                .containsExactly(
                        new FundingRate(Instant.parse("2020-07-29T16:00:00Z"), new BigDecimal("-0.00300000")),
                        new FundingRate(Instant.parse("2020-07-30T00:00:00Z"), new BigDecimal("-0.00300000")));
    }

    /** …/Kline-Candlestick-Data: the example is a 1-minute candle (open 1591258320000 = 2020-06-04 08:12 UTC). */
    @Test
    void theDocumentedMinuteKlineIsNotADailyClose() {
        assertThatThrownBy(() -> BinancePayloads.dailyCloses(fixture("binance-klines-minute.json"), "klines"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("not a daily");
    }

    @Test
    void dailyKlinesBecomeCloses() {
        // 1591228800000 = 2020-06-04 00:00 UTC; element 4 is the close.
        assertThat(BinancePayloads.dailyCloses(fixture("binance-klines-daily.json"), "klines"))
                .containsExactly(
                        new PricePoint(LocalDate.of(2020, 6, 4), new BigDecimal("9642.0")),
                        new PricePoint(LocalDate.of(2020, 6, 5), new BigDecimal("9655.5")));
    }

    /**
     * …/Exchange-Information (GET /dapi/v1/exchangeInfo): {@code contractSize} (a JSON number) is the USD face value,
     * 100 for BTCUSD_PERP and 10 for the altcoin perps, as the catalog says; tick size from PRICE_FILTER.
     */
    @Test
    void exchangeInfoGivesTheContractSize() {
        ContractSpec spec = BinancePayloads.contractSpec(fixture("binance-exchange-info.json"), BTCUSD_PERP);

        assertThat(spec.contractSize()).isEqualByComparingTo("100").isEqualByComparingTo(BTCUSD_PERP.contractSize());
        assertThat(spec.tickSize()).isEqualByComparingTo("0.1");
        assertThat(BinancePayloads.contractSpec(
                                fixture("binance-exchange-info.json"), CATALOG.get("BINANCE:ETHUSD_PERP"))
                        .contractSize())
                .isEqualByComparingTo("10");
    }

    /** Error codes page: -1121 INVALID_SYMBOL "Invalid symbol." comes with HTTP 400. */
    @Test
    void invalidSymbolIsARefusalWithBinancesCode() {
        assertThat(BinancePayloads.error(400, fixture("binance-error-1121.json"), Optional.empty(), "premium index"))
                .get()
                .isInstanceOfSatisfying(VenueRejectedException.class, e -> {
                    assertThat(e.venueCode()).isEqualTo("-1121");
                    assertThat(e.venueMessage()).isEqualTo("Invalid symbol.");
                });
    }

    @Test
    void rateLimitsAndServerErrors() {
        assertThat(BinancePayloads.error(429, "", Optional.of(Duration.ofSeconds(7)), "x"))
                .get()
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
        assertThat(BinancePayloads.error(418, "", Optional.empty(), "x"))
                .get()
                .isInstanceOf(RateLimitedException.class);
        assertThat(BinancePayloads.error(503, "{\"code\":-1001,\"msg\":\"Internal error\"}", Optional.empty(), "x"))
                .get()
                .isInstanceOf(VenueUnavailableException.class);
        assertThat(BinancePayloads.error(200, "[]", Optional.empty(), "x")).isEmpty();
    }

    @Test
    void malformedJsonIsATypedError() {
        assertThatThrownBy(() -> BinancePayloads.fundingRates("[{\"fundingTime\": 1596038400000,", "funding"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> BinancePayloads.fundingRates("[{\"fundingTime\": 1596038400000}]", "funding"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("fundingRate");
    }
}
