package io.hedgedesk.marketdata.venue;

import io.hedgedesk.domain.market.feed.VenueTimeoutException;
import io.hedgedesk.domain.market.feed.VenueUnavailableException;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.CustomBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Every venue request goes through {@link #get}, guarded by SmallRye Fault Tolerance:
 *
 * <ul>
 *   <li>{@code @Timeout}: an attempt (connect, answer and body) gives up after 15 s, above the REST client's own
 *       connect (3 s) and read (10 s) time-outs, which normally end a silent venue first;</li>
 *   <li>{@code @Retry}: rate limits and server errors ({@link RetryableVenueFailure}) are asked again, 3 attempts in
 *       all, after the pauses of {@link VenueBackoff}; refusals, malformed answers, time-outs and an unreachable host
 *       fail at once;</li>
 *   <li>{@code @CircuitBreaker}: when at least 6 of the last 8 attempts (the breaker sits inside the retries, so a call
 *       retried twice counts three times) failed with the venue unavailable, timed out or rate limited, calls fail at
 *       once for 60 s without reaching the venue, then one trial call decides whether to close the breaker again. A
 *       refusal (unknown symbol) or a malformed answer does not count.</li>
 * </ul>
 *
 * Each can be changed without a build, by the Fault Tolerance keys
 * {@code quarkus.fault-tolerance."io.hedgedesk.marketdata.venue.VenueCalls/get".retry.max-retries} and the like.
 */
@ApplicationScoped
public class VenueCalls {

    /** The name under which the breaker's state can be read or reset ({@code CircuitBreakerMaintenance}). */
    public static final String BREAKER = "venue-calls";

    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 2,
            delay = 1,
            delayUnit = ChronoUnit.SECONDS,
            jitter = 0,
            maxDuration = 5,
            durationUnit = ChronoUnit.MINUTES,
            retryOn = RetryableVenueFailure.class)
    @CustomBackoff(VenueBackoff.class)
    @CircuitBreaker(
            requestVolumeThreshold = 8,
            failureRatio = 0.75,
            delay = 60,
            delayUnit = ChronoUnit.SECONDS,
            failOn = {
                RetryableVenueFailure.class,
                VenueTimeoutException.class,
                VenueUnavailableException.class,
                TimeoutException.class
            })
    @CircuitBreakerName(BREAKER)
    public String get(VenueCall call, String what, Supplier<Response> request) {
        return call.attempt(what, request);
    }
}
