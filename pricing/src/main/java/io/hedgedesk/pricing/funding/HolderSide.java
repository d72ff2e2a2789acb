package io.hedgedesk.pricing.funding;

import java.math.BigDecimal;

/**
 * The side of the perpetual position whose funding is reported. Funding sign convention: a positive rate means
 * longs pay shorts, so a SHORT receives funding when the rate is positive and a LONG pays it.
 */
public enum HolderSide {
  /** Pays funding when the rate is positive, receives it when negative. */
  LONG,
  /** Receives funding when the rate is positive, pays it when negative (the usual hedge). */
  SHORT;

  /**
   * Converts a rate (or sum of rates) from market convention (positive = longs pay shorts) to the holder's
   * view (positive = income to this side): SHORT keeps the sign, LONG negates it.
   */
  public BigDecimal toHolder(BigDecimal marketRate) {
    return this == SHORT ? marketRate : marketRate.negate();
  }
}
