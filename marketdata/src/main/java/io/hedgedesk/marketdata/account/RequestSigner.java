package io.hedgedesk.marketdata.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The venues' request signatures: HMAC-SHA256 (RFC 2104) of a documented payload, written as lower-case hex. */
public final class RequestSigner {

    private RequestSigner() {}

    /**
     * Bybit v5 (https://bybit-exchange.github.io/docs/v5/guide, "Authentication"): for a GET,
     * {@code sign = hex(HMAC_SHA256(secret, timestamp + apiKey + recvWindow + queryString))}, sent as
     * {@code X-BAPI-SIGN} beside {@code X-BAPI-API-KEY}, {@code X-BAPI-TIMESTAMP} (ms) and {@code X-BAPI-RECV-WINDOW}.
     */
    public static String bybit(
            String secret, long timestampMillis, String apiKey, long recvWindowMillis, String queryString) {
        return hmacSha256Hex(secret, timestampMillis + apiKey + recvWindowMillis + queryString);
    }

    /**
     * Binance (https://developers.binance.com/docs/derivatives/coin-margined-futures/general-info, "SIGNED
     * endpoint security"): {@code signature = hex(HMAC_SHA256(secret, totalParams))}, where totalParams is the query
     * string including {@code timestamp} (and {@code recvWindow}); appended as {@code &signature=…}, the key sent as
     * {@code X-MBX-APIKEY}.
     */
    public static String binance(String secret, String queryString) {
        return hmacSha256Hex(secret, queryString);
    }

    static String hmacSha256Hex(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
