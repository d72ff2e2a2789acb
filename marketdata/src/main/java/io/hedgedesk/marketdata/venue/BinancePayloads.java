package io.hedgedesk.marketdata.venue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.InvalidMarketDataException;
import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.feed.ContractSpec;
import io.hedgedesk.domain.market.feed.MalformedPayloadException;
import io.hedgedesk.domain.market.feed.MarketDataException;
import io.hedgedesk.domain.market.feed.RateLimitedException;
import io.hedgedesk.domain.market.feed.VenueRejectedException;
import io.hedgedesk.domain.market.feed.VenueUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads Binance COIN-M answers into domain values and translates Binance's errors. Pure: tested on the documented
 * examples.
 */
final class BinancePayloads {

    static final String VENUE = "Binance COIN-M";

    private static final Payloads JSON = new Payloads(VENUE);

    private BinancePayloads() {}

    /**
     * Binance's error table (https://developers.binance.com/docs/derivatives/coin-margined-futures/general-info, "HTTP
     * Return Codes" and "Error Codes"): 429 is the request-weight limit and 418 the IP ban that follows it, both with a
     * {@code Retry-After}; 5xx is Binance's side; any other 4xx carries {@code {"code":-1121,"msg":"Invalid symbol."}}.
     */
    static Optional<MarketDataException> error(int status, String body, Optional<Duration> retryAfter, String what) {
        if (status == 200) {
            return Optional.empty();
        }
        if (status == 429 || status == 418) {
            return Optional.of(
                    new RateLimitedException(VENUE, what + ": HTTP " + status + " (rate limit)", retryAfter));
        }
        if (status >= 500) {
            return Optional.of(new VenueUnavailableException(
                    VENUE, what + ": HTTP " + status + " " + Payloads.snippet(body), true, null));
        }
        Optional<JsonNode> json = Payloads.tryParse(body).filter(node -> node.has("code"));
        String code = json.map(node -> node.get("code").asText()).orElse("HTTP " + status);
        String message = json.map(node -> node.path("msg").asText("")).orElse(Payloads.snippet(body));
        return Optional.of(new VenueRejectedException(VENUE, what, code, message));
    }

    /** The contract's entry of a {@code /dapi/v1/premiumIndex} answer; the catalog gives the funding interval. */
    static MarketTick ticker(String body, Instrument contract, Instant fetchedAt) {
        String what = "premium index of " + contract.symbol();
        for (JsonNode entry : JSON.array(JSON.parse(body, what), what)) {
            if (contract.symbol().equals(entry.path("symbol").asText())) {
                try {
                    return new MarketTick(
                            contract.id(),
                            JSON.decimal(entry, "markPrice", what),
                            JSON.optionalDecimal(entry, "indexPrice", what),
                            Optional.empty(),
                            JSON.optionalDecimal(entry, "lastFundingRate", what),
                            JSON.optionalMillis(entry, "nextFundingTime", what),
                            VenueSymbols.catalogIntervalHours(contract),
                            "Binance COIN-M premiumIndex " + contract.symbol(),
                            fetchedAt);
                } catch (InvalidMarketDataException e) {
                    throw new MalformedPayloadException(VENUE, what + ": " + e.getMessage(), e);
                }
            }
        }
        throw JSON.malformed(what + ": the answer has no entry for " + contract.symbol());
    }

    /** The settlements of a {@code /dapi/v1/fundingRate} answer, ascending. */
    static List<FundingRate> fundingRates(String body, String what) {
        TreeMap<Instant, FundingRate> rates = new TreeMap<>();
        for (JsonNode entry : JSON.array(JSON.parse(body, what), what)) {
            try {
                Instant time = JSON.millis(entry.get("fundingTime"), "fundingTime", what);
                rates.put(time, new FundingRate(time, JSON.decimal(entry, "fundingRate", what)));
            } catch (InvalidMarketDataException e) {
                throw new MalformedPayloadException(VENUE, what + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(rates.values());
    }

    /** The daily closes of a {@code /dapi/v1/klines?interval=1d} answer ({@code [openTime, open, high, low, close, …]}). */
    static List<PricePoint> dailyCloses(String body, String what) {
        List<PricePoint> closes = new ArrayList<>();
        for (JsonNode candle : JSON.array(JSON.parse(body, what), what)) {
            if (!candle.isArray() || candle.size() < 5) {
                throw JSON.malformed(what + ": a kline is not an array of at least 5 values");
            }
            try {
                Instant open = JSON.millis(candle.get(0), "open time", what);
                closes.add(new PricePoint(JSON.candleDay(open, what), JSON.number(candle.get(4), "close", what)));
            } catch (InvalidMarketDataException e) {
                throw new MalformedPayloadException(VENUE, what + ": " + e.getMessage(), e);
            }
        }
        closes.sort(Comparator.comparing(PricePoint::date));
        return VenueSymbols.distinctDays(closes, JSON, what);
    }

    /** The contract's {@code contractSize} (USD face value) and PRICE_FILTER {@code tickSize} from exchangeInfo. */
    static ContractSpec contractSpec(String body, Instrument contract) {
        String what = "exchangeInfo of " + contract.symbol();
        JsonNode symbols = JSON.array(JSON.field(JSON.parse(body, what), "symbols", what), what);
        for (JsonNode entry : symbols) {
            if (contract.symbol().equals(entry.path("symbol").asText())) {
                JsonNode tick = null;
                for (JsonNode filter : entry.path("filters")) {
                    if ("PRICE_FILTER".equals(filter.path("filterType").asText())) {
                        tick = filter.get("tickSize");
                    }
                }
                try {
                    return new ContractSpec(
                            contract.id(),
                            contract.symbol(),
                            JSON.decimal(entry, "contractSize", what),
                            JSON.number(tick, "PRICE_FILTER tickSize", what),
                            "Binance COIN-M exchangeInfo");
                } catch (InvalidMarketDataException e) {
                    throw new MalformedPayloadException(VENUE, what + ": " + e.getMessage(), e);
                }
            }
        }
        throw JSON.malformed(what + ": no symbol " + contract.symbol());
    }
}
