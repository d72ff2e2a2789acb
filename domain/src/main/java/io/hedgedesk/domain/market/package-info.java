/**
 * Historical market data: daily close series of an asset and funding-rate series of a perpetual contract,
 * their validation, slicing and alignment, and a strict CSV reader for the {@code date,close} and
 * {@code time,rate} formats.
 *
 * <p>Assets and contracts are identified by plain strings (symbol, contract id); this package holds data only,
 * no statistics.
 */
package io.hedgedesk.domain.market;
