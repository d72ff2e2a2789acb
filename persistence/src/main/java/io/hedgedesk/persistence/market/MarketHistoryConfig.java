package io.hedgedesk.persistence.market;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * The stored market history's settings: {@code hedgedesk.history-cache-ttl} and {@code hedgedesk.market-data.*}. Their
 * values (and the environment variables that override them) are set by the application's
 * {@code application.properties}; the web application maps the rest of {@code hedgedesk.*}.
 */
@ConfigMapping(prefix = "hedgedesk")
public interface MarketHistoryConfig {

    /** Whole price and funding series are kept in memory this long; {@code 0s} turns the cache off. */
    Duration historyCacheTtl();

    MarketData marketData();

    /** The market history shipped in the jar. */
    interface MarketData {
        /** Load it at start-up. */
        boolean loadShipped();
    }
}
