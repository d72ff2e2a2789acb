package io.hedgedesk.web.hedge;

import io.hedgedesk.domain.Text;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.web.binding.BadNumberException;
import io.hedgedesk.web.binding.NumberBinder;
import io.hedgedesk.web.binding.NumberBinder.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the hedge pages' form text into values, collecting a message per bad field; {@link #check()} throws them all
 * at once. Numbers go through {@link NumberBinder}, the reader of every page and the API.
 */
public final class Parse {

    private final Map<String, String> errors = new LinkedHashMap<>();

    /**
     * The number typed in {@code field} (empty when blank), read by {@link NumberBinder}; a refusal is kept under the
     * field, worded with its {@code label} as the page shows it.
     */
    public Optional<BigDecimal> decimal(String text, String field, String label) {
        try {
            return NumberBinder.optional(Field.labelled(field, label), text);
        } catch (BadNumberException e) {
            errors.put(field, e.getMessage());
            return Optional.empty();
        }
    }

    /** {@link #decimal} for a field that must be filled in. */
    public BigDecimal required(String text, String field, String label) {
        Optional<BigDecimal> value = decimal(text, field, label);
        if (value.isEmpty() && !errors.containsKey(field)) {
            errors.put(field, label + " is required");
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
