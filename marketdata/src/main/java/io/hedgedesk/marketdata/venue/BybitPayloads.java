package io.hedgedesk.marketdata.venue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.InvalidMarketDataException;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads Bybit v5 answers ({@code {"retCode":0,"retMsg":"OK","result":{…}}}, every number a string) into domain
 * values, and translates Bybit's errors. Pure: tested on the documented examples.
 */
final class BybitPayloads {

    static final String VENUE = "Bybit v5";

    private static final Payloads JSON = new Payloads(VENUE);

    private BybitPayloads() {}

    /**
     * Bybit's error table (https://bybit-exchange.github.io/docs/v5/error): HTTP 403 "access too frequent" and 429 are
     * the IP rate limit; retCode 10006 (too many visits) and 10018 (IP rate limit) likewise; 10000 and 10016 are server
     * errors; 5xx is the venue down; any other non-zero retCode (10001 parameter error, unknown symbol) is a refusal.
     */
    static Optional<MarketDataException> error(int status, String body, Optional<Duration> retryAfter, String what) {
        if (status == 403 || status == 429) {
            return Optional.of(
                    new RateLimitedException(VENUE, what + ": HTTP " + status + " (rate limit)", retryAfter));
        }
        if (status >= 500) {
            return Optional.of(new VenueUnavailableException(
                    VENUE, what + ": HTTP " + status + " " + Payloads.snippet(body), true, null));
        }
        Optional<JsonNode> json = Payloads.tryParse(body);
        if (status != 200) {
            String code = json.map(node -> node.path("retCode").asText(""))
                    .filter(c -> !c.isEmpty())
                    .orElse("HTTP " + status);
            String message = json.map(node -> node.path("retMsg").asText("")).orElse(Payloads.snippet(body));
            return Optional.of(new VenueRejectedException(VENUE, what, code, message));
        }
        if (json.isEmpty()) {
            return Optional.of(
                    new MalformedPayloadException(VENUE, what + ": not JSON: " + Payloads.snippet(body), null));
        }
        JsonNode retCode = json.get().get("retCode");
        if (retCode == null || !retCode.canConvertToInt()) {
            return Optional.of(
                    new MalformedPayloadException(VENUE, what + ": no retCode in " + Payloads.snippet(body), null));
        }
        int code = retCode.asInt();
        String message = json.get().path("retMsg").asText("");
        return switch (code) {
            case 0 -> Optional.empty();
            case 10006, 10018 ->
                Optional.of(new RateLimitedException(VENUE, what + ": retCode " + code + " " + message, retryAfter));
            case 10000, 10016 ->
                Optional.of(
                        new VenueUnavailableException(VENUE, what + ": retCode " + code + " " + message, true, null));
            default -> Optional.of(new VenueRejectedException(VENUE, what, String.valueOf(code), message));
        };
    }

    /** The contract's entry of a {@code /v5/market/tickers} answer. */
    static MarketTick ticker(String body, Instrument contract, Instant fetchedAt) {
        String what = "ticker of " + contract.symbol();
        JsonNode list = JSON.array(JSON.field(JSON.field(JSON.parse(body, what), "result", what), "list", what), what);
        for (JsonNode entry : list) {
            if (contract.symbol().equals(entry.path("symbol").asText())) {
                try {
                    Optional<Integer> interval = JSON.optionalDecimal(entry, "fundingIntervalHour", what)
                            .map(BigDecimal::intValueExact)
                            .or(() -> VenueSymbols.catalogIntervalHours(contract));
                    return new MarketTick(
                            contract.id(),
                            JSON.decimal(entry, "markPrice", what),
                            JSON.optionalDecimal(entry, "indexPrice", what),
                            JSON.optionalDecimal(entry, "lastPrice", what),
                            JSON.optionalDecimal(entry, "fundingRate", what),
                            JSON.optionalMillis(entry, "nextFundingTime", what),
                            interval,
                            "Bybit v5 tickers " + contract.symbol(),
                            fetchedAt);
                } catch (InvalidMarketDataException | ArithmeticException e) {
                    throw new MalformedPayloadException(VENUE, what + ": " + e.getMessage(), e);
                }
            }
        }
        throw JSON.malformed(what + ": the answer has no entry for " + contract.symbol());
    }

    /** The settlements of a {@code /v5/market/funding/history} answer (newest first there), ascending. */
    static List<FundingRate> fundingRates(String body, String what) {
        JsonNode list = JSON.array(JSON.field(JSON.field(JSON.parse(body, what), "result", what), "list", what), what);
        TreeMap<Instant, FundingRate> rates = new TreeMap<>();
        for (JsonNode entry : list) {
            try {
                Instant time = JSON.millis(entry.get("fundingRateTimestamp"), "fundingRateTimestamp", what);
                rates.put(time, new FundingRate(time, JSON.decimal(entry, "fundingRate", what)));
            } catch (InvalidMarketDataException e) {
                throw new MalformedPayloadException(VENUE, what + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(rates.values());
    }

    /** The daily closes of a {@code /v5/market/kline?interval=D} answer (newest first there), ascending. */
    static List<PricePoint> dailyCloses(String body, String what) {
        JsonNode list = JSON.array(JSON.field(JSON.field(JSON.parse(body, what), "result", what), "list", what), what);
        List<PricePoint> closes = new ArrayList<>();
        for (JsonNode candle : list) {
            if (!candle.isArray() || candle.size() < 5) {
                throw JSON.malformed(what + ": a candle is not an array of at least 5 strings");
            }
            try {
                Instant open = JSON.millis(candle.get(0), "startTime", what);
                closes.add(new PricePoint(JSON.candleDay(open, what), JSON.number(candle.get(4), "closePrice", what)));
            } catch (InvalidMarketDataException e) {
                throw new MalformedPayloadException(VENUE, what + ": " + e.getMessage(), e);
            }
        }
        closes.sort(Comparator.comparing(PricePoint::date));
        return VenueSymbols.distinctDays(closes, JSON, what);
    }
}
