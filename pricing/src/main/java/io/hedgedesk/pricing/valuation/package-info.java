/**
 * Valuation of open hedges against the holdings they insure: one exposure model (each coin counted once), coverage
 * per asset over all open hedges of a portfolio, unrealized PnL at one price per asset, liquidation and close-target
 * distances, and typed alerts. Stateless and framework-free; callers load the inputs and render the outputs.
 */
package io.hedgedesk.pricing.valuation;
