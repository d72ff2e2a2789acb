package io.hedgedesk.web.hedge;

import io.hedgedesk.web.view.Display;
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
 *   <li>{@code corrects_event_id} (a correction names the event it corrects), {@code note};</li>
 *   <li>{@code realized_pnl_usd} (REDUCE, CLOSE: at the close's price), {@code opened_at} (the hedge's opening,
 *   ISO-8601 UTC), {@code holding_days} (REDUCE, CLOSE: whole days from the opening to the close).</li>
 * </ol>
 * Coin and settlement amounts are rounded to at most 8 decimals (half-even) without trailing zeros, USD amounts to
 * 2; prices, rates and quantities as stored without trailing zeros. Voided hedges and events are left out.
 *
 * <p><b>Presets</b>, one row per movement (a close's PnL and its fee are two rows; trades without a fee and notes
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
      "note", "realized_pnl_usd", "opened_at", "holding_days");
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

  /** What a preset row is: its kind decides each tool's type label. */
  enum Kind {
    PNL_GAIN, PNL_LOSS, FUNDING_RECEIVED, FUNDING_PAID, FEE, REBATE, TRANSFER_IN, TRANSFER_OUT
  }

  /** A cash movement a tax tool understands: signed amount (settlement asset) and its kind. */
  record Movement(BigDecimal amount, Kind kind) {
  }

  /**
   * The movements of a ledger row, one preset row each: a close's realized PnL and its trading fee are two rows
   * (Koinly takes no fee on a deposit), funding received and paid are told apart, margin moved in or out is a
   * transfer between the holder's own accounts.
   */
  static List<Movement> movements(LedgerRow r) {
    List<Movement> out = new ArrayList<>();
    switch (r.eventType()) {
      case "REDUCE", "CLOSE" -> {
        BigDecimal pnl = r.realizedPnl().orElse(BigDecimal.ZERO);
        if (pnl.signum() != 0) {
          out.add(new Movement(pnl, pnl.signum() > 0 ? Kind.PNL_GAIN : Kind.PNL_LOSS));
        }
      }
      case "FUNDING" -> {
        if (r.cashChange().signum() != 0) {
          out.add(new Movement(r.cashChange(), r.cashChange().signum() > 0 ? Kind.FUNDING_RECEIVED
              : Kind.FUNDING_PAID));
        }
      }
      case "MARGIN_IN", "MARGIN_OUT" -> out.add(new Movement(r.cashChange(),
          r.cashChange().signum() >= 0 ? Kind.TRANSFER_IN : Kind.TRANSFER_OUT));
      default -> {
      }
    }
    r.fee().filter(f -> f.signum() != 0).ifPresent(f -> out.add(new Movement(f.negate(),
        f.signum() > 0 ? Kind.FEE : Kind.REBATE)));
    return out;
  }

  /** A coin amount for the presets: at most 8 decimals, no trailing zeros, never exponent form. */
  static BigDecimal coin(BigDecimal amount) {
    return Display.coinsTrimmed(amount);
  }

  /** A USD amount: 2 decimals. */
  static BigDecimal usd(BigDecimal amount) {
    return Display.cents(amount);
  }

  private static List<Object> preset(Format format, LedgerRow r, Movement m) {
    String asset = r.cashAsset();
    BigDecimal amount = coin(m.amount().abs());
    boolean in = m.amount().signum() >= 0;
    String description = words(m.kind()) + ": " + r.eventType() + " " + r.instrument() + " hedge #" + r.hedgeId()
        + " (" + r.portfolio() + ")";
    List<Object> c = new ArrayList<>();
    switch (format) {
      case KOINLY -> {
        c.add(KOINLY_DATE.format(r.occurredAt()));
        c.add(in ? null : amount);
        c.add(in ? null : asset);
        c.add(in ? amount : null);
        c.add(in ? asset : null);
        c.add(null);
        c.add(null);
        c.add(usd(m.amount().abs().multiply(r.settlementUsd())));
        c.add("USD");
        c.add(switch (m.kind()) {
          case PNL_GAIN, PNL_LOSS -> "realized gain";
          case FUNDING_RECEIVED, FUNDING_PAID -> "funding fee";
          case FEE, REBATE -> "futures fee";
          case TRANSFER_IN, TRANSFER_OUT -> null;
        });
        c.add(description);
        // a transfer leg without a hash, so that Koinly can match it with the other wallet's leg
        c.add(m.kind() == Kind.TRANSFER_IN || m.kind() == Kind.TRANSFER_OUT ? null : "hedgedesk-" + r.eventId()
            + (m.kind() == Kind.FEE || m.kind() == Kind.REBATE ? "-fee" : ""));
      }
      case COINTRACKER -> {
        c.add(COINTRACKER_DATE.format(r.occurredAt()));
        c.add(in ? amount : null);
        c.add(in ? asset : null);
        c.add(in ? null : amount);
        c.add(in ? null : asset);
        c.add(null);
        c.add(null);
        c.add(switch (m.kind()) {
          case PNL_GAIN -> "margin gain";
          case PNL_LOSS -> "margin loss";
          case FUNDING_PAID, FEE -> "margin fee";
          case FUNDING_RECEIVED, REBATE -> "margin rebate";
          case TRANSFER_IN, TRANSFER_OUT -> null;
        });
      }
      case ROTKI -> {
        c.add(switch (m.kind()) {
          case PNL_GAIN, FUNDING_RECEIVED, REBATE -> "Income";
          case PNL_LOSS, FUNDING_PAID -> "Loss";
          case FEE -> "Spend";
          case TRANSFER_IN -> "Deposit";
          case TRANSFER_OUT -> "Withdrawal";
        });
        c.add(r.venue().toLowerCase(Locale.ROOT));
        c.add(asset);
        c.add(amount);
        c.add(BigDecimal.ZERO);
        c.add(asset);
        c.add(description);
        c.add(r.occurredAt().toEpochMilli());
      }
      default -> throw new IllegalStateException("not a preset: " + format);
    }
    return c;
  }

  /** The kind of a row in words, heading its description. */
  static String words(Kind kind) {
    return switch (kind) {
      case PNL_GAIN -> "realized profit";
      case PNL_LOSS -> "realized loss";
      case FUNDING_RECEIVED -> "funding received";
      case FUNDING_PAID -> "funding paid";
      case FEE -> "trading fee";
      case REBATE -> "fee rebate";
      case TRANSFER_IN -> "transfer between own accounts: margin to the exchange";
      case TRANSFER_OUT -> "transfer between own accounts: margin back from the exchange";
    };
  }
}
