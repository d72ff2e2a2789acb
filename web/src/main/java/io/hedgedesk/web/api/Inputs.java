package io.hedgedesk.web.api;

import io.hedgedesk.domain.Text;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Parses request fields typed by people or clients into exact values, with messages that name the field. Numbers are
 * plain decimals ({@code 1234.5}; no exponents, no thousands separators, no NaN), within bounds that keep every
 * calculation fast and meaningful: at most {@value #MAX_INTEGER_DIGITS} integer digits and {@value #MAX_SCALE}
 * decimals.
 */
public final class Inputs {

    static final int MAX_INTEGER_DIGITS = 15;
    static final int MAX_SCALE = 12;
    static final int MAX_TEXT = 64;

    private Inputs() {
    }

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

    /** A decimal, any sign. */
    public static BigDecimal decimal(String field, String raw) {
        String text = requiredText(field, raw);
        requireAsciiDigits(field, text);
        if (!text.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new BadInputException(field, field + " must be a plain decimal number such as 1234.5, was \""
                    + abbreviate(text) + "\"");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new BadInputException(field, field + " is too large (at most " + MAX_INTEGER_DIGITS + " digits before"
                    + " the decimal point)");
        }
        if (value.stripTrailingZeros().scale() > MAX_SCALE) {
            throw new BadInputException(field, field + " has too many decimals (at most " + MAX_SCALE + ")");
        }
        return value;
    }

    /** A decimal greater than zero. */
    public static BigDecimal positive(String field, String raw) {
        BigDecimal value = decimal(field, raw);
        if (value.signum() <= 0) {
            throw new BadInputException(field, field + " must be greater than zero, was " + value.toPlainString());
        }
        return value;
    }

    /** A decimal of at least zero; a blank field gives {@code fallback}. */
    public static BigDecimal nonNegative(String field, String raw, BigDecimal fallback) {
        return isBlank(raw) ? fallback : nonNegative(field, raw);
    }

    /** A required decimal of at least zero. */
    public static BigDecimal nonNegative(String field, String raw) {
        BigDecimal value = decimal(field, raw);
        if (value.signum() < 0) {
            throw new BadInputException(field, field + " must not be negative, was " + value.toPlainString());
        }
        return value;
    }

    /** A whole number in {@code [min, max]}; a blank field gives {@code fallback}. */
    public static int wholeNumber(String field, String raw, int min, int max, int fallback) {
        if (isBlank(raw)) {
            return fallback;
        }
        String text = raw.strip();
        requireAsciiDigits(field, text);
        if (!text.matches("\\d{1,9}")) {
            throw new BadInputException(field, field + " must be a whole number, was \"" + abbreviate(text) + "\"");
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw new BadInputException(field, field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
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

    /** Refuses digits of other scripts ({@code １２３}, {@code ٣}), which Java's parsers would take as 123 and 3. */
    private static void requireAsciiDigits(String field, String text) {
        if (Text.hasNonAsciiDigit(text)) {
            throw new BadInputException(field, field + " must be written with the digits 0-9, was \""
                    + abbreviate(text) + "\"");
        }
    }

    /** Keeps echoed input short (messages are shown on pages and logged). */
    static String abbreviate(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 24 ? clean : clean.substring(0, 24) + "…";
    }
}
