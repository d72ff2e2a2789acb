package io.hedgedesk.persistence.statement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A statement row as stored (table {@code statement_row}), in hedgedesk's signs: fee positive when paid, funding
 * positive when received, cash change positive when credited (settlement asset).
 *
 * @param rowKey       the exchange's id of the row, or its content and occurrence
 * @param hedgeId      the hedge it attached to
 * @param hedgeEventId the ledger event it became; empty for rows kept for reconciliation only
 * @param line         its line in the file it came from
 * @param kind         the reader's row kind (TRADE, FUNDING, FEE, REALIZED_PNL, TRANSFER_IN, …)
 * @param quantity     fills: contracts or quantity units
 * @param price        fills: the fill price
 * @param realizedPnl  the exchange's realized PnL figure of the row (closes)
 */
public record ImportedRow(
        String rowKey,
        long hedgeId,
        Optional<Long> hedgeEventId,
        int line,
        String kind,
        Instant occurredAt,
        Optional<String> account,
        Optional<String> symbol,
        String asset,
        Optional<String> side,
        Optional<BigDecimal> quantity,
        Optional<BigDecimal> price,
        BigDecimal fee,
        BigDecimal funding,
        BigDecimal realizedPnl,
        BigDecimal cashChange) {

    public ImportedRow {
        Objects.requireNonNull(rowKey, "rowKey");
        Objects.requireNonNull(hedgeEventId, "hedgeEventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(funding, "funding");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(cashChange, "cashChange");
    }
}
