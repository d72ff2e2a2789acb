package io.hedgedesk.pricing.hedge;

/** The side of an order as venues word it. A hedge of a long bag is opened, and increased, by SELL orders. */
public enum OrderSide {
  BUY,
  SELL
}
