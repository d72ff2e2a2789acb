/**
 * The hedge ledger's rules: a position, an action and the instrument in; the new position and the ledger entries
 * to append out. Stateless: storing, access checks and audit are the caller's.
 *
 * <p><b>Signs and units.</b> Sizes are positive magnitudes (contracts for inverse, quantity units for linear);
 * {@link io.hedgedesk.domain.instrument.Side} gives the direction. Every cash amount is in the instrument's
 * settlement asset (the coin for inverse, USDT for linear). An entry's cash change is the signed change of the
 * account balance at the venue: {@code + realized PnL − fee + funding + margin in − margin out}. A fee is positive
 * when paid, negative for a rebate; funding is positive when received. USD amounts are the settlement amount times
 * the USD price of one unit of the settlement asset at the time.
 *
 * <p><b>Errors.</b> A rule violation is an {@link io.hedgedesk.domain.hedge.InvalidHedgeException} naming the form
 * field it concerns. Nothing is rounded.
 */
package io.hedgedesk.pricing.ledger;
