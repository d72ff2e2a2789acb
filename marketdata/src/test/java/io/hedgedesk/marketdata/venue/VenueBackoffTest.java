package io.hedgedesk.marketdata.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.market.feed.RateLimitedException;
import io.hedgedesk.domain.market.feed.VenueUnavailableException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VenueBackoffTest {

    private static final RetryableVenueFailure SERVER_ERROR =
            new RetryableVenueFailure(new VenueUnavailableException("Bybit v5", "HTTP 503", true, null));

    /** initial 1 s · 2^(n − 1): 1, 2, 4, 8, then capped at 8 s. */
    @Test
    void backOffDoublesUpToTheCap() {
        VenueBackoff backoff = new VenueBackoff();
        backoff.init(1_000);

        assertThat(backoff.nextDelayInMillis(SERVER_ERROR)).isEqualTo(1_000);
        assertThat(backoff.nextDelayInMillis(SERVER_ERROR)).isEqualTo(2_000);
        assertThat(backoff.nextDelayInMillis(SERVER_ERROR)).isEqualTo(4_000);
        assertThat(backoff.nextDelayInMillis(SERVER_ERROR)).isEqualTo(8_000);
        assertThat(backoff.nextDelayInMillis(SERVER_ERROR)).isEqualTo(8_000);
    }

    @Test
    void theVenuesRetryAfterIsTheNextPause() {
        VenueBackoff backoff = new VenueBackoff();
        backoff.init(1_000);
        RetryableVenueFailure limited = new RetryableVenueFailure(
                new RateLimitedException("Bybit v5", "HTTP 429", Optional.of(Duration.ofSeconds(12))));

        assertThat(backoff.nextDelayInMillis(limited)).isEqualTo(12_000);
        // the back-off counts that retry: the next one without Retry-After is the second, 2 s
        assertThat(backoff.nextDelayInMillis(SERVER_ERROR)).isEqualTo(2_000);
    }

    @Test
    void retryAfterHeaderInSeconds() {
        assertThat(VenueCall.retryAfter("7")).contains(Duration.ofSeconds(7));
        assertThat(VenueCall.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEmpty();
        assertThat(VenueCall.retryAfter(null)).isEmpty();
    }
}
