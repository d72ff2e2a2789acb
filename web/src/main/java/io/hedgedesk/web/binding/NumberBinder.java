package io.hedgedesk.web.binding;

import io.hedgedesk.domain.Text;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every number a person or a client types, on every page and in the API, the same way and with the same
 * words. A number is written with the digits 0-9 and a dot before its decimals: {@code 1234.5}, {@code -0.25},
 * {@code .5}. Digits may be grouped by thousands with commas or spaces ({@code 2,400}, {@code 1 234 567.89}): each
 * group after the first has exactly three digits and the first does not start with 0, so the separator cannot be a
 * decimal comma. What can be read two ways is refused with the likely reading as a suggestion, never guessed:
 * {@code 1,5} (did you mean 1.5?), {@code 1.234,5} (1234.5), {@code 1.5k} (1500), {@code 1e-4} (0.0001).
 *
 * <p>Limits, one set for every field: at most {@value #MAX_INTEGER_DIGITS} digits before the decimal point and
 * {@value #MAX_DECIMALS} after (within the database's numeric(38, 18) and exact in 34-digit arithmetic), at most
 * {@value #MAX_LENGTH} characters typed.
 *
 * <p>Every refusal is a {@link BadNumberException} naming the field: {@code <name> must be a number such as 1234.5,
 * was "1,5": did you mean 1.5?}, where the name is the label a page shows or the API's field name.
 */
public final class NumberBinder {

    public static final int MAX_INTEGER_DIGITS = 15;
    public static final int MAX_DECIMALS = 18;
    public static final int MAX_LENGTH = 64;

    private static final Pattern PLAIN = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");
    /** Thousands groups: the same separator (comma, space, no-break space, narrow no-break space) between them. */
    private static final Pattern GROUPED =
            Pattern.compile("[1-9]\\d{0,2}(([, \u00A0\u202F])\\d{3})(\\2\\d{3})*(\\.\\d+)?");

    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d+,\\d+");
    private static final Pattern DOTS_THEN_COMMA = Pattern.compile(
            "[1-9]\\d{0,2}([. \u00A0\u202F])\\d{3}(\\1\\d{3})*(,\\d+)?|\\d+([ \u00A0\u202F]\\d{3})*,\\d+");
    private static final Pattern SUFFIXED =
            Pattern.compile("(\\d+(\\.\\d+)?|\\.\\d+)\\s?(k|m|bn)", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXPONENT = Pattern.compile("(\\d+(\\.\\d*)?|\\.\\d+)[eE][+-]?\\d{1,3}");

    private NumberBinder() {}

    /**
     * A field as the message names it.
     *
     * @param name  the form or JSON field ({@code leverage.ETH}, {@code fills[2].size}); the API's 400 body gives it
     * @param label what the reader calls it: a page's label ({@code Leverage (ETH)}), or the name itself in the API
     */
    public record Field(String name, String label) {

        /** An API field: the message names it as the client sent it. */
        public static Field named(String name) {
            return new Field(name, name);
        }

        /** A page's field, named by its label. */
        public static Field labelled(String name, String label) {
            return new Field(name, label);
        }
    }

    /** True when nothing was typed. */
    public static boolean isBlank(String raw) {
        return raw == null || raw.isBlank();
    }

    /** The number typed, or empty when the field was left blank. */
    public static Optional<BigDecimal> optional(Field field, String raw) {
        return isBlank(raw) ? Optional.empty() : Optional.of(decimal(field, raw));
    }

    /** A number, any sign; a blank field is refused as required. */
    public static BigDecimal decimal(Field field, String raw) {
        if (isBlank(raw)) {
            throw refused(field, "is required");
        }
        String text = raw.strip();
        if (text.length() > MAX_LENGTH) {
            throw refused(field, "is too long (at most " + MAX_LENGTH + " characters)");
        }
        if (Text.hasNonAsciiDigit(text)) {
            throw refused(field, "must be written with the digits 0-9, was \"" + echo(text) + "\"");
        }
        boolean negative = text.startsWith("-") || text.startsWith("\u2212");
        String body = negative || text.startsWith("+") ? text.substring(1) : text;
        String digits;
        Matcher grouped = GROUPED.matcher(body);
        if (PLAIN.matcher(body).matches()) {
            digits = body;
        } else if (grouped.matches()) {
            digits = body.replace(grouped.group(2), "");
        } else {
            throw new BadNumberException(
                    field.name(),
                    field.label(),
                    "must be a number such as 1234.5, was \"" + echo(text) + "\"",
                    suggestion(body).map(s -> (negative ? "-" : "") + s));
        }
        BigDecimal value = new BigDecimal(digits);
        value = negative ? value.negate() : value;
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw refused(field, "is too large (at most " + MAX_INTEGER_DIGITS + " digits before the decimal point)");
        }
        if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw refused(field, "has too many decimals (at most " + MAX_DECIMALS + ")");
        }
        return value;
    }

    /** A number greater than zero. */
    public static BigDecimal positive(Field field, String raw) {
        BigDecimal value = decimal(field, raw);
        if (value.signum() <= 0) {
            throw refused(field, "must be greater than zero, was " + value.toPlainString());
        }
        return value;
    }

    /** A number of at least zero. */
    public static BigDecimal nonNegative(Field field, String raw) {
        BigDecimal value = decimal(field, raw);
        if (value.signum() < 0) {
            throw refused(field, "must not be negative, was " + value.toPlainString());
        }
        return value;
    }

    /** A whole number in {@code [min, max]} (grouped digits allowed: {@code 1,000}). */
    public static long whole(Field field, String raw, long min, long max) {
        BigDecimal value = decimal(field, raw);
        BigDecimal whole = value.stripTrailingZeros();
        if (whole.scale() > 0) {
            throw refused(
                    field,
                    "must be a whole number such as " + Math.max(min, Math.min(max, 30)) + ", was \""
                            + echo(raw.strip()) + "\"");
        }
        if (whole.compareTo(BigDecimal.valueOf(min)) < 0 || whole.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw refused(field, "must be between " + min + " and " + max + ", was " + whole.toPlainString());
        }
        return whole.longValueExact();
    }

    /**
     * What an unreadable number most likely means, written the way this binder reads it: a decimal comma
     * ({@code 1,5} → 1.5), dots as thousands separators ({@code 1.234,5} → 1234.5), a thousand or million suffix
     * ({@code 1.5k} → 1500) or an exponent ({@code 1e-4} → 0.0001). Empty when there is none or it breaks the limits.
     */
    static Optional<String> suggestion(String body) {
        String t = body.strip();
        BigDecimal value;
        Matcher suffixed = SUFFIXED.matcher(t);
        if (DECIMAL_COMMA.matcher(t).matches()) {
            value = new BigDecimal(t.replace(',', '.'));
        } else if (DOTS_THEN_COMMA.matcher(t).matches()) {
            value = new BigDecimal(t.replaceAll("[. \u00A0\u202F]", "").replace(',', '.'));
        } else if (suffixed.matches()) {
            int power = switch (suffixed.group(3).toLowerCase(Locale.ROOT)) {
                case "k" -> 3;
                case "m" -> 6;
                default -> 9;
            };
            value = new BigDecimal(suffixed.group(1)).movePointRight(power);
        } else if (EXPONENT.matcher(t).matches()) {
            value = new BigDecimal(t);
        } else {
            return Optional.empty();
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS
                || value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return Optional.empty();
        }
        return Optional.of(value.toPlainString());
    }

    private static BadNumberException refused(Field field, String problem) {
        return new BadNumberException(field.name(), field.label(), problem, Optional.empty());
    }

    /** Typed text as a message repeats it: control characters replaced, at most 24 characters. */
    static String echo(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 24 ? clean : clean.substring(0, 24) + "…";
    }
}
