package io.hedgedesk.web.hedge;

import io.hedgedesk.web.hedge.book.LedgerRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes hedge ledger rows as CSV with Apache Commons CSV (RFC 4180: comma, double-quote quoting when needed, CRLF
 * line ends; the caller writes UTF-8). Text cells that begin with {@code = + - @ TAB CR} are prefixed with
 * {@code '} so spreadsheets do not run them as formulas; numbers are written as plain decimals (never exponent
 * form, never prefixed), so {@code -12.5} stays a number.
 *
 * <p><b>Native format</b> (one row per ledger event, every event; written by PostgreSQL's {@code COPY}, see
 * {@code HedgeEvents.copyNative} in persistence, with the same neutralization and plain numbers, LF line ends):
 * <ol>
 *   <li>{@code event_id} ledger event id; {@code timestamp_utc} ISO-8601 UTC time it occurred;</li>
 *   <li>{@code portfolio}, {@code member} (who recorded it), {@code venue}, {@code event_type} (OPEN, INCREASE,
 *   REDUCE, CLOSE, FUNDING, FEE, MARGIN_IN, MARGIN_OUT, NOTE), {@code hedge_id}, {@code instrument} (contract
 *   catalog id), {@code contract_type} (INVERSE, LINEAR), {@code side} (LONG, SHORT);</li>
 *   <li>{@code quantity} and {@code quantity_unit} (CONTRACTS for inverse, the coin for linear quantity units),
 *   {@code face_value} (USD per contract, or coins per quantity unit), {@code price} (fill price), {@code
 *   usd_notional} (trades: USD notional at the fill price);</li>
 *   <li>{@code fee} and {@code fee_asset} (positive = paid), {@code funding_rate}, {@code funding_amount}
 *   (FUNDING: + received, − paid), {@code realized_pnl} and {@code realized_pnl_asset} (REDUCE, CLOSE; fees
 *   excluded);</li>
 *   <li>{@code cash_change} and {@code cash_asset}: the signed change of the hedge account's balance
 *   (realized PnL − fee + funding ± margin), {@code cash_change_usd} at {@code settlement_usd} (USD per unit of the
 *   settlement asset then);</li>
 *   <li>{@code corrects_event_id} (a correction names the event it corrects), {@code note};</li>
 *   <li>{@code realized_pnl_usd} (REDUCE, CLOSE: at the close's price), {@code opened_at} (the hedge's opening,
 *   ISO-8601 UTC), {@code holding_days} (REDUCE, CLOSE: whole days from the opening to the close).</li>
 * </ol>
 * Coin and settlement amounts are rounded to at most 8 decimals (half-even) without trailing zeros, USD amounts to
 * 2; prices, rates and quantities as stored without trailing zeros. Voided hedges and events are left out.
 *
 * <p><b>Presets</b> ({@link LedgerPresets}), one row per movement (a close's PnL and its fee are two rows; trades without a fee and notes
 * make none); coins at most 8 decimals, USD 2; the kind of every row in words at the head of its description:
 * <ul>
 *   <li>{@code koinly}: Koinly's universal template; date {@code yyyy-MM-dd HH:mm UTC}; realized PnL received or
 *   sent with the tag {@code realized gain}, funding received or paid with {@code funding fee}, trading fees and
 *   rebates with {@code futures fee}; margin moved in or out is one leg of a transfer between the holder's own
 *   wallets: untagged and without a hash, which Koinly matches with the other wallet's leg.</li>
 *   <li>{@code cointracker}: CoinTracker's eight columns; date {@code MM/dd/yyyy HH:mm:ss} UTC; tags
 *   {@code margin gain}, {@code margin loss}, {@code margin fee} (fees, funding paid), {@code margin rebate}
 *   (rebates, funding received); margin transfers untagged (CoinTracker pairs a send and a receive between own
 *   wallets into a transfer).</li>
 *   <li>{@code rotki}: rotki generic events; Type Income (profit, funding received, rebates), Loss (loss, funding
 *   paid), Spend (fees), Deposit/Withdrawal (margin to and from the exchange: movements between own accounts);
 *   Location the venue; Timestamp in milliseconds.</li>
 * </ul>
 */
public final class LedgerCsv {

    /** The export formats. */
    public enum Format {
        NATIVE("native"),
        KOINLY("koinly"),
        COINTRACKER("cointracker"),
        ROTKI("rotki");

        private final String key;

        Format(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Optional<Format> of(String key) {
            return Arrays.stream(values())
                    .filter(f -> f.key.equals(key == null ? "native" : key))
                    .findFirst();
        }
    }

    /** The native format's columns, in order (the rows are written by {@code HedgeEvents.copyNative} in persistence). */
    public static final List<String> NATIVE_HEADER = List.of(
            "event_id",
            "timestamp_utc",
            "portfolio",
            "member",
            "venue",
            "event_type",
            "hedge_id",
            "instrument",
            "contract_type",
            "side",
            "quantity",
            "quantity_unit",
            "face_value",
            "price",
            "usd_notional",
            "fee",
            "fee_asset",
            "funding_rate",
            "funding_amount",
            "realized_pnl",
            "realized_pnl_asset",
            "cash_change",
            "cash_asset",
            "cash_change_usd",
            "settlement_usd",
            "corrects_event_id",
            "note",
            "realized_pnl_usd",
            "opened_at",
            "holding_days");

    static final List<String> KOINLY_HEADER = List.of(
            "Date",
            "Sent Amount",
            "Sent Currency",
            "Received Amount",
            "Received Currency",
            "Fee Amount",
            "Fee Currency",
            "Net Worth Amount",
            "Net Worth Currency",
            "Label",
            "Description",
            "TxHash");
    static final List<String> COINTRACKER_HEADER = List.of(
            "Date",
            "Received Quantity",
            "Received Currency",
            "Sent Quantity",
            "Sent Currency",
            "Fee Amount",
            "Fee Currency",
            "Tag");
    static final List<String> ROTKI_HEADER =
            List.of("Type", "Location", "Currency", "Amount", "Fee", "Fee Currency", "Description", "Timestamp");

    private final Format format;
    private final CSVPrinter printer;

    public LedgerCsv(Format format, Appendable out) {
        this.format = format;
        try {
            this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
            printer.printRecord(header(format).stream().map(LedgerCsv::cell).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> header(Format format) {
        return switch (format) {
            case NATIVE -> NATIVE_HEADER;
            case KOINLY -> KOINLY_HEADER;
            case COINTRACKER -> COINTRACKER_HEADER;
            case ROTKI -> ROTKI_HEADER;
        };
    }

    /** Writes the row's record(s) in this writer's format. */
    public void write(LedgerRow row) {
        try {
            for (List<Object> record : records(format, row)) {
                printer.printRecord(record.stream().map(LedgerCsv::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A cell's text: numbers plain, empty for absent values, text neutralized: a leading {@code = + - @ TAB CR}
     * gets a {@code '} prefix.
     */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(LedgerCsv::cell).orElse("");
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        return neutralize(value.toString());
    }

    static String neutralize(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    static List<List<Object>> records(Format format, LedgerRow r) {
        return switch (format) {
            case NATIVE ->
                throw new IllegalArgumentException(
                        "the native format is written by the database: HedgeEvents.copyNative");
            case KOINLY, COINTRACKER, ROTKI -> LedgerPresets.records(format, r);
        };
    }
}
