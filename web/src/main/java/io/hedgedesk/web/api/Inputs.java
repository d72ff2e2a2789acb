package io.hedgedesk.web.api;

import io.hedgedesk.domain.Text;
import io.hedgedesk.web.binding.NumberBinder;
import io.hedgedesk.web.binding.NumberBinder.Field;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Parses request fields typed by clients into exact values, with messages that name the field: text, choices and,
 * through {@link NumberBinder} (the one reader of numbers of every page and the API), numbers.
 */
public final class Inputs {

    static final int MAX_TEXT = 64;

    private Inputs() {}

    /** The trimmed text, or a {@link BadInputException} if it is missing or blank. */
    public static String requiredText(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new BadInputException(field, field + " is required");
        }
        String text = raw.strip();
        if (text.length() > MAX_TEXT) {
            throw new BadInputException(field, field + " must be at most " + MAX_TEXT + " characters");
        }
        if (Text.hasControlCharacters(text, false)) {
            throw new BadInputException(field, field + " must not contain control characters");
        }
        return text;
    }

    /** True when the field was left empty. */
    public static boolean isBlank(String raw) {
        return raw == null || raw.isBlank();
    }

    /** A decimal, any sign, read by {@link NumberBinder}. */
    public static BigDecimal decimal(String field, String raw) {
        return NumberBinder.decimal(Field.named(field), raw);
    }

    /** A decimal greater than zero. */
    public static BigDecimal positive(String field, String raw) {
        return NumberBinder.positive(Field.named(field), raw);
    }

    /** A decimal of at least zero; a blank field gives {@code fallback}. */
    public static BigDecimal nonNegative(String field, String raw, BigDecimal fallback) {
        return isBlank(raw) ? fallback : nonNegative(field, raw);
    }

    /** A required decimal of at least zero. */
    public static BigDecimal nonNegative(String field, String raw) {
        return NumberBinder.nonNegative(Field.named(field), raw);
    }

    /** A whole number in {@code [min, max]}; a blank field gives {@code fallback}. */
    public static int wholeNumber(String field, String raw, int min, int max, int fallback) {
        return isBlank(raw) ? fallback : (int) NumberBinder.whole(Field.named(field), raw, min, max);
    }

    /** One of the enum's constants, case-insensitive. */
    public static <E extends Enum<E>> E choice(String field, String raw, Class<E> type) {
        String text = requiredText(field, raw).toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name());
        }
        throw new BadInputException(field, field + " must be one of " + allowed + ", was \"" + abbreviate(text) + "\"");
    }

    /** {@link #choice} for an optional field: blank gives {@code fallback}. */
    public static <E extends Enum<E>> E choice(String field, String raw, Class<E> type, E fallback) {
        return isBlank(raw) ? fallback : choice(field, raw, type);
    }

    /** Keeps echoed input short (messages are shown on pages and logged). */
    static String abbreviate(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 24 ? clean : clean.substring(0, 24) + "…";
    }
}
