package io.hedgedesk.web.support;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target coverage as people type it, in percent ("100", "80 %", "80%"), turned into the fraction the number binder
 * and the pricing engine read ("1", "0.8"). Links written before the fields took percent, the API and the tests give
 * the fraction ("1", "0.8"): a bare number of at most 2 is that fraction, since a target of 2 % or less is no hedge
 * anyone plans and 2 (200 %) is the largest fraction accepted. A number with a % sign, or above 2, is percent.
 * Anything else is handed on as typed, so that the binder names the field and the mistake in its usual words.
 */
public final class CoverageInput {

    private static final Pattern NUMBER = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(%?)\\s*");
    private static final BigDecimal LARGEST_FRACTION = BigDecimal.valueOf(2);

    private CoverageInput() {}

    /** The fraction to bind: "100" → "1", "80 %" → "0.8", "0.8" → "0.8", "1" → "1", "abc" → "abc". */
    public static String fraction(String typed) {
        if (typed == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(typed);
        if (!m.matches()) {
            return typed;
        }
        BigDecimal value = new BigDecimal(m.group(1));
        boolean percent = !m.group(2).isEmpty() || value.compareTo(LARGEST_FRACTION) > 0;
        return percent ? value.movePointLeft(2).stripTrailingZeros().toPlainString() : typed.strip();
    }
}
