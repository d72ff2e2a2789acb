package io.hedgedesk.marketdata.statement;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * Bybit's export files read into {@link StatementRow}s.
 *
 * <p><b>Signs</b> (transaction log and account change details): in the downloaded file {@code Fee Paid} is negative
 * when a fee is paid and positive for a rebate, {@code Funding} is positive when received, {@code Cash Flow} is the
 * realized PnL of a closing fill, and {@code Change = Cash Flow + Funding + Fee Paid} (the balance's change, as the
 * issue that brought this reader in states it from the venue's export; the reader checks the identity on every row and
 * refuses a row that breaks it, which catches a file whose signs were flipped). So hedgedesk's fee is
 * {@code −Fee Paid}, its funding {@code Funding}, its cash change {@code Change}. Bybit's v5 API writes {@code fee}
 * positive when paid; that is the API client's concern, not this reader's.
 *
 * <p><b>Closed P&amp;L</b> rows summarise a closed position; they are read for reconciliation only: {@code Opening Fee}
 * and {@code Closing Fee} as fees paid, {@code Realized P&L} as the venue's realized figure (assumption: fees are
 * written as positive amounts paid, as on the venue's Closed P&amp;L page).
 */
final class BybitRows {

    private BybitRows() {}

    /** A transaction-log or account-change row. */
    static StatementRow change(StatementFormat format, Cells c, int line, RowKeys.Counter keys) {
        boolean classic = format == StatementFormat.BYBIT_CLASSIC_CHANGES;
        String type = c.required("Type");
        RowKind kind = classic ? classicKind(type) : logKind(type);
        BigDecimal feePaid = c.decimalOrZero("Fee Paid");
        BigDecimal funding = c.decimalOrZero("Funding");
        BigDecimal cashFlow = c.decimalOrZero("Cash Flow");
        BigDecimal change = c.decimal("Change").orElseThrow(() -> new Cells.BadCell("Change is empty"));
        if (cashFlow.add(funding).add(feePaid).compareTo(change) != 0) {
            throw new Cells.BadCell("Change " + change.toPlainString() + " is not Cash Flow + Funding + Fee Paid ("
                    + cashFlow.toPlainString() + " + " + funding.toPlainString() + " + " + feePaid.toPlainString()
                    + "): is this a Bybit file with its own signs?");
        }
        Optional<String> side;
        Optional<Boolean> opening;
        if (classic) {
            Optional<String> direction = c.text("Direction").map(d -> d.toLowerCase(Locale.ROOT));
            side = direction.map(d -> d.equals("open long") || d.equals("close short") ? "BUY" : "SELL");
            opening = direction.map(d -> d.startsWith("open"));
        } else {
            side = c.text("Direction").map(d -> d.toUpperCase(Locale.ROOT));
            opening = c.text("Action")
                    .filter(a -> a.equalsIgnoreCase("OPEN") || a.equalsIgnoreCase("CLOSE"))
                    .map(a -> a.equalsIgnoreCase("OPEN"));
        }
        String idColumn = switch (format) {
            case BYBIT_TRANSACTION_LOG_IDS -> "TradeId";
            case BYBIT_CLASSIC_CHANGES -> "Trade ID";
            default -> "";
        };
        Optional<String> tradeId = idColumn.isEmpty() ? Optional.empty() : c.text(idColumn);
        String timeColumn = switch (format) {
            case BYBIT_TRANSACTION_LOG -> "Time(UTC)";
            default -> "Time";
        };
        java.time.Instant time = c.time(timeColumn);
        Optional<String> contract = c.text("Contract");
        String key = switch (kind) {
            case TRADE -> tradeId.map(RowKeys::bybitTrade).orElseGet(() -> keys.next("BYBIT:row:" + c.content()));
            case FUNDING ->
                contract.map(s -> RowKeys.bybitFunding(s, time, keys))
                        .orElseGet(() -> keys.next("BYBIT:row:" + c.content()));
            case TRANSFER_IN, TRANSFER_OUT ->
                RowKeys.bybitTransfer(kind == RowKind.TRANSFER_IN, c.required("Currency"), time, change, keys);
            default -> keys.next("BYBIT:row:" + c.content());
        };
        String how = "Type " + type + " → " + kind + "; fee = −Fee Paid = "
                + feePaid.negate().toPlainString()
                + ", funding = Funding = " + funding.toPlainString() + ", cash change = Change = "
                + change.toPlainString()
                + " (= Cash Flow + Funding + Fee Paid)";
        return new StatementRow(
                line,
                key,
                time,
                kind,
                c.text("Uid"),
                contract,
                c.required("Currency"),
                side,
                opening,
                c.decimal("Quantity").map(BigDecimal::abs),
                c.decimal("Filled Price"),
                feePaid.negate(),
                funding,
                kind == RowKind.TRADE || kind == RowKind.LIQUIDATION ? cashFlow : BigDecimal.ZERO,
                change,
                how);
    }

    /** A Closed P&amp;L row. */
    static StatementRow closed(Cells c, int line, RowKeys.Counter keys) {
        BigDecimal fees = c.decimalOrZero("Opening Fee").add(c.decimalOrZero("Closing Fee"));
        BigDecimal realized = c.decimal("Realized P&L").orElseThrow(() -> new Cells.BadCell("Realized P&L is empty"));
        Optional<String> tradeType = c.text("Trade Type").map(t -> t.toLowerCase(Locale.ROOT));
        String market = c.required("Market");
        String how = "Closed position: fees = Opening Fee + Closing Fee = " + fees.toPlainString()
                + ", realized = Realized P&L = " + realized.toPlainString() + " (for reconciliation; not a cash row)";
        return new StatementRow(
                line,
                keys.next("BYBIT:closed:" + c.content()),
                c.time("Trade time"),
                RowKind.CLOSED_POSITION,
                Optional.empty(),
                Optional.of(market),
                settlementOf(market),
                tradeType.map(t -> t.contains("long") ? "SELL" : "BUY"),
                Optional.of(false),
                c.decimal("Order Quantity").map(BigDecimal::abs),
                c.decimal("Exit Price"),
                fees,
                BigDecimal.ZERO,
                realized,
                BigDecimal.ZERO,
                how);
    }

    /** The settlement asset a Bybit symbol implies: USDT for {@code …USDT}, else the coin of {@code COINUSD}. */
    static String settlementOf(String symbol) {
        String s = symbol.toUpperCase(Locale.ROOT);
        if (s.endsWith("USDT")) {
            return "USDT";
        }
        return s.endsWith("USD") ? s.substring(0, s.length() - 3) : s;
    }

    private static RowKind logKind(String type) {
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "TRADE" -> RowKind.TRADE;
            case "SETTLEMENT" -> RowKind.FUNDING;
            case "TRANSFER_IN" -> RowKind.TRANSFER_IN;
            case "TRANSFER_OUT" -> RowKind.TRANSFER_OUT;
            case "LIQUIDATION" -> RowKind.LIQUIDATION;
            default -> RowKind.OTHER;
        };
    }

    private static RowKind classicKind(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "trade" -> RowKind.TRADE;
            case "funding" -> RowKind.FUNDING;
            case "transferin" -> RowKind.TRANSFER_IN;
            case "transferout" -> RowKind.TRANSFER_OUT;
            case "liquidation" -> RowKind.LIQUIDATION;
            default -> RowKind.OTHER;
        };
    }
}
