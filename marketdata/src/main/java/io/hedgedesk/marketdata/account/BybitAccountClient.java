package io.hedgedesk.marketdata.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.hedgedesk.domain.market.feed.RateLimitedException;
import io.hedgedesk.domain.market.feed.VenueRejectedException;
import io.hedgedesk.domain.market.feed.VenueUnavailableException;
import io.hedgedesk.marketdata.statement.StatementRow;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bybit v5 private endpoints (https://bybit-exchange.github.io/docs/v5/guide). Every answer is an envelope
 * {@code {retCode, retMsg, result}}; {@code retCode} 0 is success. The error table below is the documented one
 * (https://bybit-exchange.github.io/docs/v5/error).
 */
final class BybitAccountClient implements AccountClient {

    private static final String VENUE = "Bybit v5";

    private final AccountEndpoints endpoints;
    private final Credentials credentials;
    private final SignedHttp http;

    BybitAccountClient(AccountEndpoints endpoints, Credentials credentials) {
        this.endpoints = endpoints;
        this.credentials = credentials;
        this.http = new SignedHttp(VENUE, endpoints.bybit(), endpoints.connectTimeout(), endpoints.readTimeout());
    }

    @Override
    public KeyPermissions keyPermissions() {
        return KeyInfoReader.bybit(result("/v5/user/query-api", "", "key information"));
    }

    /**
     * Inverse positions, then USDT linear ones ({@code settleCoin=USDT}: without a symbol the venue wants one), each
     * read page by page through {@code nextPageCursor}.
     */
    @Override
    public List<VenuePosition> positions() {
        List<VenuePosition> all = new ArrayList<>();
        for (String category : List.of("category=inverse", "category=linear&settleCoin=USDT")) {
            String cursor = "";
            do {
                String query = category + "&limit=200"
                        + (cursor.isEmpty() ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                JsonNode result = result("/v5/position/list", query, "position list");
                all.addAll(PositionReader.bybit(result.path("list")));
                cursor = result.path("nextPageCursor").asText("");
            } while (!cursor.isEmpty());
        }
        return all;
    }

    /**
     * Fills: the execution list of each category; cash rows: the transaction log. Both page through
     * {@code nextPageCursor}; {@code endTime} is inclusive, so the window ends a millisecond before {@code to}.
     */
    @Override
    public List<StatementRow> history(HistoryStream stream, Instant from, Instant to, List<String> symbols) {
        HistoryWindow.check(from, to);
        HistoryReader reader = new HistoryReader(VENUE);
        List<StatementRow> rows = new ArrayList<>();
        String window = "&startTime=" + from.toEpochMilli() + "&endTime=" + (to.toEpochMilli() - 1);
        List<String> queries = stream == HistoryStream.FILLS
                ? List.of("category=inverse&limit=100" + window, "category=linear&limit=100" + window)
                : List.of("limit=50" + window);
        for (String base : queries) {
            String cursor = "";
            do {
                String query =
                        base + (cursor.isEmpty() ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                JsonNode result = stream == HistoryStream.FILLS
                        ? result("/v5/execution/list", query, "execution list")
                        : result("/v5/account/transaction-log", query, "transaction log");
                if (stream == HistoryStream.FILLS) {
                    reader.bybitExecutions(result.path("list"), rows);
                } else {
                    reader.bybitTransactions(result.path("list"), rows);
                }
                cursor = result.path("nextPageCursor").asText("");
            } while (!cursor.isEmpty());
        }
        return HistoryWindow.within(rows, from, to);
    }

    /** The {@code result} of a signed GET, or the typed error its {@code retCode} stands for. */
    JsonNode result(String path, String query, String what) {
        long timestamp = endpoints.clock().millis();
        long recvWindow = endpoints.recvWindow().toMillis();
        String sign = RequestSigner.bybit(credentials.secret(), timestamp, credentials.apiKey(), recvWindow, query);
        HttpResponse<String> response = http.get(
                path,
                query,
                Map.of(
                        "X-BAPI-API-KEY", credentials.apiKey(),
                        "X-BAPI-TIMESTAMP", Long.toString(timestamp),
                        "X-BAPI-RECV-WINDOW", Long.toString(recvWindow),
                        "X-BAPI-SIGN", sign));
        JsonNode body = http.json(response, what);
        int retCode = body.path("retCode").asInt(-1);
        String retMsg = body.path("retMsg").asText("");
        if (retCode == 0 && response.statusCode() < 300) {
            if (response.headers()
                    .firstValue("X-Bapi-Limit-Status")
                    .map(String::trim)
                    .filter("0"::equals)
                    .isPresent()) {
                // the last request this window allows: a long sync stops here rather than be refused (retCode 10006)
                throw new RateLimitedException(
                        VENUE,
                        what + ": no requests left until the limit resets " + "(X-Bapi-Limit-Status 0)",
                        resetIn(response));
            }
            return body.path("result");
        }
        throw switch (retCode) {
            case 10006 ->
                new RateLimitedException(
                        VENUE, what + ": rate limit (retCode 10006 " + retMsg + ")", resetIn(response));
            case 10016 -> new VenueUnavailableException(VENUE, what + ": server error (retCode 10016)", true, null);
            case 10003 -> rejected(what, retCode, "the API key is not valid");
            case 10004 -> rejected(what, retCode, "the signature does not match: check the secret");
            case 10005 -> rejected(what, retCode, "the key lacks the permission to read this");
            case 10002 ->
                rejected(what, retCode, "the request time is outside the receive window: check this machine's clock");
            case 33004 -> rejected(what, retCode, "the API key has expired");
            default -> rejected(what, retCode, retMsg.isBlank() ? "HTTP " + response.statusCode() : retMsg);
        };
    }

    private static VenueRejectedException rejected(String what, int retCode, String words) {
        return new VenueRejectedException(VENUE, what, Integer.toString(retCode), words);
    }

    /** Bybit says when its window resets ({@code X-Bapi-Limit-Reset-Timestamp}, ms) rather than how long to wait. */
    private Optional<Duration> resetIn(HttpResponse<String> response) {
        return response.headers().firstValue("X-Bapi-Limit-Reset-Timestamp").flatMap(value -> {
            try {
                long waitMillis =
                        Long.parseLong(value.trim()) - endpoints.clock().millis();
                return Optional.of(Duration.ofMillis(Math.max(0, waitMillis)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
