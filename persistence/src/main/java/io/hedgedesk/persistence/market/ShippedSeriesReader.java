package io.hedgedesk.persistence.market;

import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.PriceSeries;

/**
 * Reads a shipped file's text into its series for {@link ShippedMarketDataLoader}, which stores it. The market-data
 * module's CSV reader is the application's bean; reading files is not this module's job.
 */
public interface ShippedSeriesReader {

    /** The daily closes of {@code file} ({@code date,close}), under its series and source. */
    PriceSeries prices(ShippedMarketDataFile file, String text);

    /** The funding settlements of {@code file} ({@code time,rate}), under its series and source. */
    FundingRateSeries funding(ShippedMarketDataFile file, String text);
}
