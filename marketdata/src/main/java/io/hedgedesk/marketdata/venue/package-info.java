/**
 * Adapters of the market-data port ({@link io.hedgedesk.domain.market.feed.MarketDataSource}): Bybit v5, Binance
 * COIN-M and the offline store, chosen by {@code hedgedesk.market.source}. Per venue: a REST Client interface (the raw
 * calls), a pure payload conversion class tested on the documented examples, and an error table translating the
 * venue's codes to the typed errors. {@link io.hedgedesk.marketdata.venue.VenueCalls} adds time-outs, bounded retries
 * and a circuit breaker (SmallRye Fault Tolerance).
 *
 * <p>Only the scheduler and the backfill call these; pages read the database.
 */
package io.hedgedesk.marketdata.venue;
