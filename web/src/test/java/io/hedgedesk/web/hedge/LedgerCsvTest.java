package io.hedgedesk.web.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.persistence.hedge.LedgerRow;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The CSV writer of the tax-tool presets alone: neutralization, plain numbers, RFC 4180 quoting. The native format
 * is written by PostgreSQL ({@code HedgeHistoryTest}).
 */
class LedgerCsvTest {

  private static LedgerRow close(String note) {
    // CLOSE of 5,000 BYBIT:BTCUSD at 40,000: realized +0.025 BTC, fee 0.0001 BTC, cash +0.0249 BTC at 40,000 USD
    return new LedgerRow(7, Instant.parse("2026-11-29T08:00:00Z"), 1, "Main, \"bags\"", "Alice", "Bybit", "CLOSE", 3,
        "BYBIT:BTCUSD", "BTC", "INVERSE", "SHORT", "CLOSED", Optional.of(new BigDecimal("5000")), "CONTRACTS",
        BigDecimal.ONE, Optional.of(new BigDecimal("40000")), Optional.of(new BigDecimal("5000")),
        Optional.of(new BigDecimal("0.0001")), Optional.empty(), Optional.empty(), Optional.of(new BigDecimal("0.025")),
        "BTC", new BigDecimal("40000"), new BigDecimal("0.0249"), new BigDecimal("996"), Optional.empty(), note);
  }

  private static List<CSVRecord> write(LedgerCsv.Format format, LedgerRow... rows) throws Exception {
    StringBuilder out = new StringBuilder();
    LedgerCsv csv = new LedgerCsv(format, out);
    for (LedgerRow row : rows) {
      csv.write(row);
    }
    csv.flush();
    assertThat(out.toString()).contains("\r\n");
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(out.toString()))
        .getRecords();
  }

  @Test
  void textStartingWithAFormulaCharacterIsPrefixedNumbersAreNot() throws Exception {
    for (String bad : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
      assertThat(LedgerCsv.cell(bad)).isEqualTo("'" + bad);
    }
    assertThat(LedgerCsv.cell("plain")).isEqualTo("plain");
    assertThat(LedgerCsv.cell(new BigDecimal("-12.5"))).isEqualTo("-12.5");
    assertThat(LedgerCsv.cell(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(LedgerCsv.cell(Optional.empty())).isEmpty();

    // a preset's description carries the portfolio name: quoted, and neutralized as one text cell
    CSVRecord r = write(LedgerCsv.Format.KOINLY, close("")).get(0);
    assertThat(r.get("Description")).isEqualTo("CLOSE BYBIT:BTCUSD hedge #3 (Main, \"bags\")");
    assertThatThrownBy(() -> write(LedgerCsv.Format.NATIVE, close(""))).isInstanceOf(IllegalArgumentException.class);
  }

  /** Koinly: a profit is received with the label "realized gain", the fee in its own columns; 0.025 × 40,000 = 1,000 USD. */
  @Test
  void presetsMapARealizedProfit() throws Exception {
    CSVRecord koinly = write(LedgerCsv.Format.KOINLY, close("")).get(0);
    assertThat(koinly.get("Date")).isEqualTo("2026-11-29 08:00 UTC");
    assertThat(koinly.get("Received Amount")).isEqualTo("0.025");
    assertThat(koinly.get("Received Currency")).isEqualTo("BTC");
    assertThat(koinly.get("Sent Amount")).isEmpty();
    assertThat(koinly.get("Fee Amount")).isEqualTo("0.0001");
    assertThat(new BigDecimal(koinly.get("Net Worth Amount"))).isEqualByComparingTo("1000");
    assertThat(koinly.get("Label")).isEqualTo("realized gain");
    assertThat(koinly.get("TxHash")).isEqualTo("hedgedesk-7");

    CSVRecord cointracker = write(LedgerCsv.Format.COINTRACKER, close("")).get(0);
    assertThat(cointracker.get("Date")).isEqualTo("11/29/2026 08:00:00");
    assertThat(cointracker.get("Received Quantity")).isEqualTo("0.025");

    CSVRecord rotki = write(LedgerCsv.Format.ROTKI, close("")).get(0);
    assertThat(rotki.get("Type")).isEqualTo("Income");
    assertThat(rotki.get("Location")).isEqualTo("bybit");
    assertThat(rotki.get("Amount")).isEqualTo("0.025");
    assertThat(rotki.get("Timestamp")).isEqualTo(Long.toString(Instant.parse("2026-11-29T08:00:00Z").toEpochMilli()));
  }
}
