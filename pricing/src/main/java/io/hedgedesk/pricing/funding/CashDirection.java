package io.hedgedesk.pricing.funding;

import java.math.BigDecimal;

/** Funding cash in words, from the holder's point of view. */
public enum CashDirection {
    INCOME("income"),
    COST("cost"),
    NONE("none");

    private final String word;

    CashDirection(String word) {
        this.word = word;
    }

    /** "income", "cost" or "none". */
    public String word() {
        return word;
    }

    /** INCOME for a positive amount, COST for a negative one, NONE for zero. */
    public static CashDirection of(BigDecimal holderAmount) {
        int sign = holderAmount.signum();
        return sign > 0 ? INCOME : sign < 0 ? COST : NONE;
    }
}
