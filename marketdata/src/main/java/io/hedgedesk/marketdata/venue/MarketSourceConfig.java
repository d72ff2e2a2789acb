package io.hedgedesk.marketdata.venue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/**
 * {@code hedgedesk.market.*}: which source serves live market data and how venues are reached. The values set in the
 * web application's {@code application.properties} (with the environment variables that override them) have their
 * defaults there.
 */
@ConfigMapping(prefix = "hedgedesk.market")
public interface MarketSourceConfig {

    /** The sources to choose from. */
    enum Source {
        OFFLINE,
        BYBIT,
        BINANCE
    }

    /** {@code offline} (serve the database, call nothing), {@code bybit} or {@code binance}. */
    Source source();

    Venue bybit();

    Venue binance();

    /** Time allowed to open a connection to a venue. */
    Duration connectTimeout();

    /** Time allowed for a venue's answer. */
    Duration readTimeout();

    Retry retry();

    Refresh refresh();

    /** A venue's address. */
    interface Venue {
        URI baseUrl();
    }

    /** Retries on rate limits and server errors; how many and how far apart is {@link VenueCalls}'s. */
    interface Retry {
        /** The longest {@code Retry-After} waited for; longer ones end the retries. */
        @WithDefault("30s")
        Duration maxRetryAfter();
    }

    /** The refresh of marks and funding for the contracts of open hedges (not scheduled when offline). */
    interface Refresh {
        /** e.g. {@code 5m}, {@code 30s}. */
        String every();
    }
}
