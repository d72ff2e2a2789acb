package io.hedgedesk.marketdata.statement;

import io.hedgedesk.domain.Text;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/** One CSV record's cells by header name, read strictly; a bad cell is a {@link BadCell} naming the column. */
final class Cells {

    /** The exchanges' "no value" marker (Bybit writes {@code --}). */
    private static final String NONE = "--";

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    private final CSVRecord record;
    private final Map<String, Integer> columns;

    Cells(CSVRecord record, Map<String, Integer> columns) {
        this.record = record;
        this.columns = columns;
    }

    /** A cell that could not be read. */
    static final class BadCell extends RuntimeException {
        BadCell(String message) {
            super(message, null, false, false);
        }
    }

    /** The cell's text, trimmed; empty for a blank cell or the "--" marker. */
    Optional<String> text(String column) {
        Integer i = columns.get(column);
        if (i == null || i >= record.size()) {
            return Optional.empty();
        }
        String value = record.get(i).strip();
        return value.isEmpty() || value.equals(NONE) ? Optional.empty() : Optional.of(value);
    }

    String required(String column) {
        return text(column).orElseThrow(() -> new BadCell(column + " is empty"));
    }

    /** A plain decimal number (digits 0-9, an optional sign and point; no exponent, no separators). */
    Optional<BigDecimal> decimal(String column) {
        Optional<String> text = text(column);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get();
        if (Text.hasNonAsciiDigit(value) || !PLAIN_NUMBER.matcher(value).matches()) {
            throw new BadCell(column + " must be a plain number such as -0.0025, was \"" + printable(value) + "\"");
        }
        return Optional.of(new BigDecimal(value));
    }

    BigDecimal decimalOrZero(String column) {
        return decimal(column).orElse(BigDecimal.ZERO);
    }

    /** A UTC time as the exchanges write it: {@code 2024-03-01 08:00:00} (milliseconds optional) or ISO-8601. */
    Instant time(String column) {
        String value = required(column);
        try {
            return LocalDateTime.parse(value, SPACED).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e2) {
                throw new BadCell(
                        column + " must be a UTC time such as 2024-03-01 08:00:00, was \"" + printable(value) + "\"");
            }
        }
    }

    /** The record's cells joined, for a content key. */
    String content() {
        return String.join("|", record.toList());
    }

    private static String printable(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
