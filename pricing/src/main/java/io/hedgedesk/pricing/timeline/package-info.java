/**
 * Series over time for the pages' pictures: a portfolio's value with and without its open hedges, and a hedge's PnL,
 * funding (expected and recorded) and coverage, at each stored daily close. Stateless and framework-free.
 */
package io.hedgedesk.pricing.timeline;
