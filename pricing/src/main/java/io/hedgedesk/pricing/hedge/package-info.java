/**
 * Sizing same-coin hedges of spot holdings with perpetual shorts (domain.md §4): contracts or quantity for a target
 * coverage, the margin's own exposure (out of the bag, extra coin, stablecoin), residuals after rounding to whole
 * quantity steps, and the coverage drift of an existing hedge with the order that restores it.
 *
 * <p><b>Signs.</b> Holdings are long, hedges short. Exposure, notional and hedged amounts are positive magnitudes; a
 * residual is {@code exposure − hedged}, positive when part of the bag is unhedged (net long). In a
 * {@link io.hedgedesk.pricing.hedge.CoverageCheck} deltas are signed (the short's is negative).
 *
 * <p><b>Numbers.</b> {@link java.math.BigDecimal} throughout, divisions in {@link java.math.MathContext#DECIMAL128};
 * only order sizes are rounded (to whole quantity steps, {@link java.math.RoundingMode#HALF_UP}).
 */
package io.hedgedesk.pricing.hedge;
