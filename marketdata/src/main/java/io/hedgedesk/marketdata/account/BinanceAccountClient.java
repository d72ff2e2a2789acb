package io.hedgedesk.marketdata.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.hedgedesk.domain.market.feed.VenueRejectedException;
import io.hedgedesk.marketdata.statement.StatementRow;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binance signed endpoints (SIGNED = HMAC-SHA256 of the query into {@code signature}, key in {@code X-MBX-APIKEY}).
 * Errors come as HTTP 4xx with {@code {"code":-2015,"msg":"…"}}; 429/418 are rate limits (SignedHttp).
 */
final class BinanceAccountClient implements AccountClient {

    private static final String VENUE = "Binance";
    /** Rows per page asked for (both endpoints' maximum). */
    static final int PAGE = 1000;

    private final AccountEndpoints endpoints;
    private final Credentials credentials;
    private final SignedHttp sapi;
    private final SignedHttp dapi;

    BinanceAccountClient(AccountEndpoints endpoints, Credentials credentials) {
        this.endpoints = endpoints;
        this.credentials = credentials;
        this.sapi = http(endpoints.binanceSapi());
        this.dapi = http(endpoints.binanceDapi());
    }

    private SignedHttp http(URI base) {
        return new SignedHttp(VENUE, base, endpoints.connectTimeout(), endpoints.readTimeout());
    }

    @Override
    public KeyPermissions keyPermissions() {
        return KeyInfoReader.binance(signedGet(sapi, "/sapi/v1/account/apiRestrictions", "", "key information"));
    }

    @Override
    public List<VenuePosition> positions() {
        return PositionReader.binance(futures("/dapi/v1/positionRisk", "", "position list"));
    }

    /**
     * Fills: {@code /dapi/v1/userTrades} per contract (the venue wants a symbol), a full page continued from its last
     * fill's time (trades of that millisecond are read again and dropped by id); cash rows: {@code /dapi/v1/income}
     * page by page ({@code page}). Both take {@code startTime} and {@code endTime} inclusive.
     */
    @Override
    public List<StatementRow> history(HistoryStream stream, Instant from, Instant to, List<String> symbols) {
        HistoryWindow.check(from, to);
        HistoryReader reader = new HistoryReader(VENUE);
        List<StatementRow> rows = new ArrayList<>();
        long end = to.toEpochMilli() - 1;
        if (stream == HistoryStream.CASH) {
            for (int page = 1; ; page++) {
                JsonNode array = futures(
                        "/dapi/v1/income",
                        "startTime=" + from.toEpochMilli() + "&endTime=" + end + "&page=" + page + "&limit=" + PAGE,
                        "income history");
                reader.binanceIncome(array, rows);
                if (array.size() < PAGE) {
                    break;
                }
            }
        } else {
            for (String symbol : symbols) {
                long start = from.toEpochMilli();
                Set<String> seen = new HashSet<>();
                while (true) {
                    JsonNode array = futures(
                            "/dapi/v1/userTrades",
                            "symbol=" + symbol + "&startTime=" + start + "&endTime=" + end + "&limit=" + PAGE,
                            "trade list");
                    List<StatementRow> page = new ArrayList<>();
                    reader.binanceTrades(array, page);
                    page.stream().filter(r -> seen.add(r.key())).forEach(rows::add);
                    long last = page.stream()
                            .mapToLong(r -> r.time().toEpochMilli())
                            .max()
                            .orElse(start);
                    if (array.size() < PAGE || last >= end) {
                        break;
                    }
                    start = last > start ? last : start + 1;
                }
            }
        }
        return HistoryWindow.within(rows, from, to);
    }

    /** COIN-M futures ({@code /dapi/...}) signed GET. */
    JsonNode futures(String path, String query, String what) {
        return signedGet(dapi, path, query, what);
    }

    private JsonNode signedGet(SignedHttp http, String path, String query, String what) {
        String params = (query.isEmpty() ? "" : query + "&") + "recvWindow="
                + endpoints.recvWindow().toMillis() + "&timestamp="
                + endpoints.clock().millis();
        String signed = params + "&signature=" + RequestSigner.binance(credentials.secret(), params);
        HttpResponse<String> response = http.get(path, signed, Map.of("X-MBX-APIKEY", credentials.apiKey()));
        JsonNode body = http.json(response, what);
        if (response.statusCode() < 300) {
            return body;
        }
        int code = body.path("code").asInt(0);
        String msg = body.path("msg").asText("HTTP " + response.statusCode());
        String words = switch (code) {
            case -2014, -2015 -> "the API key is not valid, or not allowed from this address (" + msg + ")";
            case -1022 -> "the signature does not match: check the secret";
            case -1021 -> "the request time is outside the receive window: check this machine's clock";
            default -> msg;
        };
        throw new VenueRejectedException(
                VENUE, what, code == 0 ? "HTTP " + response.statusCode() : Integer.toString(code), words);
    }
}
