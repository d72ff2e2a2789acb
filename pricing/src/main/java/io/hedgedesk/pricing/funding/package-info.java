/**
 * Funding statistics and projection for perpetual contracts, from historical funding-rate series.
 *
 * <p><b>Sign conventions.</b> A funding rate, and any sum of rates in "market convention", is positive when
 * <b>longs pay shorts</b>. Results "to the holder" are signed for a chosen {@link io.hedgedesk.domain.instrument.Side}:
 * positive = income to the position holder, negative = cost. A SHORT hedge therefore receives funding when rates
 * are positive.
 *
 * <p><b>Intervals.</b> The funding interval is never assumed (8 h is common, not universal): it is measured from
 * the settlement timestamps of the chosen history window.
 *
 * <p>All amounts are {@link java.math.BigDecimal}; rate sums are exact, divisions use
 * {@link java.math.MathContext#DECIMAL128}; nothing is rounded here (rounding is a display decision).
 */
package io.hedgedesk.pricing.funding;
