/**
 * Scenario tables for hedged holdings (domain.md §7): for shocks of the hedge asset, the spot (and proxy basket) PnL,
 * the perpetual's exact PnL, funding over the horizon, fees, net PnL, margin balance and whether the hedge is
 * liquidated. See {@link io.hedgedesk.pricing.scenario.ScenarioCalculator} for the model and its assumptions.
 *
 * <p><b>Tails.</b> No price goes to zero or below (shocks are above −100 %); a proxy basket moves by
 * {@code (1 + s)^β − 1} and never loses more than its value; a liquidated hedge loses its isolated margin (plus the fee
 * to open) and no more, and the rest of the move is unhedged; a margin balance is never negative.
 *
 * <p><b>Signs.</b> PnL and funding are positive for a gain to the user; fees positive when paid.
 */
package io.hedgedesk.pricing.scenario;
