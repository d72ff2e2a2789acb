package io.hedgedesk.marketdata.venue;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one venue. Retries, the time-out of a whole attempt and the circuit breaker are {@link VenueCalls}'s.
 *
 * @param baseUri        e.g. {@code https://api.bybit.com}
 * @param connectTimeout time allowed to open the connection
 * @param readTimeout    time allowed for the answer
 * @param maxRetryAfter  the longest {@code Retry-After} waited for; a venue asking for more ends the retries
 */
public record VenueSettings(URI baseUri, Duration connectTimeout, Duration readTimeout, Duration maxRetryAfter) {

    public VenueSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }
}
