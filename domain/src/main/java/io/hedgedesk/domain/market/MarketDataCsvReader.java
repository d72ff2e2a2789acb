package io.hedgedesk.domain.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Strict reader for the two market-data CSV formats:
 * <ul>
 *   <li>daily closes: header {@code date,close}, rows {@code 2023-01-31,23125.13} (ISO date, decimal close);</li>
 *   <li>funding rates: header {@code time,rate}, rows {@code 2024-03-16T04:00:00Z,0.0001} (ISO-8601 UTC instant,
 *       decimal fraction per interval, scientific notation such as {@code -6.876e-05} accepted).</li>
 * </ul>
 * Strict means: the exact header (a leading UTF-8 byte-order mark is tolerated), exactly two comma-separated
 * fields per row, no surrounding whitespace, no blank lines, at least one row, strictly ascending keys. Every
 * violation raises {@link MarketDataFormatException} carrying the 1-based line number (the header is line 1).
 */
public final class MarketDataCsvReader {

  private static final String PRICE_HEADER = "date,close";
  private static final String FUNDING_HEADER = "time,rate";

  private MarketDataCsvReader() {
  }

  /**
   * Reads a {@code date,close} file.
   *
   * @param file        the CSV file (UTF-8)
   * @param assetSymbol symbol of the asset, e.g. {@code "BTC"}
   * @param source      provenance of the data, stored in the series
   */
  public static PriceSeries readPriceSeries(Path file, String assetSymbol, String source) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return readPriceSeries(in, file.getFileName().toString(), assetSymbol, source);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Reads {@code date,close} rows from {@code in}; {@code sourceName} names the stream in error messages.
   */
  public static PriceSeries readPriceSeries(Reader in, String sourceName, String assetSymbol, String source) {
    List<PricePoint> points = readRows(in, sourceName, PRICE_HEADER,
        field -> parse(field, "date", LocalDate::parse),
        (date, close) -> new PricePoint(date, close),
        PricePoint::date);
    return new PriceSeries(assetSymbol, source, points);
  }

  /**
   * Reads a {@code time,rate} file.
   *
   * @param file       the CSV file (UTF-8)
   * @param contractId id of the perpetual contract, e.g. {@code "BITMEX:XBTUSD"}
   * @param source     provenance of the data, stored in the series
   */
  public static FundingRateSeries readFundingRates(Path file, String contractId, String source) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return readFundingRates(in, file.getFileName().toString(), contractId, source);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Reads {@code time,rate} rows from {@code in}; {@code sourceName} names the stream in error messages.
   */
  public static FundingRateSeries readFundingRates(Reader in, String sourceName, String contractId, String source) {
    List<FundingRate> rates = readRows(in, sourceName, FUNDING_HEADER,
        field -> parse(field, "time", Instant::parse),
        (time, rate) -> new FundingRate(time, rate),
        FundingRate::time);
    return new FundingRateSeries(contractId, source, rates);
  }

  private static <K extends Comparable<? super K>, T> List<T> readRows(Reader in, String sourceName, String header,
      Function<String, K> keyParser, BiFunction<K, BigDecimal, T> factory, Function<T, K> keyOf) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    String valueName = header.substring(header.indexOf(',') + 1);
    BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
    List<T> rows = new ArrayList<>();
    try {
      String line = reader.readLine();
      if (line == null) {
        throw new MarketDataFormatException(sourceName, 1, "empty input, expected header '" + header + "'");
      }
      if (line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (!line.equals(header)) {
        throw new MarketDataFormatException(sourceName, 1, "expected header '" + header + "', found '" + line + "'");
      }
      int lineNumber = 1;
      K previousKey = null;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        try {
          if (line.isEmpty()) {
            throw new IllegalArgumentException("blank line");
          }
          String[] fields = line.split(",", -1);
          if (fields.length != 2) {
            throw new IllegalArgumentException("expected 2 comma-separated fields, found " + fields.length);
          }
          K key = keyParser.apply(fields[0]);
          BigDecimal value = parse(fields[1], valueName, BigDecimal::new);
          if (previousKey != null && key.compareTo(previousKey) <= 0) {
            throw new IllegalArgumentException(fields[0] + " is not after the previous row's " + previousKey);
          }
          T row = factory.apply(key, value);
          rows.add(row);
          previousKey = keyOf.apply(row);
        } catch (MarketDataFormatException e) {
          throw e;
        } catch (IllegalArgumentException e) {
          throw new MarketDataFormatException(sourceName, lineNumber, e.getMessage(), e);
        }
      }
      if (rows.isEmpty()) {
        throw new MarketDataFormatException(sourceName, lineNumber, "no data rows after the header");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + sourceName, e);
    }
    return rows;
  }

  private static <V> V parse(String field, String name, Function<String, V> parser) {
    if (field.isEmpty()) {
      throw new IllegalArgumentException(name + " is empty");
    }
    if (!field.equals(field.strip())) {
      throw new IllegalArgumentException(name + " '" + field + "' has surrounding whitespace");
    }
    try {
      return parser.apply(field);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException(name + " '" + field + "' cannot be parsed", e);
    }
  }
}
