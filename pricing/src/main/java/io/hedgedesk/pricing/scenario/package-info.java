/**
 * Scenario tables for hedged holdings (domain.md §7): for shocks of the hedge asset, the spot (and proxy basket) PnL,
 * the perpetual's exact PnL, funding over the horizon, fees, net PnL, margin balance and whether the hedge is
 * liquidated. See {@link io.hedgedesk.pricing.scenario.ScenarioCalculator} for the model and its assumptions.
 *
 * <p><b>Signs.</b> PnL and funding are positive for a gain to the user; fees positive when paid.
 */
package io.hedgedesk.pricing.scenario;
