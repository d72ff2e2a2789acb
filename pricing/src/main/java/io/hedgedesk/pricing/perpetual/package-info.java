/**
 * Stateless pricers for perpetual futures positions, inverse ({@link
 * io.hedgedesk.pricing.perpetual.InversePerpetualPricer}) and linear ({@link
 * io.hedgedesk.pricing.perpetual.LinearPerpetualPricer}) behind {@link io.hedgedesk.pricing.perpetual.PerpetualPricer}:
 * notional, PnL, averaging and partial closes, fees, initial and tiered maintenance margin, isolated liquidation and
 * bankruptcy prices in both {@link io.hedgedesk.domain.instrument.LiquidationConvention}s.
 *
 * <p>A {@link io.hedgedesk.pricing.perpetual.Position} is what was traded (instrument, side, unsigned size, entry,
 * leverage); prices are arguments. PnL is positive for a profit to the holder, fees positive when paid. Nothing is
 * rounded: every division uses {@link java.math.MathContext#DECIMAL128}.
 */
package io.hedgedesk.pricing.perpetual;
