/**
 * Keeping stored market data current from the configured source: the scheduled refresh of marks and funding for the
 * contracts of open hedges ({@link io.hedgedesk.marketdata.refresh.MarketRefreshJob}, not scheduled when the source
 * is offline) and history backfills on request ({@code /market/backfill}), run in the background with progress.
 * Pages only read the database and in-memory progress; venue calls happen on the scheduler's and backfill's threads.
 */
package io.hedgedesk.marketdata.refresh;
