package io.hedgedesk.web.hedge;

import io.hedgedesk.domain.Text;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads form text into values, collecting a message per bad field; {@link #check()} throws them all at once. */
public final class Parse {

  private static final int MAX_DIGITS = 40;
  /** The ledger stores numeric(38, 18): less than 10^20, at most 18 decimals. */
  private static final int MAX_INTEGER_DIGITS = 20;
  private static final int MAX_SCALE = 18;

  private final Map<String, String> errors = new LinkedHashMap<>();

  public Optional<BigDecimal> decimal(String text, String field) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.strip();
    if (t.length() > MAX_DIGITS) {
      errors.put(field, "Too long.");
      return Optional.empty();
    }
    if (Text.hasNonAsciiDigit(t)) {
      errors.put(field, Text.ASCII_DIGITS_ONLY);
      return Optional.empty();
    }
    if (!t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
      errors.put(field, "Enter a number like 1234.5.");
      return Optional.empty();
    }
    BigDecimal value = new BigDecimal(t);
    if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      errors.put(field, "Too large.");
      return Optional.empty();
    }
    if (value.stripTrailingZeros().scale() > MAX_SCALE) {
      errors.put(field, "At most " + MAX_SCALE + " decimals.");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  public BigDecimal required(String text, String field) {
    Optional<BigDecimal> value = decimal(text, field);
    if (value.isEmpty() && !errors.containsKey(field)) {
      errors.put(field, "Required.");
    }
    return value.orElse(null);
  }

  /** A UTC time typed as {@code yyyy-MM-ddTHH:mm} (an HTML datetime-local field). */
  public Optional<Instant> utcTime(String text, String field) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      errors.put(field, "Enter a UTC date and time like 2026-11-29T08:00.");
      return Optional.empty();
    }
  }

  Optional<LocalDate> date(String text, String field) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException e) {
      errors.put(field, "Enter a date like 2026-11-29.");
      return Optional.empty();
    }
  }

  public Optional<Long> id(String text, String field) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      if (Text.hasNonAsciiDigit(text)) {
        throw new NumberFormatException("digits of another script");
      }
      return Optional.of(Long.parseLong(text.strip()));
    } catch (NumberFormatException e) {
      errors.put(field, "Choose one from the list.");
      return Optional.empty();
    }
  }

  <E extends Enum<E>> E choice(Class<E> type, String text, String field) {
    try {
      return Enum.valueOf(type, text == null ? "" : text.strip());
    } catch (IllegalArgumentException e) {
      errors.put(field, "Choose one from the list.");
      return null;
    }
  }

  public void fail(String field, String message) {
    errors.put(field, message);
  }

  public void check() {
    if (!errors.isEmpty()) {
      throw new InvalidHedgeException(errors);
    }
  }
}
