package io.hedgedesk.web.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.web.hedge.book.LedgerRow;
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
        return new LedgerRow(
                7,
                Instant.parse("2026-11-29T08:00:00Z"),
                1,
                "Main, \"bags\"",
                "Alice",
                "Bybit",
                "CLOSE",
                3,
                "BYBIT:BTCUSD",
                "BTC",
                "INVERSE",
                "SHORT",
                "CLOSED",
                Optional.of(new BigDecimal("5000")),
                "CONTRACTS",
                BigDecimal.ONE,
                Optional.of(new BigDecimal("40000")),
                Optional.of(new BigDecimal("5000")),
                Optional.of(new BigDecimal("0.0001")),
                Optional.empty(),
                Optional.empty(),
                Optional.of(new BigDecimal("0.025")),
                "BTC",
                new BigDecimal("40000"),
                new BigDecimal("0.0249"),
                new BigDecimal("996"),
                Optional.empty(),
                note);
    }

    private static List<CSVRecord> write(LedgerCsv.Format format, LedgerRow... rows) throws Exception {
        StringBuilder out = new StringBuilder();
        LedgerCsv csv = new LedgerCsv(format, out);
        for (LedgerRow row : rows) {
            csv.write(row);
        }
        csv.flush();
        assertThat(out.toString()).contains("\r\n");
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(out.toString()))
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
        assertThat(r.get("Description")).isEqualTo("realized profit: CLOSE BYBIT:BTCUSD hedge #3 (Main, \"bags\")");
        assertThatThrownBy(() -> write(LedgerCsv.Format.NATIVE, close("")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Koinly: a profit is received with the tag "realized gain", its fee a row of its own (Koinly takes no fee on a
     * deposit) tagged "futures fee"; 0.025 × 40,000 = 1,000.00 USD, 0.0001 × 40,000 = 4.00 USD.
     */
    @Test
    void presetsMapARealizedProfit() throws Exception {
        List<CSVRecord> koinlyRows = write(LedgerCsv.Format.KOINLY, close(""));
        assertThat(koinlyRows).hasSize(2);
        CSVRecord koinly = koinlyRows.get(0);
        assertThat(koinly.get("Date")).isEqualTo("2026-11-29 08:00 UTC");
        assertThat(koinly.get("Received Amount")).isEqualTo("0.025");
        assertThat(koinly.get("Received Currency")).isEqualTo("BTC");
        assertThat(koinly.get("Sent Amount")).isEmpty();
        assertThat(koinly.get("Fee Amount")).isEmpty();
        assertThat(koinly.get("Net Worth Amount")).isEqualTo("1000.00");
        assertThat(koinly.get("Label")).isEqualTo("realized gain");
        assertThat(koinly.get("TxHash")).isEqualTo("hedgedesk-7");
        assertThat(koinly.get("Description")).startsWith("realized profit: CLOSE");
        CSVRecord fee = koinlyRows.get(1);
        assertThat(fee.get("Sent Amount")).isEqualTo("0.0001");
        assertThat(fee.get("Net Worth Amount")).isEqualTo("4.00");
        assertThat(fee.get("Label")).isEqualTo("futures fee");
        assertThat(fee.get("TxHash")).isEqualTo("hedgedesk-7-fee");

        CSVRecord cointracker = write(LedgerCsv.Format.COINTRACKER, close("")).get(0);
        assertThat(cointracker.get("Date")).isEqualTo("11/29/2026 08:00:00");
        assertThat(cointracker.get("Received Quantity")).isEqualTo("0.025");
        assertThat(cointracker.get("Tag")).isEqualTo("margin gain");

        CSVRecord rotki = write(LedgerCsv.Format.ROTKI, close("")).get(0);
        assertThat(rotki.get("Type")).isEqualTo("Income");
        assertThat(rotki.get("Location")).isEqualTo("bybit");
        assertThat(rotki.get("Amount")).isEqualTo("0.025");
        assertThat(rotki.get("Timestamp"))
                .isEqualTo(Long.toString(Instant.parse("2026-11-29T08:00:00Z").toEpochMilli()));
    }

    private static LedgerRow cash(long id, String type, String amount) {
        BigDecimal cash = new BigDecimal(amount);
        return new LedgerRow(
                id,
                Instant.parse("2026-11-29T08:00:00Z"),
                1,
                "Main",
                "Alice",
                "BINANCE",
                type,
                9,
                "BINANCE:AVAXUSD_PERP",
                "AVAX",
                "INVERSE",
                "SHORT",
                "OPEN",
                Optional.empty(),
                "CONTRACTS",
                BigDecimal.TEN,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                type.equals("FUNDING") ? Optional.of(cash) : Optional.empty(),
                Optional.empty(),
                "AVAX",
                new BigDecimal("20"),
                cash,
                cash.multiply(new BigDecimal("20")),
                Optional.empty(),
                "");
    }

    /**
     * Margin moved to and from the venue is a transfer between the holder's own accounts in every preset (untagged
     * legs without a hash for Koinly and CoinTracker, Deposit/Withdrawal for rotki); funding received and paid are
     * told apart; amounts at most 8 decimals without padding: 10,000.000000000000000000 → 10000,
     * 0.123456789 → 0.12345679; 10,000 × 20 USD = 200,000.00 USD.
     */
    @Test
    void marginIsATransferAndFundingPaidAndReceivedAreTwoKinds() throws Exception {
        List<CSVRecord> koinly = write(
                LedgerCsv.Format.KOINLY,
                cash(1, "MARGIN_IN", "10000.000000000000000000"),
                cash(2, "FUNDING", "0.123456789"),
                cash(3, "FUNDING", "-0.5"),
                cash(4, "MARGIN_OUT", "-447.3"));
        assertThat(koinly).extracting(r -> r.get("Label")).containsExactly("", "funding fee", "funding fee", "");
        assertThat(koinly.get(0).get("Received Amount")).isEqualTo("10000");
        assertThat(koinly.get(0).get("Net Worth Amount")).isEqualTo("200000.00");
        assertThat(koinly.get(0).get("TxHash")).isEmpty();
        assertThat(koinly.get(0).get("Description")).startsWith("transfer between own accounts");
        assertThat(koinly.get(1).get("Received Amount")).isEqualTo("0.12345679");
        assertThat(koinly.get(1).get("Description")).startsWith("funding received");
        assertThat(koinly.get(2).get("Sent Amount")).isEqualTo("0.5");
        assertThat(koinly.get(2).get("Description")).startsWith("funding paid");
        assertThat(koinly.get(3).get("Sent Amount")).isEqualTo("447.3");

        List<CSVRecord> cointracker = write(
                LedgerCsv.Format.COINTRACKER,
                cash(1, "MARGIN_IN", "10000"),
                cash(2, "FUNDING", "0.1"),
                cash(3, "FUNDING", "-0.5"));
        assertThat(cointracker).extracting(r -> r.get("Tag")).containsExactly("", "margin rebate", "margin fee");

        List<CSVRecord> rotki = write(
                LedgerCsv.Format.ROTKI,
                cash(1, "MARGIN_IN", "10000"),
                cash(2, "FUNDING", "0.1"),
                cash(3, "FUNDING", "-0.5"),
                cash(4, "MARGIN_OUT", "-447.3"));
        assertThat(rotki).extracting(r -> r.get("Type")).containsExactly("Deposit", "Income", "Loss", "Withdrawal");
    }
}
