package io.hedgedesk.domain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketDataCsvReaderTest {

  private static PriceSeries prices(String csv) {
    return MarketDataCsvReader.readPriceSeries(new StringReader(csv), "BTC.csv", "BTC", "test");
  }

  private static FundingRateSeries funding(String csv) {
    return MarketDataCsvReader.readFundingRates(new StringReader(csv), "XBT.csv", "BITMEX:XBTUSD", "test");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertPriceError(String csv, int line, String text) {
    return assertThatThrownBy(() -> prices(csv))
        .isInstanceOf(MarketDataFormatException.class)
        .hasMessageContaining("BTC.csv line " + line + ": ")
        .hasMessageContaining(text)
        .satisfies(e -> assertThat(((MarketDataFormatException) e).lineNumber()).isEqualTo(line))
        .satisfies(e -> assertThat(((MarketDataFormatException) e).sourceName()).isEqualTo("BTC.csv"));
  }

  @Test
  void readsPrices() {
    PriceSeries s = prices("date,close\n2017-08-17,4285.08\r\n2017-08-18,4108.37\n");
    assertThat(s.assetSymbol()).isEqualTo("BTC");
    assertThat(s.source()).isEqualTo("test");
    assertThat(s.points()).containsExactly(
        new PricePoint(LocalDate.of(2017, 8, 17), new BigDecimal("4285.08")),
        new PricePoint(LocalDate.of(2017, 8, 18), new BigDecimal("4108.37")));
  }

  @Test
  void readsFundingRatesIncludingScientificNotation() {
    FundingRateSeries s = funding("\uFEFFtime,rate\n2016-06-04T20:00:00Z,0.0002496666666666667\n"
        + "2016-06-05T04:00:00Z,-1.99999999999994e-06\n");
    assertThat(s.size()).isEqualTo(2);
    assertThat(s.first().time()).isEqualTo(Instant.parse("2016-06-04T20:00:00Z"));
    assertThat(s.first().rate()).isEqualByComparingTo("0.0002496666666666667");
    assertThat(s.last().rate()).isEqualByComparingTo("-0.00000199999999999994");
  }

  @Test
  void readsFromFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("SOL-USDT-1d.csv");
    Files.writeString(file, "date,close\n2023-01-01,9.99\n", StandardCharsets.UTF_8);
    assertThat(MarketDataCsvReader.readPriceSeries(file, "SOL", "test").last().close()).isEqualByComparingTo("9.99");
    Path rates = dir.resolve("r.csv");
    Files.writeString(rates, "time,rate\n2023-01-01T00:00:00Z,0.0001\n", StandardCharsets.UTF_8);
    assertThat(MarketDataCsvReader.readFundingRates(rates, "X", "test").size()).isEqualTo(1);
    assertThatThrownBy(() -> MarketDataCsvReader.readPriceSeries(dir.resolve("missing.csv"), "SOL", "test"))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("missing.csv");
  }

  @Test
  void headerErrors() {
    assertPriceError("", 1, "empty input, expected header 'date,close'");
    assertPriceError("Date,Close\n2023-01-01,1\n", 1, "expected header 'date,close', found 'Date,Close'");
    assertPriceError("date,close\n", 1, "no data rows after the header");
    assertThatThrownBy(() -> funding("date,close\n2023-01-01,1\n"))
        .isInstanceOf(MarketDataFormatException.class)
        .hasMessage("XBT.csv line 1: expected header 'time,rate', found 'date,close'");
  }

  @Test
  void rowErrorsCarryTheirLineNumber() {
    String ok = "date,close\n2023-01-01,1\n";
    assertPriceError(ok + "\n2023-01-03,1\n", 3, "blank line");
    assertPriceError(ok + "2023-01-02,1,2\n", 3, "expected 2 comma-separated fields, found 3");
    assertPriceError(ok + "2023-01-02\n", 3, "expected 2 comma-separated fields, found 1");
    assertPriceError(ok + "2023-01-02,\n", 3, "close is empty");
    assertPriceError(ok + "2023-01-02, 5\n", 3, "close ' 5' has surrounding whitespace");
    assertPriceError(ok + "2023-01-02,abc\n", 3, "close 'abc' cannot be parsed");
    assertPriceError(ok + "2023-01-02,NaN\n", 3, "close 'NaN' cannot be parsed");
    assertPriceError(ok + "02.01.2023,5\n", 3, "date '02.01.2023' cannot be parsed");
    assertPriceError(ok + "2023-02-30,5\n", 3, "date '2023-02-30' cannot be parsed");
    assertPriceError(ok + "2023-01-02,0\n", 3, "close must be positive, was 0 on 2023-01-02");
    assertPriceError(ok + "2023-01-01,5\n", 3, "2023-01-01 is not after the previous row's 2023-01-01");
    assertPriceError(ok + "2023-01-03,5\n2023-01-02,5\n", 4, "2023-01-02 is not after the previous row's 2023-01-03");
  }

  @Test
  void fundingRowErrors() {
    String ok = "time,rate\n2023-01-01T00:00:00Z,0.0001\n";
    assertThatThrownBy(() -> funding(ok + "2023-01-01 08:00,0.0001\n"))
        .isInstanceOf(MarketDataFormatException.class)
        .hasMessage("XBT.csv line 3: time '2023-01-01 08:00' cannot be parsed");
    assertThatThrownBy(() -> funding(ok + "2023-01-01T08:00:00Z,1.5\n"))
        .hasMessageStartingWith("XBT.csv line 3: rate must be a fraction strictly between -1 and 1, was 1.5");
    assertThatThrownBy(() -> funding(ok + "2023-01-01T00:00:00Z,0.0001\n"))
        .hasMessageContaining("line 3: 2023-01-01T00:00:00Z is not after the previous row's 2023-01-01T00:00:00Z");
  }
}
