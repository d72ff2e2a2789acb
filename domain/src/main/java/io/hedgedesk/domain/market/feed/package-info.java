/**
 * The market-data port: one venue-neutral interface ({@link io.hedgedesk.domain.market.feed.MarketDataSource}) that
 * every source of live marks, funding and daily closes implements (Bybit v5, Binance COIN-M, the offline store), and
 * the typed errors a source reports. The latest tick is {@link io.hedgedesk.domain.market.MarketTick}; history comes
 * as {@link io.hedgedesk.domain.market.FundingRate} and {@link io.hedgedesk.domain.market.PricePoint} pages.
 *
 * <p>Plain Java: adapters live in the web module.
 */
package io.hedgedesk.domain.market.feed;
