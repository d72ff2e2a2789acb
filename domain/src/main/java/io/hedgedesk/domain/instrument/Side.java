package io.hedgedesk.domain.instrument;

import java.math.BigDecimal;

/**
 * Direction of a futures position, of the order that trades it ({@link #SHORT} for a sell, {@link #LONG} for a buy:
 * {@link #openingOrder()}) and of the holder funding is reported to. A hedge of a long spot holding is a
 * {@link #SHORT}, opened and increased by SELL orders.
 */
public enum Side {
    LONG,
    SHORT;

    /** {@code +1} for LONG, {@code -1} for SHORT: the sign of the position's delta to the price. */
    public int sign() {
        return this == LONG ? 1 : -1;
    }

    /** The other side. */
    public Side opposite() {
        return this == LONG ? SHORT : LONG;
    }

    /** The order that opens (or increases) a position of this side as venues word it: "BUY" or "SELL". */
    public String openingOrder() {
        return this == LONG ? "BUY" : "SELL";
    }

    /**
     * A funding rate (or a sum of rates) from market convention to this holder's view. Market convention: a positive
     * rate means longs pay shorts. Holder's view: positive = income to this side. SHORT keeps the sign, LONG negates
     * it: {@code toHolder = −sign() × marketRate}.
     */
    public BigDecimal fundingToHolder(BigDecimal marketRate) {
        return this == SHORT ? marketRate : marketRate.negate();
    }
}
