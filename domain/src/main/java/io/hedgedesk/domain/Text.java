package io.hedgedesk.domain;

/**
 * Checks on free text typed by users. Control characters have no place in names or notes, and PostgreSQL refuses
 * U+0000 in text outright: left unchecked, one such character turns a form post into a server error.
 */
public final class Text {

    private Text() {}

    /**
     * What a person is told when a number has digits of another script: {@code １２３} (full-width) or {@code ٣}
     * (Arabic-Indic) are digits to Java's number parsers, which would store them as 123 and 3 unnoticed.
     */
    public static final String ASCII_DIGITS_ONLY = "Write numbers with the digits 0-9.";

    /** True if {@code text} has a digit other than the ASCII 0-9 (any Unicode decimal digit, full-width included). */
    public static boolean hasNonAsciiDigit(String text) {
        return text.codePoints().anyMatch(c -> Character.isDigit(c) && (c < '0' || c > '9'));
    }

    /** True if {@code text} has a control character; tab, CR and LF are allowed only when {@code multiLine}. */
    public static boolean hasControlCharacters(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }
}
