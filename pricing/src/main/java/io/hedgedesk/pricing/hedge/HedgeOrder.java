package io.hedgedesk.pricing.hedge;

import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order as the venue takes it, e.g. {@code SELL 175000 ETHUSD}.
 *
 * @param side   the direction the order trades: {@link Side#SHORT} sells (opens or increases a short hedge),
 *               {@link Side#LONG} buys
 * @param size   in the venue's order unit: contracts for inverse, quantity units (coins × contract size) for linear;
 *               a whole number of quantity steps, at least 0 (0 = nothing to trade)
 * @param symbol the venue's symbol, e.g. {@code ETHUSD}, {@code ETHUSD_PERP}, {@code ETHUSDT}
 */
public record HedgeOrder(Side side, BigDecimal size, String symbol) {

    public HedgeOrder {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(symbol, "symbol");
        if (size.signum() < 0) {
            throw new HedgeSizingException("order size must not be negative, was " + size.toPlainString());
        }
    }

    /** True when there is nothing to trade. */
    public boolean isEmpty() {
        return size.signum() == 0;
    }

    /** The order's side as venues word it: "SELL" for {@link Side#SHORT}, "BUY" for {@link Side#LONG}. */
    public String venueSide() {
        return side.openingOrder();
    }

    /** {@code "SELL 175000 ETHUSD"}: venue side, plain size without trailing zeros, symbol. */
    @Override
    public String toString() {
        return venueSide() + " " + size.stripTrailingZeros().toPlainString() + " " + symbol;
    }
}
