package io.hedgedesk.marketdata.statement;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * Binance's export files read into {@link StatementRow}s.
 *
 * <p><b>Signs</b>: in the futures Transaction History {@code Amount} is signed, positive = credited to the account
 * (the income endpoint {@code /dapi/v1/income} and {@code /fapi/v1/income} write {@code income} the same way): a
 * {@code FUNDING_FEE} of −0.0001 is funding paid, a {@code COMMISSION} of −0.0002 a fee paid, {@code REALIZED_PNL} the
 * realized PnL booked, {@code TRANSFER} in or out by its sign. The account statement's {@code Change} is signed the same
 * way. So hedgedesk's fee is {@code −Amount} on a commission row, its funding {@code Amount} on a funding row, and
 * every row's cash change its {@code Amount} / {@code Change}. {@code Transaction ID} (the API's {@code tranId}) is
 * unique per income type, so the key is type + id.
 */
final class BinanceRows {

    private BinanceRows() {}

    /** A futures Transaction History row. */
    static StatementRow transaction(Cells c, int line) {
        String type = c.required("type");
        BigDecimal amount = c.decimal("Amount").orElseThrow(() -> new Cells.BadCell("Amount is empty"));
        return income(
                line,
                type,
                c.required("Transaction ID"),
                c.time("Date(UTC)"),
                c.text("Symbol"),
                c.required("Asset"),
                amount,
                "Amount");
    }

    /**
     * An income row: the file's type, Transaction ID, Date, Symbol, Asset and Amount, or the same fields of
     * {@code /dapi/v1/income} ({@code incomeType}, {@code tranId}, {@code time}, {@code symbol}, {@code asset},
     * {@code income}), which writes them the same way.
     */
    static StatementRow income(
            int line,
            String incomeType,
            String tranId,
            java.time.Instant time,
            Optional<String> symbol,
            String asset,
            BigDecimal amount,
            String amountName) {
        String type = incomeType.toUpperCase(Locale.ROOT);
        RowKind kind = switch (type) {
            case "FUNDING_FEE" -> RowKind.FUNDING;
            case "COMMISSION" -> RowKind.FEE;
            case "REALIZED_PNL" -> RowKind.REALIZED_PNL;
            case "TRANSFER" -> amount.signum() >= 0 ? RowKind.TRANSFER_IN : RowKind.TRANSFER_OUT;
            default -> RowKind.OTHER;
        };
        return row(
                line,
                RowKeys.binanceIncome(type, tranId),
                time,
                kind,
                Optional.empty(),
                symbol,
                asset,
                amount,
                "type " + type + " → " + kind + "; " + amountName + " " + amount.toPlainString()
                        + " (positive = credited)");
    }

    /** An account statement row; only the futures accounts' rows are imported, the others are {@link RowKind#OTHER}. */
    static StatementRow statement(Cells c, int line, RowKeys.Counter keys) {
        String account = c.required("Account");
        String operation = c.required("Operation");
        BigDecimal change = c.decimal("Change").orElseThrow(() -> new Cells.BadCell("Change is empty"));
        boolean futures = account.equalsIgnoreCase("Coin-M Futures")
                || account.equalsIgnoreCase("USD-M Futures")
                || account.equalsIgnoreCase("USDT-Futures");
        RowKind kind = !futures
                ? RowKind.OTHER
                : switch (operation.toLowerCase(Locale.ROOT)) {
                    case "funding fee" -> RowKind.FUNDING;
                    case "fee" -> RowKind.FEE;
                    case "realized profit and loss" -> RowKind.REALIZED_PNL;
                    case "transfer_in", "transfer in" -> RowKind.TRANSFER_IN;
                    case "transfer_out", "transfer out" -> RowKind.TRANSFER_OUT;
                    default -> RowKind.OTHER;
                };
        return row(
                line,
                keys.next("BINANCE:statement:" + c.content()),
                c.time("UTC_Time"),
                kind,
                c.text("User_ID"),
                Optional.empty(),
                c.required("Coin"),
                change,
                account + " / " + operation + " → " + kind + "; Change " + change.toPlainString()
                        + " (positive = credited)");
    }

    private static StatementRow row(
            int line,
            String key,
            java.time.Instant time,
            RowKind kind,
            Optional<String> account,
            Optional<String> symbol,
            String asset,
            BigDecimal amount,
            String how) {
        return new StatementRow(
                line,
                key,
                time,
                kind,
                account,
                symbol,
                asset,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                kind == RowKind.FEE ? amount.negate() : BigDecimal.ZERO,
                kind == RowKind.FUNDING ? amount : BigDecimal.ZERO,
                kind == RowKind.REALIZED_PNL ? amount : BigDecimal.ZERO,
                amount,
                how);
    }
}
