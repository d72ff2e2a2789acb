package io.hedgedesk.marketdata.importer;

import io.hedgedesk.domain.Text;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.MarketDataFormatException;
import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.persistence.market.ShippedMarketDataFile.Kind;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The one reader of market-history CSV: an upload in any of the {@link CsvFormat}s ({@link #parse}), and hedgedesk's
 * own {@code date,close} and {@code time,rate} files, e.g. the shipped history ({@link #readPrices},
 * {@link #readFunding}, which stop at the first problem). Every problem is reported
 * with its 1-based line number (the header is line 1); nothing is stored here. Rows may come in any order (venue
 * exports list newest first); the result is sorted ascending.
 *
 * <p>Rules: dates between {@value #EARLIEST} and today (UTC), settlement times between then and now; closes
 * strictly positive; funding rates inside ±{@value #MAX_RATE_TEXT} per interval (a larger number is almost
 * always a percentage typed as a fraction); no key twice; one symbol per file; at most {@value #MAX_ROWS} rows.
 */
public final class MarketCsv {

    /** Largest accepted file, in bytes (UTF-8). */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    /** Most data rows in one file. */
    public static final int MAX_ROWS = 200_000;
    /** Errors listed at most; the rest are counted. */
    static final int MAX_ERRORS = 100;

    static final String EARLIEST = "2009-01-03";
    static final String MAX_RATE_TEXT = "10 %";
    private static final BigDecimal MAX_RATE = new BigDecimal("0.1");
    private static final LocalDate EARLIEST_DAY = LocalDate.parse(EARLIEST);

    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{1,15}");
    private static final Pattern CONTRACT = Pattern.compile("[A-Z0-9]+:[A-Z0-9._-]+");
    private static final Pattern VENUE_SYMBOL = Pattern.compile("[A-Z0-9._-]{1,40}");
    private static final Pattern PRICE_FILE = Pattern.compile("([A-Z0-9]{1,15})-[A-Z]{3,5}-1D\\.CSV");
    private static final Pattern FUNDING_FILE = Pattern.compile("([A-Z0-9]+)-([A-Z0-9._]+)-FUNDING\\.CSV");
    private static final Pattern MILLIS = Pattern.compile("\\d{1,15}");
    private static final DateTimeFormatter PAGE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** One valid data row: its line, key (a {@link LocalDate} or an {@link Instant}) and value (close or rate). */
    public record Row(int line, Comparable<?> key, BigDecimal value) {}

    /**
     * The outcome of reading a file.
     *
     * @param format     the recognized layout, empty if the header matched none
     * @param seriesKey  the asset symbol or contract id the rows belong to, empty if unknown
     * @param rows       the valid rows, ascending by key
     * @param errors     "line N: …" messages, at most {@link #MAX_ERRORS}
     * @param errorCount all errors found, also those not listed
     */
    public record Parsed(
            Optional<CsvFormat> format,
            Optional<String> seriesKey,
            List<Row> rows,
            List<String> errors,
            int errorCount) {

        public boolean valid() {
            return errorCount == 0 && format.isPresent() && seriesKey.isPresent() && !rows.isEmpty();
        }

        public Kind kind() {
            return format.orElseThrow().kind();
        }

        /** The rows as a series to store, with {@code source} on every row. Only for a {@link #valid()} result. */
        public Object series(String source) {
            String key = seriesKey.orElseThrow();
            if (kind() == Kind.PRICE) {
                return new PriceSeries(
                        key,
                        source,
                        rows.stream()
                                .map(r -> new PricePoint((LocalDate) r.key(), r.value()))
                                .toList());
            }
            return new FundingRateSeries(
                    key,
                    source,
                    rows.stream()
                            .map(r -> new FundingRate((Instant) r.key(), r.value()))
                            .toList());
        }
    }

    private MarketCsv() {}

    /**
     * Reads {@code text}.
     *
     * @param fileName the uploaded file's name; names the series when neither the form nor the file does
     * @param series   the asset or contract typed into the form, blank for "from the file"
     * @param now      the present, bounding dates and times
     */
    public static Parsed parse(String text, String fileName, String series, Instant now) {
        return read(text, fileName, series, now, new Errors());
    }

    /**
     * Reads a file in hedgedesk's own daily-close layout ({@code date,close}) as {@code asset}'s series, by the rules
     * of an upload (see the class comment). The shipped history and the tests' real-data files are read this way.
     *
     * @param name   the file's name, for messages
     * @param source the provenance stored with every row
     * @param now    the present, bounding the dates
     * @throws MarketDataFormatException at the first problem, with its line (the header is line 1)
     */
    public static PriceSeries readPrices(String text, String name, String asset, String source, Instant now) {
        return (PriceSeries) strict(text, name, asset, source, now, CsvFormat.PRICES);
    }

    /**
     * Reads a file in hedgedesk's own funding layout ({@code time,rate}) as {@code contractId}'s settlements, by the
     * rules of an upload (see the class comment).
     *
     * @throws MarketDataFormatException at the first problem, with its line (the header is line 1)
     */
    public static FundingRateSeries readFunding(
            String text, String name, String contractId, String source, Instant now) {
        return (FundingRateSeries) strict(text, name, contractId, source, now, CsvFormat.FUNDING);
    }

    /** {@link #readPrices(String, String, String, String, Instant)} of what {@code in} holds. */
    public static PriceSeries readPrices(java.io.Reader in, String name, String asset, String source, Instant now) {
        return readPrices(text(in, name), name, asset, source, now);
    }

    /** {@link #readFunding(String, String, String, String, Instant)} of what {@code in} holds. */
    public static FundingRateSeries readFunding(
            java.io.Reader in, String name, String contractId, String source, Instant now) {
        return readFunding(text(in, name), name, contractId, source, now);
    }

    private static String text(java.io.Reader in, String name) {
        StringWriter text = new StringWriter();
        try {
            in.transferTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return text.toString();
    }

    private static Object strict(
            String text, String name, String series, String source, Instant now, CsvFormat expected) {
        Errors errors = new Errors();
        Parsed parsed = read(text, name, series, now, errors);
        if (parsed.format().isPresent() && parsed.format().get() != expected) {
            throw new MarketDataFormatException(
                    name,
                    1,
                    "expected the columns " + expected.header() + ", found "
                            + parsed.format().get().label());
        }
        if (errors.count > 0) {
            throw new MarketDataFormatException(name, Math.max(1, errors.firstLine), errors.firstProblem);
        }
        return parsed.series(source);
    }

    private static Parsed read(String text, String fileName, String series, Instant now, Errors errors) {
        List<CSVRecord> records;
        try (CSVParser parser =
                CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(new StringReader(text))) {
            records = parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            errors.add(0, "the file is not valid CSV (" + e.getMessage() + ")");
            return errors.result(Optional.empty(), Optional.empty(), List.of());
        }
        if (records.isEmpty()) {
            errors.add(1, "the file is empty; the first line must name the columns. Accepted: " + CsvFormat.accepted());
            return errors.result(Optional.empty(), Optional.empty(), List.of());
        }
        List<String> header = records.get(0).toList();
        Optional<CsvFormat> format = CsvFormat.of(header);
        if (format.isEmpty()) {
            errors.add(
                    1,
                    "unknown columns '" + String.join(",", header).replace("\uFEFF", "") + "'. Accepted: "
                            + CsvFormat.accepted());
            return errors.result(format, Optional.empty(), List.of());
        }
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            column.put(CsvFormat.normalize(header.get(i)), i);
        }
        Reader reader = new Reader(format.get(), column, now, errors);
        if (records.size() - 1 > MAX_ROWS) {
            errors.add(
                    MAX_ROWS + 2,
                    "the file has " + (records.size() - 1) + " rows; at most " + MAX_ROWS
                            + " are imported at once. Split it.");
            return errors.result(format, Optional.empty(), List.of());
        }
        for (CSVRecord record : records.subList(1, records.size())) {
            reader.read(record, header.size());
        }
        if (records.size() == 1) {
            errors.add(1, "no data rows after the header");
        }
        Optional<String> key = seriesKey(format.get(), reader.symbol, reader.symbolLine, series, fileName, errors);
        List<Row> rows = new ArrayList<>(reader.rows);
        rows.sort(Comparator.comparing((Row r) -> sortKey(r.key())));
        return errors.result(format, key, List.copyOf(rows));
    }

    private static Instant sortKey(Comparable<?> key) {
        return key instanceof LocalDate day ? day.atStartOfDay(ZoneOffset.UTC).toInstant() : (Instant) key;
    }

    /** Which series the rows are stored under: the form's, else the file's symbol column, else the file name. */
    private static Optional<String> seriesKey(
            CsvFormat format, String symbol, int symbolLine, String typed, String fileName, Errors errors) {
        String fromFile = symbol == null ? null : format.venue().orElseThrow() + ":" + symbol;
        String wanted = typed == null || typed.isBlank() ? null : typed.strip().toUpperCase(Locale.ROOT);
        Pattern pattern = format.kind() == Kind.PRICE ? ASSET : CONTRACT;
        if (wanted != null) {
            if (!pattern.matcher(wanted).matches()) {
                errors.add(
                        0,
                        format.kind() == Kind.PRICE
                                ? "series '" + typed.strip()
                                        + "' is not an asset symbol (A–Z and 0–9, at most 15, e.g. BTC)"
                                : "series '" + typed.strip()
                                        + "' is not a contract id VENUE:SYMBOL (e.g. BYBIT:BTCUSDT)");
                return Optional.empty();
            }
            if (fromFile != null && !fromFile.equals(wanted)) {
                errors.add(symbolLine, "the file's rows are " + fromFile + " but the form names " + wanted);
                return Optional.empty();
            }
            return Optional.of(wanted);
        }
        if (fromFile != null) {
            return Optional.of(fromFile);
        }
        String name = fileName == null ? "" : fileName.strip().toUpperCase(Locale.ROOT);
        Matcher m = (format.kind() == Kind.PRICE ? PRICE_FILE : FUNDING_FILE).matcher(name);
        if (m.matches()) {
            return Optional.of(format.kind() == Kind.PRICE ? m.group(1) : m.group(1) + ":" + m.group(2));
        }
        errors.add(
                0,
                format.kind() == Kind.PRICE
                        ? "which asset are these closes of? Type its symbol into the Series field (or name the file <SYM>-USDT-1d.csv)"
                        : "which contract are these rates of? Type its id into the Series field, e.g. BITMEX:XBTUSD (or name the "
                                + "file <VENUE>-<SYMBOL>-funding.csv)");
        return Optional.empty();
    }

    /** Reads data rows of one format, collecting rows and errors. */
    private static final class Reader {
        private final CsvFormat format;
        private final Map<String, Integer> column;
        private final Instant now;
        private final Errors errors;
        private final List<Row> rows = new ArrayList<>();
        private final Map<Object, Integer> seen = new HashMap<>();
        private String symbol;
        private int symbolLine;

        Reader(CsvFormat format, Map<String, Integer> column, Instant now, Errors errors) {
            this.format = format;
            this.column = column;
            this.now = now;
            this.errors = errors;
        }

        void read(CSVRecord record, int width) {
            int line = Math.toIntExact(record.getRecordNumber());
            try {
                if (record.size() == 1 && record.get(0).isBlank()) {
                    throw new IllegalArgumentException("blank line");
                }
                if (record.size() != width) {
                    throw new IllegalArgumentException(
                            "expected " + width + " comma-separated fields, found " + record.size());
                }
                for (String value : record) {
                    if (value.contains("\n") || value.contains("\r")) {
                        throw new IllegalArgumentException("a field spans several lines");
                    }
                }
                Row row = switch (format) {
                    case PRICES -> new Row(line, day(field(record, "date")), close(field(record, "close")));
                    case FUNDING -> new Row(line, time(iso(field(record, "time"))), rate(field(record, "rate"), false));
                    case BYBIT_API ->
                        new Row(
                                line,
                                time(millis(field(record, "fundingratetimestamp"))),
                                rate(field(record, "fundingrate"), false));
                    case BINANCE_API ->
                        new Row(
                                line,
                                time(millis(field(record, "fundingtime"))),
                                rate(field(record, "fundingrate"), false));
                    case BINANCE_PAGE ->
                        new Row(line, time(pageTime(field(record, "time"))), rate(field(record, "funding rate"), true));
                };
                symbol(record, line);
                Integer earlier = seen.putIfAbsent(row.key(), line);
                if (earlier != null) {
                    throw new IllegalArgumentException(
                            row.key() + " appears twice: this row duplicates line " + earlier);
                }
                rows.add(row);
            } catch (IllegalArgumentException e) {
                errors.add(line, e.getMessage());
            }
        }

        private void symbol(CSVRecord record, int line) {
            String name = switch (format) {
                case BYBIT_API, BINANCE_API -> "symbol";
                case BINANCE_PAGE -> "contracts";
                default -> null;
            };
            if (name == null) {
                return;
            }
            String value = field(record, name).toUpperCase(Locale.ROOT);
            if (format == CsvFormat.BINANCE_PAGE) {
                value = value.replaceFirst("\\s+PERPETUAL$", "");
            }
            if (!VENUE_SYMBOL.matcher(value).matches()) {
                throw new IllegalArgumentException(
                        name + " '" + value + "' is not a venue symbol (A–Z, 0–9, '.', '_', '-')");
            }
            if (symbol == null) {
                symbol = value;
                symbolLine = line;
            } else if (!symbol.equals(value)) {
                throw new IllegalArgumentException(name + " " + value + " differs from " + symbol + " on line "
                        + symbolLine + "; import one contract per file");
            }
        }

        private String field(CSVRecord record, String name) {
            String value = record.get(column.get(name)).strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException(name + " is empty");
            }
            return value;
        }

        private LocalDate day(String value) {
            LocalDate day;
            try {
                day = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("date '" + value + "' is not a date YYYY-MM-DD");
            }
            if (day.isBefore(EARLIEST_DAY) || day.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
                throw new IllegalArgumentException("date " + day + " is outside " + EARLIEST + " … today");
            }
            return day;
        }

        private static Instant iso(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "time '" + value + "' is not an ISO-8601 UTC time like 2024-03-16T08:00:00Z");
            }
        }

        private static Instant millis(String value) {
            if (!MILLIS.matcher(value).matches()) {
                throw new IllegalArgumentException("time '" + value + "' is not epoch milliseconds");
            }
            return Instant.ofEpochMilli(Long.parseLong(value));
        }

        private static Instant pageTime(String value) {
            try {
                return LocalDateTime.parse(value, PAGE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("time '" + value + "' is not YYYY-MM-DD HH:MM:SS");
            }
        }

        private Instant time(Instant time) {
            if (time.isBefore(EARLIEST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant()) || time.isAfter(now)) {
                throw new IllegalArgumentException("time " + time + " is outside " + EARLIEST + " … now"
                        + (time.toEpochMilli() < 100_000_000_000L && time.toEpochMilli() > 0
                                ? " (seconds instead of milliseconds?)"
                                : ""));
            }
            return time;
        }

        private static BigDecimal close(String value) {
            BigDecimal close = decimal(value, "close");
            if (close.signum() <= 0) {
                throw new IllegalArgumentException("close must be positive, was " + value);
            }
            return close;
        }

        private static BigDecimal rate(String value, boolean percent) {
            BigDecimal rate;
            if (percent) {
                if (!value.endsWith("%")) {
                    throw new IllegalArgumentException(
                            "funding rate '" + value + "' must be a percentage like 0.0100%");
                }
                rate = decimal(value.substring(0, value.length() - 1).strip(), "funding rate")
                        .movePointLeft(2);
            } else {
                rate = decimal(value, "rate");
            }
            if (rate.abs().compareTo(MAX_RATE) >= 0) {
                throw new IllegalArgumentException("rate " + value + " is outside ±" + MAX_RATE_TEXT
                        + " per interval; rates are fractions (0.0001 = 0.01 %)");
            }
            return rate;
        }

        private static BigDecimal decimal(String value, String name) {
            if (Text.hasNonAsciiDigit(value)) {
                throw new IllegalArgumentException(name + " '" + value + "': " + Text.ASCII_DIGITS_ONLY);
            }
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " '" + value + "' is not a number");
            }
        }
    }

    /** Collected errors, the first {@link #MAX_ERRORS} with their messages. */
    private static final class Errors {
        private final List<String> listed = new ArrayList<>();
        private int count;
        private int firstLine;
        private String firstProblem;

        void add(int line, String message) {
            if (count == 0) {
                firstLine = line;
                firstProblem = message;
            }
            count++;
            if (listed.size() < MAX_ERRORS) {
                listed.add(line > 0 ? "line " + line + ": " + message : message);
            }
        }

        Parsed result(Optional<CsvFormat> format, Optional<String> key, List<Row> rows) {
            return new Parsed(format, key, rows, List.copyOf(listed), count);
        }
    }
}
