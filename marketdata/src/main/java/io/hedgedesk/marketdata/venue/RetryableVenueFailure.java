package io.hedgedesk.marketdata.venue;

import io.hedgedesk.domain.market.feed.MarketDataException;
import io.hedgedesk.domain.market.feed.RateLimitedException;
import java.time.Duration;
import java.util.Optional;

/**
 * One attempt's failure that asking again may cure (a rate limit or a server error): the only exception
 * {@link VenueCalls} retries. {@link VenueCall} unwraps the venue's typed error when the retries are spent.
 */
final class RetryableVenueFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient MarketDataException failure;

    RetryableVenueFailure(MarketDataException failure) {
        super(failure.getMessage(), failure, false, false);
        this.failure = failure;
    }

    MarketDataException failure() {
        return failure;
    }

    /** The pause the venue asked for ({@code Retry-After}), if it did. */
    Optional<Duration> retryAfter() {
        return failure instanceof RateLimitedException limited ? limited.retryAfter() : Optional.empty();
    }
}
