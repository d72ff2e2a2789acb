/**
 * Reconciliation of what an exchange paid against what the stored market data says it should have paid: funding at
 * each settlement of a contract, and realized PnL of each close. Stateless and framework-free.
 */
package io.hedgedesk.pricing.reconcile;
