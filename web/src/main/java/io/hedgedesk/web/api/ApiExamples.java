package io.hedgedesk.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request example for every API operation with a body, as published in the OpenAPI document. Each is a request the
 * API answers with 200 (the document's test posts every one), taken from the product tour and the exchanges' worked
 * examples the calculator tests use.
 */
final class ApiExamples {

    private static final Map<String, String> REQUESTS = Map.of(
            "/api/v1/perpetual/position", """
                    {"contract":"BYBIT:ETHUSD","side":"SHORT","size":"175000","entryPrice":"3500","leverage":"2",
                     "markPrice":"3000","extraMargin":"0","fundingRate":"0.0001"}""",
            "/api/v1/perpetual/average-entry", """
                    {"contract":"BYBIT:BTCUSD","side":"LONG","leverage":"1",
                     "fills":[{"size":"1000","price":"5000"},{"size":"2000","price":"6000"}]}""",
            "/api/v1/perpetual/close", """
                    {"contract":"BYBIT:BTCUSD","side":"LONG","size":"10000","entryPrice":"8000","leverage":"10",
                     "closeSize":"5000","closePrice":"12500","liquidity":"TAKER"}""",
            "/api/v1/hedge/size", """
                    {"contract":"BYBIT:ETHUSD","coins":"50","spotPrice":"3500","leverage":"2",
                     "marginSource":"OUT_OF_BAG"}""",
            "/api/v1/hedge/coverage", """
                    {"contract":"BYBIT:ETHUSDT","spotCoins":"40","size":"50","entryPrice":"3500","spotPrice":"3000",
                     "targetCoverage":"0.5"}""",
            "/api/v1/hedge/scenarios", """
                    {"contract":"BYBIT:ETHUSD","coins":"50","spotPrice":"3500","leverage":"2",
                     "shocks":["-0.5","-0.2","0.2","1"]}""",
            "/api/v1/hedge/proxy-scenarios", """
                    {"contract":"BYBIT:BTCUSDT","size":"2","entryPrice":"60000","leverage":"5",
                     "basketValueUsd":"100000","beta":"1.2","residualVolatility":"0.05","bandWidth":"2",
                     "shocks":["-0.2","0.2"]}""",
            "/api/v1/funding/projection", """
                    {"seriesId":"BITMEX:XBTUSD","from":"2024-01-01","to":"2024-01-31","horizonDays":"30",
                     "side":"SHORT","positionValue":"2","settlementAssetUsdPrice":"40000","settlementAsset":"BTC"}""",
            "/api/v1/proxy/beta", """
                    {"hedgeAsset":"BTC","basket":[{"asset":"ETH","valueUsd":"6000"},{"asset":"SOL","valueUsd":"4000"}],
                     "from":"2024-01-01","to":"2024-12-31","rollingDays":"30"}""");

    static final Map<String, Object> BAD_REQUEST = json("""
            {"status":400,"error":"Bad request","field":"leverage",
             "message":"leverage 101 is above the maximum 100x of BYBIT:BTCUSD"}""");

    static final Map<String, Object> NOT_FOUND = json("""
            {"status":404,"error":"Not found",
             "message":"There is nothing here. The page may have moved, or you may not have access to it."}""");

    private ApiExamples() {
    }

    /** The example request body of the operation at {@code path}, if it takes one. */
    static Optional<Map<String, Object>> request(String path) {
        return Optional.ofNullable(REQUESTS.get(path)).map(ApiExamples::json);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        try {
            return new ObjectMapper().readValue(text, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
