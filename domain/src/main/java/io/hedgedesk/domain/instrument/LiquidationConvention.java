package io.hedgedesk.domain.instrument;

/**
 * How a venue measures maintenance margin for isolated liquidation. See the contract catalog README for which venue
 * uses which, and the pricers for the formulas.
 */
public enum LiquidationConvention {
    /**
     * Maintenance measured on the position value at entry, no maintenance amount, no fees (Bybit classic, BitMEX):
     * inverse long {@code LP = E·L / (L + 1 − MMR·L)}, short {@code LP = E·L / (L − 1 + MMR·L)}; linear long
     * {@code E·(1 − 1/L + MMR)}, short {@code E·(1 + 1/L − MMR)}.
     */
    MAINTENANCE_ON_ENTRY_VALUE,
    /**
     * Maintenance measured on the position value at the liquidation price, minus the tier's maintenance amount
     * ({@code MM = N·MMR − amount}; Binance, Bybit UTA, Deribit, OKX). The tier is the one the notional at the
     * liquidation price falls in.
     */
    MAINTENANCE_ON_MARK_VALUE
}
