package io.hedgedesk.web.hedge;

import io.hedgedesk.persistence.hedge.LedgerRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
 * {@code HedgeHistory.copyNative}, with the same neutralization and plain numbers, LF line ends):
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
 *   <li>{@code corrects_event_id} (a correction names the event it corrects), {@code note}.</li>
 * </ol>
 * Amounts are unrounded (as stored, up to 18 decimals).
 *
 * <p><b>Presets</b> (rows without a cash effect — trades without a fee, notes — are left out):
 * <ul>
 *   <li>{@code koinly}: Koinly "universal" columns; date {@code yyyy-MM-dd HH:mm UTC}; realized PnL and funding
 *   as received (profit) or sent (loss) with the label {@code realized gain}; fees sent with {@code cost}; margin
 *   transfers as unlabelled deposits/withdrawals of the derivatives account.</li>
 *   <li>{@code cointracker}: CoinTracker's eight columns; date {@code MM/dd/yyyy HH:mm:ss} UTC; tags left empty.</li>
 *   <li>{@code rotki}: rotki generic events; Type Income (profit, funding received, rebates), Loss (loss, funding
 *   paid), Spend (fees), Deposit/Withdrawal (margin); Location the venue; Timestamp in milliseconds.</li>
 * </ul>
 */
public final class LedgerCsv {

  /** The export formats. */
  public enum Format {
    NATIVE("native"), KOINLY("koinly"), COINTRACKER("cointracker"), ROTKI("rotki");

    private final String key;

    Format(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    public static Optional<Format> of(String key) {
      return Arrays.stream(values()).filter(f -> f.key.equals(key == null ? "native" : key)).findFirst();
    }
  }

  /** The native format's columns, in order (the rows are written by {@code HedgeHistory.copyNative}). */
  public static final List<String> NATIVE_HEADER = List.of("event_id", "timestamp_utc", "portfolio", "member", "venue",
      "event_type", "hedge_id", "instrument", "contract_type", "side", "quantity", "quantity_unit", "face_value",
      "price", "usd_notional", "fee", "fee_asset", "funding_rate", "funding_amount", "realized_pnl",
      "realized_pnl_asset", "cash_change", "cash_asset", "cash_change_usd", "settlement_usd", "corrects_event_id",
      "note");
  static final List<String> KOINLY_HEADER = List.of("Date", "Sent Amount", "Sent Currency", "Received Amount",
      "Received Currency", "Fee Amount", "Fee Currency", "Net Worth Amount", "Net Worth Currency", "Label",
      "Description", "TxHash");
  static final List<String> COINTRACKER_HEADER = List.of("Date", "Received Quantity", "Received Currency",
      "Sent Quantity", "Sent Currency", "Fee Amount", "Fee Currency", "Tag");
  static final List<String> ROTKI_HEADER = List.of("Type", "Location", "Currency", "Amount", "Fee", "Fee Currency",
      "Description", "Timestamp");

  private static final DateTimeFormatter KOINLY_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
      Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter COINTRACKER_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss",
      Locale.ROOT).withZone(ZoneOffset.UTC);

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
      case NATIVE -> throw new IllegalArgumentException(
          "the native format is written by the database: HedgeHistory.copyNative");
      case KOINLY, COINTRACKER, ROTKI -> movements(r).stream().map(m -> preset(format, r, m)).toList();
    };
  }

  /** A cash movement a tax tool understands: signed amount, its kind, and a fee paid alongside. */
  private record Movement(BigDecimal amount, String kind, Optional<BigDecimal> fee) {
  }

  private static List<Movement> movements(LedgerRow r) {
    Optional<BigDecimal> fee = r.fee().filter(f -> f.signum() != 0);
    return switch (r.eventType()) {
      case "OPEN", "INCREASE" -> fee.map(f -> List.of(new Movement(f.negate(), f.signum() > 0 ? "FEE" : "REBATE",
          Optional.empty()))).orElse(List.of());
      case "REDUCE", "CLOSE" -> List.of(new Movement(r.realizedPnl().orElse(BigDecimal.ZERO), "PNL", fee));
      case "FUNDING" -> List.of(new Movement(r.cashChange(), "FUNDING", Optional.empty()));
      case "FEE" -> List.of(new Movement(r.cashChange(), r.cashChange().signum() < 0 ? "FEE" : "REBATE",
          Optional.empty()));
      case "MARGIN_IN", "MARGIN_OUT" -> List.of(new Movement(r.cashChange(), "TRANSFER", Optional.empty()));
      default -> List.of();
    };
  }

  private static List<Object> preset(Format format, LedgerRow r, Movement m) {
    String asset = r.cashAsset();
    BigDecimal amount = m.amount().abs();
    boolean in = m.amount().signum() >= 0;
    String description = r.eventType() + " " + r.instrument() + " hedge #" + r.hedgeId() + " (" + r.portfolio() + ")";
    List<Object> c = new ArrayList<>();
    switch (format) {
      case KOINLY -> {
        c.add(KOINLY_DATE.format(r.occurredAt()));
        c.add(in ? null : amount);
        c.add(in ? null : asset);
        c.add(in ? amount : null);
        c.add(in ? asset : null);
        c.add(m.fee().orElse(null));
        c.add(m.fee().isPresent() ? asset : null);
        c.add(amount.multiply(r.settlementUsd()));
        c.add("USD");
        c.add(switch (m.kind()) {
          case "PNL", "FUNDING" -> "realized gain";
          case "FEE" -> "cost";
          case "REBATE" -> "income";
          default -> null;
        });
        c.add(description);
        c.add("hedgedesk-" + r.eventId());
      }
      case COINTRACKER -> {
        c.add(COINTRACKER_DATE.format(r.occurredAt()));
        c.add(in ? amount : null);
        c.add(in ? asset : null);
        c.add(in ? null : amount);
        c.add(in ? null : asset);
        c.add(m.fee().orElse(null));
        c.add(m.fee().isPresent() ? asset : null);
        c.add(null);
      }
      case ROTKI -> {
        c.add(switch (m.kind()) {
          case "PNL", "FUNDING" -> in ? "Income" : "Loss";
          case "FEE" -> "Spend";
          case "REBATE" -> "Income";
          default -> in ? "Deposit" : "Withdrawal";
        });
        c.add(r.venue().toLowerCase(Locale.ROOT));
        c.add(asset);
        c.add(amount);
        c.add(m.fee().orElse(BigDecimal.ZERO));
        c.add(asset);
        c.add(description);
        c.add(r.occurredAt().toEpochMilli());
      }
      default -> throw new IllegalStateException("not a preset: " + format);
    }
    return c;
  }
}
