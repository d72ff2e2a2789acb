package io.hedgedesk.marketdata.venue;

import static io.hedgedesk.marketdata.venue.VenueFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.feed.MalformedPayloadException;
import io.hedgedesk.domain.market.feed.MarketDataException;
import io.hedgedesk.domain.market.feed.RateLimitedException;
import io.hedgedesk.domain.market.feed.VenueRejectedException;
import io.hedgedesk.domain.market.feed.VenueUnavailableException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bybit v5 payloads and error codes, on the examples of the official docs (github.com/bybit-exchange/docs). */
class BybitPayloadsTest {

    private static final ContractCatalog CATALOG = ContractCatalog.loadDefault();
    private static final Instrument BTCUSD = CATALOG.get("BYBIT:BTCUSD");
    private static final Instant FETCHED = Instant.parse("2022-12-30T05:01:36Z");

    /** docs/v5/market/tickers.mdx, "Response Example", Inverse tab (GET /v5/market/tickers?category=inverse&symbol=BTCUSD). */
    @Test
    void theDocumentedInverseTickerBecomesATick() {
        MarketTick tick = BybitPayloads.ticker(fixture("bybit-tickers-inverse.json"), BTCUSD, FETCHED);

        assertThat(tick.contractId()).isEqualTo("BYBIT:BTCUSD");
        assertThat(tick.markPrice()).isEqualByComparingTo("16596.00");
        assertThat(tick.indexPrice()).contains(new BigDecimal("16598.54"));
        assertThat(tick.lastPrice()).contains(new BigDecimal("16597.00"));
        // "fundingRate": "-0.001034": negative, so shorts pay longs.
        assertThat(tick.fundingRate()).contains(new BigDecimal("-0.001034"));
        // "nextFundingTime": "1672387200000" ms = 1,672,387,200 s = 2022-12-30 00:00 UTC (1,672,358,400) + 28,800 s (8
        // h).
        assertThat(tick.nextFundingTime()).contains(Instant.parse("2022-12-30T08:00:00Z"));
        // This example carries no fundingIntervalHour: the catalog's 8 h is used.
        assertThat(tick.fundingIntervalHours()).contains(8);
        assertThat(tick.source()).isEqualTo("Bybit v5 tickers BTCUSD");
        assertThat(tick.fetchedAt()).isEqualTo(FETCHED);
    }

    @Test
    void aTickerAnswerWithoutTheContractIsMalformed() {
        Instrument ethusd = CATALOG.get("BYBIT:ETHUSD");
        assertThatThrownBy(() -> BybitPayloads.ticker(fixture("bybit-tickers-inverse.json"), ethusd, FETCHED))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("no entry for ETHUSD");
    }

    /** docs/v5/market/history-fund-rate.mdx, "Response Example". */
    @Test
    void theDocumentedFundingHistoryBecomesRates() {
        List<FundingRate> rates = BybitPayloads.fundingRates(fixture("bybit-funding-history.json"), "funding");

        // "fundingRateTimestamp": "1672041600000" ms = 2022-12-26 00:00 UTC (1,672,012,800 s) + 8 h.
        assertThat(rates)
                .containsExactly(new FundingRate(Instant.parse("2022-12-26T08:00:00Z"), new BigDecimal("0.0001")));
    }

    /** docs/v5/market/kline.mdx: the example is hourly (interval=60); a daily backfill must refuse it. */
    @Test
    void theDocumentedHourlyKlinesAreNotDailyCloses() {
        assertThatThrownBy(() -> BybitPayloads.dailyCloses(fixture("bybit-kline-hourly.json"), "klines"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("not a daily (00:00 UTC) candle");
    }

    /** The kline example's shape with daily open times (newest first, as documented): closes ascending by day. */
    @Test
    void dailyKlinesBecomeAscendingCloses() {
        List<PricePoint> closes = BybitPayloads.dailyCloses(fixture("bybit-kline-daily.json"), "klines");

        // 1670457600000 = 2022-12-08 00:00 UTC; +86,400,000 ms per day. list[4] is the close.
        assertThat(closes)
                .containsExactly(
                        new PricePoint(LocalDate.of(2022, 12, 8), new BigDecimal("17071.5")),
                        new PricePoint(LocalDate.of(2022, 12, 9), new BigDecimal("17071")),
                        new PricePoint(LocalDate.of(2022, 12, 10), new BigDecimal("17055.5")));
    }

    @Test
    void retCode10001IsARefusalWithBybitsCodeAndMessage() {
        Optional<MarketDataException> error =
                BybitPayloads.error(200, fixture("bybit-error-10001.json"), Optional.empty(), "ticker of NOPE");

        assertThat(error).get().isInstanceOfSatisfying(VenueRejectedException.class, e -> {
            assertThat(e.venueCode()).isEqualTo("10001");
            assertThat(e.venueMessage()).isEqualTo("params error: symbol invalid");
            assertThat(e.retryable()).isFalse();
        });
    }

    @Test
    void rateLimitsAndServerErrorsAreRetryableTypedErrors() {
        assertThat(BybitPayloads.error(
                        200, "{\"retCode\":10006,\"retMsg\":\"Too many visits!\"}", Optional.empty(), "x"))
                .get()
                .isInstanceOf(RateLimitedException.class);
        assertThat(BybitPayloads.error(403, "", Optional.of(Duration.ofSeconds(5)), "x"))
                .get()
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(5)));
        assertThat(BybitPayloads.error(502, "<html>Bad Gateway</html>", Optional.empty(), "x"))
                .get()
                .isInstanceOfSatisfying(
                        VenueUnavailableException.class,
                        e -> assertThat(e.retryable()).isTrue());
        assertThat(BybitPayloads.error(200, "{\"retCode\":10016,\"retMsg\":\"Server error\"}", Optional.empty(), "x"))
                .get()
                .isInstanceOf(VenueUnavailableException.class);
        assertThat(BybitPayloads.error(200, fixture("bybit-tickers-inverse.json"), Optional.empty(), "x"))
                .isEmpty();
    }

    @Test
    void malformedAnswersAreTypedErrors() {
        assertThat(BybitPayloads.error(200, "{\"retCode\":0,", Optional.empty(), "x"))
                .get()
                .isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> BybitPayloads.ticker(
                        "{\"retCode\":0,\"result\":{\"list\":[{\"symbol\":\"BTCUSD\"," + "\"markPrice\":\"abc\"}]}}",
                        BTCUSD,
                        FETCHED))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("markPrice is not a number: 'abc'");
        assertThatThrownBy(() -> BybitPayloads.ticker(
                        "{\"retCode\":0,\"result\":{\"list\":[{\"symbol\":\"BTCUSD\"," + "\"markPrice\":\"-1\"}]}}",
                        BTCUSD,
                        FETCHED))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("markPrice");
    }
}
