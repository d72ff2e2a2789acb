package io.hedgedesk.marketdata.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.hedgedesk.domain.market.feed.MalformedPayloadException;
import io.hedgedesk.marketdata.statement.ApiRows;
import io.hedgedesk.marketdata.statement.RowKeys;
import io.hedgedesk.marketdata.statement.StatementRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the venues' fill and cash lists (documented fields, see {@link ApiRows}) into {@link StatementRow}s. */
final class HistoryReader {

    private final String venue;
    private final RowKeys.Counter keys = new RowKeys.Counter();
    private int line;

    HistoryReader(String venue) {
        this.venue = venue;
    }

    /** Bybit {@code result.list[]} of {@code /v5/execution/list}. */
    void bybitExecutions(JsonNode list, List<StatementRow> into) {
        for (JsonNode e : list) {
            ApiRows.bybitExecution(
                            ++line,
                            text(e, "symbol"),
                            text(e, "execId"),
                            text(e, "execType"),
                            text(e, "side"),
                            decimal(e, "execQty"),
                            decimal(e, "execPrice"),
                            decimal(e, "execFee"),
                            optional(e, "closedSize").orElse(BigDecimal.ZERO),
                            optional(e, "execPnl"),
                            millis(e, "execTime"))
                    .ifPresent(into::add);
        }
    }

    /** Bybit {@code result.list[]} of {@code /v5/account/transaction-log}. */
    void bybitTransactions(JsonNode list, List<StatementRow> into) {
        for (JsonNode t : list) {
            ApiRows.bybitTransaction(
                            ++line,
                            text(t, "type"),
                            t.path("symbol").asText(""),
                            text(t, "currency"),
                            optional(t, "funding").orElse(BigDecimal.ZERO),
                            optional(t, "fee").orElse(BigDecimal.ZERO),
                            decimal(t, "change"),
                            millis(t, "transactionTime"),
                            keys)
                    .ifPresent(into::add);
        }
    }

    /** Binance {@code /dapi/v1/userTrades}: an array. */
    void binanceTrades(JsonNode array, List<StatementRow> into) {
        for (JsonNode t : array) {
            into.add(ApiRows.binanceTrade(
                    ++line,
                    text(t, "symbol"),
                    text(t, "id"),
                    text(t, "side"),
                    decimal(t, "qty"),
                    decimal(t, "price"),
                    optional(t, "commission").orElse(BigDecimal.ZERO),
                    text(t, "marginAsset"),
                    millis(t, "time")));
        }
    }

    /** Binance {@code /dapi/v1/income}: an array. */
    void binanceIncome(JsonNode array, List<StatementRow> into) {
        for (JsonNode i : array) {
            into.add(ApiRows.binanceIncome(
                    ++line,
                    text(i, "incomeType"),
                    text(i, "tranId"),
                    millis(i, "time"),
                    i.path("symbol").asText(""),
                    text(i, "asset"),
                    decimal(i, "income")));
        }
    }

    private String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new MalformedPayloadException(venue, "history: field '" + field + "' is missing", null);
        }
        return value.asText();
    }

    private BigDecimal decimal(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new MalformedPayloadException(venue, "history: " + field + " '" + text + "' is not a number", e);
        }
    }

    private Optional<BigDecimal> optional(JsonNode node, String field) {
        String text = node.path(field).asText("");
        return text.isBlank() ? Optional.empty() : Optional.of(decimal(node, field));
    }

    private Instant millis(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return Instant.ofEpochMilli(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new MalformedPayloadException(venue, "history: " + field + " '" + text + "' is not a time in ms", e);
        }
    }
}
