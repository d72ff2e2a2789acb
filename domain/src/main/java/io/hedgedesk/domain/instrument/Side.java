package io.hedgedesk.domain.instrument;

/** Direction of a futures position. A hedge of a long spot holding is a {@link #SHORT}. */
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
}
