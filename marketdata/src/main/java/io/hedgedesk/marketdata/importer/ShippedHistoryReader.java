package io.hedgedesk.marketdata.importer;

import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.persistence.market.ShippedMarketDataFile;
import io.hedgedesk.persistence.market.ShippedSeriesReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** The shipped history is read by {@link MarketCsv}, the reader of every market-history file. */
@ApplicationScoped
public class ShippedHistoryReader implements ShippedSeriesReader {

    private final Clock clock;

    public ShippedHistoryReader(Clock clock) {
        this.clock = clock;
    }

    @Override
    public PriceSeries prices(ShippedMarketDataFile file, String text) {
        return MarketCsv.readPrices(text, file.resource(), file.series(), file.source(), clock.instant());
    }

    @Override
    public FundingRateSeries funding(ShippedMarketDataFile file, String text) {
        return MarketCsv.readFunding(text, file.resource(), file.series(), file.source(), clock.instant());
    }
}
