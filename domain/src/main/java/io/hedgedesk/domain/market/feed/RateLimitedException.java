package io.hedgedesk.domain.market.feed;

import java.time.Duration;
import java.util.Optional;

/** The venue refused because of its rate limit (HTTP 429/418, Bybit retCode 10006, HTTP 403 "too frequent"). */
public class RateLimitedException extends MarketDataException {

    private static final long serialVersionUID = 1L;

    private final transient Optional<Duration> retryAfter;

    public RateLimitedException(String venue, String message, Optional<Duration> retryAfter) {
        super(venue, message, null);
        this.retryAfter = retryAfter;
    }

    /** The pause the venue asked for (HTTP {@code Retry-After}), if it said. */
    public Optional<Duration> retryAfter() {
        return retryAfter == null ? Optional.empty() : retryAfter;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
