package io.hedgedesk.marketdata.statement;

/** What a statement row records. */
public enum RowKind {
    /** A fill (open, increase, reduce or close). */
    TRADE,
    /** A funding settlement. */
    FUNDING,
    /** A trading fee booked on a row of its own. */
    FEE,
    /** Realized PnL booked on a row of its own. */
    REALIZED_PNL,
    /** Coins or USDT moved into the derivatives account. */
    TRANSFER_IN,
    /** Coins or USDT moved out of the derivatives account. */
    TRANSFER_OUT,
    /** A closed position's summary (Bybit Closed P&amp;L). */
    CLOSED_POSITION,
    /** A liquidation fill. */
    LIQUIDATION,
    /** Anything else the file holds (bonuses, conversions…): shown, never imported. */
    OTHER
}
