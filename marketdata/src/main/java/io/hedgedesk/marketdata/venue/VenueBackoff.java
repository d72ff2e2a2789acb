package io.hedgedesk.marketdata.venue;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * The pauses between attempts of a venue call: the venue's own {@code Retry-After} when it sent one (a longer one
 * than {@code hedgedesk.market.retry.max-retry-after} never gets here: that answer is not retried), else exponential
 * back-off, {@code pause(n) = initial · 2^(n−1)} before retry {@code n} (1-based), capped at {@link #MAX_PAUSE_MILLIS}.
 * With the configured initial pause of 1 s: 1 s, 2 s, 4 s, 8 s, 8 s … Fault Tolerance makes one instance per call.
 */
public final class VenueBackoff implements CustomBackoffStrategy {

    /** The longest pause of the exponential back-off, in milliseconds. */
    static final long MAX_PAUSE_MILLIS = 8_000;

    private long initialMillis;
    private int retries;

    @Override
    public void init(long initialDelayInMillis) {
        this.initialMillis = initialDelayInMillis;
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        retries++;
        if (cause instanceof RetryableVenueFailure failure
                && failure.retryAfter().isPresent()) {
            return failure.retryAfter().get().toMillis();
        }
        long pause = initialMillis;
        for (int i = 1; i < retries && pause < MAX_PAUSE_MILLIS; i++) {
            pause *= 2;
        }
        return Math.min(pause, MAX_PAUSE_MILLIS);
    }
}
