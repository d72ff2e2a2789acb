package io.hedgedesk.marketdata.statement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The venues' API rows in the same {@link StatementRow} shape, signs and keys ({@link RowKeys}) as their export files,
 * so that a sync and a file import of the same period store each row once.
 *
 * <p><b>Bybit</b> (https://bybit-exchange.github.io/docs/v5/order/execution and …/v5/account/transaction-log): fills
 * come from the execution list, where {@code execFee} is positive when paid (the file's {@code Fee Paid} is negative
 * then) and {@code closedSize} &gt; 0 marks a closing fill; {@code execType} Funding entries are left out (funding is
 * the transaction log's SETTLEMENT row). The transaction log's {@code funding} is positive when received, its
 * {@code fee} positive when paid and {@code change = cashFlow + funding − fee}; its TRADE and LIQUIDATION rows are the
 * executions again (same id) and are left out, so a fill's fee is counted once.
 *
 * <p><b>Binance COIN-M</b> (https://developers.binance.com/docs/derivatives/coin-margined-futures): income rows
 * ({@code /dapi/v1/income}) are read as the Transaction History file is; fills ({@code /dapi/v1/userTrades}, no file
 * has them) carry no fee, because the same commission comes as a COMMISSION income row, the one the file imports.
 */
public final class ApiRows {

    private ApiRows() {}

    /** A Bybit execution; empty for the kinds that are not fills (funding). */
    public static Optional<StatementRow> bybitExecution(
            int line,
            String symbol,
            String execId,
            String execType,
            String side,
            BigDecimal qty,
            BigDecimal price,
            BigDecimal execFee,
            BigDecimal closedSize,
            Optional<BigDecimal> execPnl,
            Instant time) {
        RowKind kind = switch (execType) {
            case "Trade", "AdlTrade", "Delivery", "Settle", "BlockTrade", "MovePosition" -> RowKind.TRADE;
            case "BustTrade" -> RowKind.LIQUIDATION;
            case "Funding" -> null;
            default -> RowKind.OTHER;
        };
        if (kind == null) {
            return Optional.empty();
        }
        BigDecimal realized = execPnl.orElse(BigDecimal.ZERO);
        String how = "execType " + execType + " → " + kind + "; fee = execFee = " + execFee.toPlainString()
                + " (positive = paid), "
                + (closedSize.signum() > 0
                        ? "closing (closedSize " + closedSize.toPlainString() + ")"
                        : "opening (closedSize 0)");
        return Optional.of(new StatementRow(
                line,
                RowKeys.bybitTrade(execId),
                time,
                kind,
                Optional.empty(),
                Optional.of(symbol.toUpperCase(Locale.ROOT)),
                BybitRows.settlementOf(symbol),
                Optional.of(side.toUpperCase(Locale.ROOT)),
                Optional.of(closedSize.signum() == 0),
                Optional.of(qty.abs()),
                Optional.of(price),
                execFee,
                BigDecimal.ZERO,
                realized,
                realized.subtract(execFee),
                how));
    }

    /** A Bybit transaction-log row; empty for TRADE and LIQUIDATION rows (read from the executions). */
    public static Optional<StatementRow> bybitTransaction(
            int line,
            String type,
            String symbol,
            String currency,
            BigDecimal funding,
            BigDecimal fee,
            BigDecimal change,
            Instant time,
            RowKeys.Counter keys) {
        String t = type.toUpperCase(Locale.ROOT);
        Optional<String> contract = symbol.isBlank() ? Optional.empty() : Optional.of(symbol.toUpperCase(Locale.ROOT));
        RowKind kind;
        String key;
        switch (t) {
            case "TRADE", "LIQUIDATION" -> {
                return Optional.empty();
            }
            case "SETTLEMENT" -> {
                kind = RowKind.FUNDING;
                key = RowKeys.bybitFunding(contract.orElse(""), time, keys);
            }
            case "TRANSFER_IN", "TRANSFER_OUT" -> {
                kind = t.equals("TRANSFER_IN") ? RowKind.TRANSFER_IN : RowKind.TRANSFER_OUT;
                key = RowKeys.bybitTransfer(kind == RowKind.TRANSFER_IN, currency, time, change, keys);
            }
            default -> {
                kind = RowKind.OTHER;
                key = keys.next("BYBIT:log:" + t + ":" + contract.orElse("") + ":" + time.toEpochMilli());
            }
        }
        String how = "type " + t + " → " + kind + "; funding = funding = " + funding.toPlainString()
                + " (positive = received), fee = fee = " + fee.toPlainString()
                + " (positive = paid), cash change = change = "
                + change.toPlainString();
        return Optional.of(new StatementRow(
                line,
                key,
                time,
                kind,
                Optional.empty(),
                contract,
                currency.toUpperCase(Locale.ROOT),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                fee,
                funding,
                BigDecimal.ZERO,
                change,
                how));
    }

    /** A Binance COIN-M fill; its commission is booked by its COMMISSION income row. */
    public static StatementRow binanceTrade(
            int line,
            String symbol,
            String id,
            String side,
            BigDecimal qty,
            BigDecimal price,
            BigDecimal commission,
            String marginAsset,
            Instant time) {
        String how = "userTrades " + side + " " + qty.toPlainString() + " @ " + price.toPlainString() + "; commission "
                + commission.toPlainString() + " is booked by its COMMISSION income row";
        return new StatementRow(
                line,
                RowKeys.binanceTrade(symbol, id),
                time,
                RowKind.TRADE,
                Optional.empty(),
                Optional.of(symbol.toUpperCase(Locale.ROOT)),
                marginAsset.toUpperCase(Locale.ROOT),
                Optional.of(side.toUpperCase(Locale.ROOT)),
                Optional.empty(),
                Optional.of(qty.abs()),
                Optional.of(price),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                how);
    }

    /** A Binance COIN-M income row, read as the Transaction History file's row with the same id. */
    public static StatementRow binanceIncome(
            int line, String incomeType, String tranId, Instant time, String symbol, String asset, BigDecimal income) {
        return BinanceRows.income(
                line,
                incomeType,
                tranId,
                time,
                symbol.isBlank() ? Optional.empty() : Optional.of(symbol),
                asset,
                income,
                "income");
    }
}
