/**
 * A hedge policy replayed over stored daily closes and funding settlements ({@link
 * io.hedgedesk.pricing.backtest.BacktestEngine}), a real hedge graded from its ledger ({@link
 * io.hedgedesk.pricing.backtest.HedgeGrader}), and the measures both report ({@link
 * io.hedgedesk.pricing.backtest.BacktestMeasures}).
 *
 * <p><b>Signs.</b> Equity, PnL and funding are positive for a gain to the holder (funding: a positive rate means longs
 * pay shorts, so a short hedge receives it); fees and the cost of carry are positive when paid. Money is
 * {@link java.math.BigDecimal} (DECIMAL128, never rounded here); ratios of variances and drawdowns are
 * {@code double} statistics.
 */
package io.hedgedesk.pricing.backtest;
