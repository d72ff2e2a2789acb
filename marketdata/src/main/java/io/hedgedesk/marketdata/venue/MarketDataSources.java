package io.hedgedesk.marketdata.venue;

import io.hedgedesk.domain.market.feed.MarketDataSource;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.market.MarketTickRepository;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Produces the market-data source {@code hedgedesk.market.source} names. */
@ApplicationScoped
public class MarketDataSources {

    private static final Logger LOG = Logger.getLogger(MarketDataSources.class);

    @Produces
    @Singleton
    MarketDataSource source(
            MarketSourceConfig config,
            Clock clock,
            VenueCalls calls,
            MarketTickRepository ticks,
            FundingHistoryRepository funding,
            PriceHistoryRepository prices) {
        MarketDataSource source = switch (config.source()) {
            case OFFLINE -> new OfflineSource(ticks, funding, prices);
            case BYBIT -> new BybitSource(settings(config, config.bybit().baseUrl()), clock, calls);
            case BINANCE ->
                new BinanceCoinMSource(settings(config, config.binance().baseUrl()), clock, calls);
        };
        LOG.infof("market data source: %s", source.name());
        return source;
    }

    /** The venue settings of {@code config} for a venue at {@code baseUrl}. */
    public static VenueSettings settings(MarketSourceConfig config, URI baseUrl) {
        return new VenueSettings(
                baseUrl,
                config.connectTimeout(),
                config.readTimeout(),
                config.retry().maxRetryAfter());
    }
}
