package io.hedgedesk.domain.hedge;

/** The kinds of entries in a hedge's append-only ledger. */
public enum HedgeEventType {
    /** The position was opened: quantity at price. */
    OPEN,
    /** Added to the position (same side): quantity at price; entry re-averaged. */
    INCREASE,
    /** Part of the position closed: quantity at price, realized PnL. */
    REDUCE,
    /** The rest of the position closed: quantity at price, realized PnL. */
    CLOSE,
    /** A funding settlement received (positive amount) or paid (negative). */
    FUNDING,
    /** A trading or other fee paid (recorded as a negative cash change). */
    FEE,
    /** Margin moved into the position's account. */
    MARGIN_IN,
    /** Margin moved out of the position's account. */
    MARGIN_OUT,
    /** A note, or a correction of an earlier event (then it references it). */
    NOTE,
    /** "Recorded by mistake": the event it references, or without a reference the whole hedge, counts nowhere. */
    VOID;

    /** True for the events that trade the position (quantity and price). */
    public boolean isTrade() {
        return this == OPEN || this == INCREASE || this == REDUCE || this == CLOSE;
    }
}
