package io.hedgedesk.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The examples the OpenAPI document publishes: a request for every API operation with a body, each one the API answers
 * with 200 (the document's test posts every one), taken from the product tour and the exchanges' worked examples the
 * calculator tests use; and the answers, as the API gave them ({@code /openapi/examples/<path>.json}, the path below
 * {@code /api/v1/} with {@code -} for {@code /}; long lists cut to a few rows). The test checks that every field of an
 * answer is still in the live one.
 */
final class ApiExamples {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    // before the examples below, which it reads

    private static final Map<String, String> REQUESTS = Map.ofEntries(
            Map.entry("/api/v1/hedge/minimum-variance", """
                    {"spotChanges":["0.029","0.020","-0.044","0.008","0.026","-0.019","-0.010","-0.007","0.043",
                                    "0.011","-0.036","-0.018","0.009","-0.032","0.023"],
                     "futuresChanges":["0.021","0.035","-0.046","0.001","0.044","-0.029","-0.026","-0.029","0.048",
                                       "-0.006","-0.036","-0.011","0.019","-0.027","0.029"],
                     "exposure":"2000000","contractSize":"42000"}"""),
            Map.entry("/api/v1/perpetual/position", """
                    {"contract":"BYBIT:ETHUSD","side":"SHORT","size":"175000","entryPrice":"3500","leverage":"2",
                     "markPrice":"3000","extraMargin":"0","fundingRate":"0.0001","feeTier":"VIP 1",
                     "makerFeeRate":"-0.00005","targetRoePercent":"50","balance":"30"}"""),
            Map.entry("/api/v1/perpetual/average-entry", """
                    {"contract":"BYBIT:BTCUSD","side":"LONG","leverage":"1",
                     "fills":[{"size":"1000","price":"5000"},{"size":"2000","price":"6000"}]}"""),
            Map.entry("/api/v1/perpetual/close", """
                    {"contract":"BYBIT:BTCUSD","side":"LONG","size":"10000","entryPrice":"8000","leverage":"10",
                     "closeSize":"5000","closePrice":"12500","liquidity":"TAKER"}"""),
            Map.entry("/api/v1/hedge/size", """
                    {"contract":"BYBIT:ETHUSD","coins":"50","spotPrice":"3500","leverage":"2",
                     "marginSource":"OUT_OF_BAG"}"""),
            Map.entry("/api/v1/hedge/coverage", """
                    {"contract":"BYBIT:ETHUSDT","spotCoins":"40","size":"50","entryPrice":"3500","spotPrice":"3000",
                     "targetCoverage":"0.5"}"""),
            Map.entry("/api/v1/hedge/scenarios", """
                    {"contract":"BYBIT:ETHUSD","coins":"50","spotPrice":"3500","leverage":"2",
                     "shocks":["-0.5","-0.2","0.2","1"]}"""),
            Map.entry("/api/v1/hedge/proxy-scenarios", """
                    {"contract":"BYBIT:BTCUSDT","size":"2","entryPrice":"60000","leverage":"5",
                     "basketValueUsd":"100000","beta":"1.2","residualVolatility":"0.05","bandWidth":"2",
                     "shocks":["-0.2","0.2"]}"""),
            Map.entry("/api/v1/funding/projection", """
                    {"seriesId":"BITMEX:XBTUSD","from":"2024-01-01","to":"2024-01-31","horizonDays":"30",
                     "side":"SHORT","positionValue":"2","settlementAssetUsdPrice":"40000","settlementAsset":"BTC"}"""),
            Map.entry("/api/v1/proxy/beta", """
                    {"hedgeAsset":"BTC","basket":[{"asset":"ETH","valueUsd":"6000"},{"asset":"SOL","valueUsd":"4000"}],
                     "from":"2024-01-01","to":"2024-12-31","rollingDays":"30"}"""));

    static final Map<String, Object> BAD_REQUEST = json("""
            {"status":400,"error":"Bad request","field":"leverage",
             "message":"leverage 101 is above the maximum 100x of BYBIT:BTCUSD"}""");

    static final Map<String, Object> NOT_FOUND = json("""
            {"status":404,"error":"Not found",
             "message":"There is nothing here. The page may have moved, or you may not have access to it."}""");

    private ApiExamples() {}

    /** The example answer of the operation at {@code path}, if one is stored (the catalog: its first contract). */
    static Optional<Object> response(String path) {
        String name = path.substring(ApiDocumentFilter.API.length())
                .replaceAll("[{}]", "")
                .replace('/', '-');
        if (name.equals("contracts")) {
            return response(path + "/{id}").map(List::of);
        }
        try (InputStream in = ApiExamples.class.getResourceAsStream("/openapi/examples/" + name + ".json")) {
            return in == null ? Optional.empty() : Optional.of(plainZeros(JSON.readValue(in, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zero kept with its scale ({@code 0.00000000}) would be written {@code 0E-8}. */
    private static Object plainZeros(Object value) {
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? BigDecimal.ZERO : d;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, plainZeros(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ApiExamples::plainZeros).toList();
        }
        return value;
    }

    /** The example request body of the operation at {@code path}, if it takes one. */
    static Optional<Map<String, Object>> request(String path) {
        return Optional.ofNullable(REQUESTS.get(path)).map(ApiExamples::json);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        try {
            return JSON.readValue(text, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
