package io.hedgedesk.marketdata.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.MarketDataFormatException;
import io.hedgedesk.domain.market.PriceSeries;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Every accepted layout read, and every rule broken once, with the line number in the message; hedgedesk's own files
 * read whole, stopping at the first problem.
 */
class MarketCsvTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static MarketCsv.Parsed parse(String text, String fileName, String series) {
        return MarketCsv.parse(text, fileName, series, NOW);
    }

    @Test
    void theShippedPriceFileIsReadWithTheAssetFromItsName() throws IOException {
        String text = shipped("prices/BTC-USDT-1d.csv");
        MarketCsv.Parsed parsed = parse(text, "BTC-USDT-1d.csv", "");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.format()).contains(CsvFormat.PRICES);
        assertThat(parsed.seriesKey()).contains("BTC");
        // README: BTC 2017-08-17..2025-12-31, 3,059 rows; the last close is 87648.22
        PriceSeries series = (PriceSeries) parsed.series("test");
        assertThat(series.size()).isEqualTo(3059);
        assertThat(series.first().date()).isEqualTo(LocalDate.parse("2017-08-17"));
        assertThat(series.last().close()).isEqualByComparingTo("87648.22");
    }

    @Test
    void theShippedFundingFileIsReadWithTheContractFromItsName() throws IOException {
        MarketCsv.Parsed parsed =
                parse(shipped("funding/BITMEX-XBTUSD-funding.csv"), "BITMEX-XBTUSD-funding.csv", null);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.format()).contains(CsvFormat.FUNDING);
        assertThat(parsed.seriesKey()).contains("BITMEX:XBTUSD");
        FundingRateSeries series = (FundingRateSeries) parsed.series("test");
        assertThat(series.size()).isEqualTo(8525);
        assertThat(series.first().time()).isEqualTo(Instant.parse("2016-06-04T20:00:00Z"));
    }

    @Test
    void bybitApiFieldsNewestFirstAreSortedAndStoredUnderTheBybitSymbol() {
        // Bybit v5 /v5/market/funding/history lists newest first; 1672041600000 ms = 2022-12-26T08:00:00Z
        String text = "symbol,fundingRate,fundingRateTimestamp\n"
                + "ETHPERP,0.0001,1672041600000\n"
                + "ETHPERP,-0.00005,1672012800000\n";
        MarketCsv.Parsed parsed = parse(text, "export.csv", "");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.format()).contains(CsvFormat.BYBIT_API);
        assertThat(parsed.seriesKey()).contains("BYBIT:ETHPERP");
        FundingRateSeries series = (FundingRateSeries) parsed.series("test");
        assertThat(series.first().time()).isEqualTo(Instant.parse("2022-12-26T00:00:00Z"));
        assertThat(series.first().rate()).isEqualByComparingTo("-0.00005");
        assertThat(series.last().time()).isEqualTo(Instant.parse("2022-12-26T08:00:00Z"));
    }

    @Test
    void binanceApiFieldsWithMarkPriceInAnyOrder() {
        // /dapi/v1/fundingRate fields; 1577836800000 ms = 2020-01-01T00:00:00Z
        String text = "fundingTime,symbol,fundingRate,markPrice\n"
                + "1577836800000,BTCUSD_PERP,0.00010000,7195.2\n"
                + "1577865600000,BTCUSD_PERP,0.00012500,7200.1\n";
        MarketCsv.Parsed parsed = parse(text, "x.csv", "");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.format()).contains(CsvFormat.BINANCE_API);
        assertThat(parsed.seriesKey()).contains("BINANCE:BTCUSD_PERP");
        assertThat(((FundingRateSeries) parsed.series("s")).last().rate()).isEqualByComparingTo("0.000125");
    }

    @Test
    void binanceHistoryPageDownloadHasPercentRates() {
        String text = "Time,Contracts,Funding Interval,Funding Rate\n"
                + "2025-06-18 16:00:00,BTCUSDT Perpetual,8h,0.003694%\n"
                + "2025-06-18 08:00:00,BTCUSDT Perpetual,8h,-0.001752%\n";
        MarketCsv.Parsed parsed = parse(text, "Funding Rate History.csv", "");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.format()).contains(CsvFormat.BINANCE_PAGE);
        assertThat(parsed.seriesKey()).contains("BINANCE:BTCUSDT");
        FundingRateSeries series = (FundingRateSeries) parsed.series("s");
        // 0.003694 % = 0.00003694 as a fraction; −0.001752 % = −0.00001752
        assertThat(series.last().rate()).isEqualByComparingTo("0.00003694");
        assertThat(series.first().rate()).isEqualByComparingTo("-0.00001752");
        assertThat(series.first().time()).isEqualTo(Instant.parse("2025-06-18T08:00:00Z"));
    }

    @Test
    void everyBrokenRuleIsReportedWithItsLine() {
        String text = "date,close\n" // line 1
                + "2024-01-01,100\n" // 2 ok
                + "2024-02-30,100\n" // 3 bad date
                + "2024-01-03,0\n" // 4 non-positive close
                + "2024-01-04,-5\n" // 5 non-positive close
                + "2024-01-01,101\n" // 6 duplicate of line 2
                + "2030-01-01,1\n" // 7 in the future
                + "2024-01-08,abc\n" // 8 not a number
                + "2024-01-09\n" // 9 one field
                + "\n" // 10 blank
                + "2024-01-11,5\n"; // 11 ok
        MarketCsv.Parsed parsed = parse(text, "BTC-USDT-1d.csv", "");

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.errorCount()).isEqualTo(8);
        assertThat(parsed.errors())
                .containsExactly(
                        "line 3: date '2024-02-30' is not a date YYYY-MM-DD",
                        "line 4: close must be positive, was 0",
                        "line 5: close must be positive, was -5",
                        "line 6: 2024-01-01 appears twice: this row duplicates line 2",
                        "line 7: date 2030-01-01 is outside 2009-01-03 … today",
                        "line 8: close 'abc' is not a number",
                        "line 9: expected 2 comma-separated fields, found 1",
                        "line 10: blank line");
    }

    @Test
    void ratesOutOfRangeAndBadTimesAreRejected() {
        String text = "time,rate\n"
                + "2024-03-16T00:00:00Z,0.0001\n"
                + "2024-03-16T08:00:00Z,0.25\n" // 25 % per interval: a percentage typed as a fraction
                + "2024-03-16 16:00,0.0001\n" // not ISO
                + "2024-03-17T00:00:00Z,-0.1\n"; // exactly −10 % is outside
        MarketCsv.Parsed parsed = parse(text, "BITMEX-XBTUSD-funding.csv", "");

        assertThat(parsed.errors())
                .containsExactly(
                        "line 3: rate 0.25 is outside ±10 % per interval; rates are fractions (0.0001 = 0.01 %)",
                        "line 4: time '2024-03-16 16:00' is not an ISO-8601 UTC time like 2024-03-16T08:00:00Z",
                        "line 5: rate -0.1 is outside ±10 % per interval; rates are fractions (0.0001 = 0.01 %)");
    }

    @Test
    void epochSecondsInsteadOfMillisecondsAreCaught() {
        MarketCsv.Parsed parsed =
                parse("symbol,fundingRate,fundingRateTimestamp\nBTCUSD,0.0001,1672041600\n", "a.csv", "");
        assertThat(parsed.errors().get(0))
                .startsWith("line 2: time 1970-01-20T08:27:21.600Z is outside 2009-01-03 … now")
                .endsWith("(seconds instead of milliseconds?)");
    }

    @Test
    void theSeriesMustBeKnownAndWellFormed() {
        String prices = "date,close\n2024-01-01,1\n";
        assertThat(parse(prices, "closes.csv", "").errors())
                .singleElement()
                .asString()
                .startsWith("which asset are these closes of?");
        assertThat(parse(prices, "closes.csv", "btc usd").errors())
                .containsExactly("series 'btc usd' is not an asset symbol (A–Z and 0–9, at most 15, e.g. BTC)");
        assertThat(parse(prices, "closes.csv", "eth").seriesKey()).contains("ETH");
        String funding = "time,rate\n2024-01-01T00:00:00Z,0.0001\n";
        assertThat(parse(funding, "rates.csv", "XBTUSD").errors())
                .containsExactly("series 'XBTUSD' is not a contract id VENUE:SYMBOL (e.g. BYBIT:BTCUSDT)");
        assertThat(parse(funding, "rates.csv", "bitmex:xbtusd").seriesKey()).contains("BITMEX:XBTUSD");
        // a venue file names its own symbol: the form may repeat it but not contradict it
        String bybit =
                "symbol,fundingRate,fundingRateTimestamp\nBTCUSD,0.0001,1672041600000\nETHUSD,0.0001,1672070400000\n";
        assertThat(parse(bybit, "a.csv", "").errors())
                .containsExactly("line 3: symbol ETHUSD differs from BTCUSD on line 2; import one contract per file");
        assertThat(parse(
                                "symbol,fundingRate,fundingRateTimestamp\nBTCUSD,0.0001,1672041600000\n",
                                "a.csv",
                                "BYBIT:ETHUSD")
                        .errors())
                .containsExactly("line 2: the file's rows are BYBIT:BTCUSD but the form names BYBIT:ETHUSD");
    }

    @Test
    void unknownColumnsAndEmptyFilesNameTheAcceptedLayouts() {
        assertThat(parse("day,price\n2024-01-01,1\n", "a.csv", "BTC").errors())
                .singleElement()
                .asString()
                .startsWith("line 1: unknown columns 'day,price'. Accepted: hedgedesk daily closes: date,close;");
        assertThat(parse("", "a.csv", "BTC").errors())
                .singleElement()
                .asString()
                .startsWith("line 1: the file is empty");
        assertThat(parse("date,close\n", "a.csv", "BTC").errors())
                .containsExactly("line 1: no data rows after the header");
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreFine() {
        MarketCsv.Parsed parsed = parse("\uFEFFdate,close\r\n2024-01-01,42000.5\r\n", "BTC-USDT-1d.csv", "");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows())
                .singleElement()
                .extracting(MarketCsv.Row::value)
                .isEqualTo(new BigDecimal("42000.5"));
    }

    private static String shipped(String file) throws IOException {
        try (var in = MarketCsvTest.class.getClassLoader().getResourceAsStream("market-data/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void ownFilesAreReadWholeUnderTheGivenSeries() {
        PriceSeries closes =
                MarketCsv.readPrices("date,close\n2024-01-02,42000.5\n2024-01-01,41000\n", "x.csv", "btc", "test", NOW);
        FundingRateSeries rates = MarketCsv.readFunding(
                "\uFEFFtime,rate\n2024-03-16T04:00:00Z,-6.876e-05\n", "y.csv", "BITMEX:XBTUSD", "test", NOW);

        // rows in any order come back ascending; the asset is upper-cased
        assertThat(closes.assetSymbol()).isEqualTo("BTC");
        assertThat(closes.first().date()).isEqualTo(LocalDate.parse("2024-01-01"));
        assertThat(closes.last().close()).isEqualByComparingTo("42000.5");
        // -6.876e-05 = -0.00006876 per interval
        assertThat(rates.rates().get(0).rate()).isEqualByComparingTo("-0.00006876");
    }

    @Test
    void ownFilesStopAtTheFirstProblemWithItsLine() {
        assertThatThrownBy(() -> MarketCsv.readPrices(
                        "date,close\n2024-01-01,41000\n2024-01-02,abc\n2024-01-03,-1\n", "x.csv", "BTC", "test", NOW))
                .isInstanceOfSatisfying(
                        MarketDataFormatException.class,
                        e -> assertThat(e.lineNumber()).isEqualTo(3))
                .hasMessage("x.csv line 3: close 'abc' is not a number");
        assertThatThrownBy(() ->
                        MarketCsv.readPrices("time,rate\n2024-03-16T04:00:00Z,0.0001\n", "y.csv", "BTC", "test", NOW))
                .isInstanceOfSatisfying(
                        MarketDataFormatException.class,
                        e -> assertThat(e.lineNumber()).isEqualTo(1))
                .hasMessageContaining("expected the columns date,close");
    }
}
