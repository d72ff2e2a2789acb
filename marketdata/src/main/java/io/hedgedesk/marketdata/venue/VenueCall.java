package io.hedgedesk.marketdata.venue;

import io.hedgedesk.domain.market.feed.MarketDataException;
import io.hedgedesk.domain.market.feed.RateLimitedException;
import io.hedgedesk.domain.market.feed.VenueTimeoutException;
import io.hedgedesk.domain.market.feed.VenueUnavailableException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * One venue's requests with its error table: each attempt's answer becomes the body or the venue's typed error;
 * {@link VenueCalls} retries, times out and breaks the circuit, and what it gives up with is turned back into the typed
 * error here.
 */
final class VenueCall {

    /** Translates a venue answer into its typed error; empty when the answer is a success. */
    @FunctionalInterface
    interface ErrorTable {
        Optional<MarketDataException> error(int status, String body, Optional<Duration> retryAfter, String what);
    }

    private static final Logger LOG = Logger.getLogger(VenueCall.class);

    private final String venue;
    private final VenueSettings settings;
    private final ErrorTable errors;
    private final VenueCalls calls;

    VenueCall(String venue, VenueSettings settings, ErrorTable errors, VenueCalls calls) {
        this.venue = venue;
        this.settings = settings;
        this.errors = errors;
        this.calls = calls;
    }

    /** Runs {@code request} until it succeeds or fails for good; returns the body of the successful answer. */
    String get(String what, Supplier<Response> request) {
        try {
            return calls.get(this, what, request);
        } catch (RetryableVenueFailure e) {
            LOG.warnf(
                    "%s: %s failed after its retries: %s",
                    venue, what, e.failure().getMessage());
            throw e.failure();
        } catch (TimeoutException e) {
            throw new VenueTimeoutException(venue, what + " timed out (the whole attempt)", e);
        } catch (CircuitBreakerOpenException e) {
            throw new VenueUnavailableException(
                    venue, what + " not asked: " + venue + " failed repeatedly, calls pause for a minute", false, e);
        }
    }

    /**
     * One attempt: the answer's body, or its typed error — wrapped in {@link RetryableVenueFailure} when asking again
     * may cure it and the venue's {@code Retry-After} (if any) is within {@link VenueSettings#maxRetryAfter()}.
     */
    String attempt(String what, Supplier<Response> request) {
        MarketDataException failure;
        try (Response response = request.get()) {
            String read = response.hasEntity() ? response.readEntity(String.class) : "";
            String body = read == null ? "" : read;
            Optional<Duration> retryAfter = retryAfter(response.getHeaderString("Retry-After"));
            Optional<MarketDataException> error = errors.error(response.getStatus(), body, retryAfter, what);
            if (error.isEmpty()) {
                return body;
            }
            failure = error.get();
        } catch (MarketDataException e) {
            failure = e;
        } catch (RuntimeException e) {
            if (isTimeout(e)) {
                throw new VenueTimeoutException(
                        venue,
                        what + " timed out (connect " + settings.connectTimeout() + ", read " + settings.readTimeout()
                                + ")",
                        e);
            }
            throw new VenueUnavailableException(
                    venue, what + " could not reach " + settings.baseUri() + ": " + rootMessage(e), false, e);
        }
        boolean waitable = !(failure instanceof RateLimitedException limited)
                || limited.retryAfter()
                        .map(pause -> pause.compareTo(settings.maxRetryAfter()) <= 0)
                        .orElse(true);
        if (failure.retryable() && waitable) {
            LOG.infof("%s: %s attempt failed (%s)", venue, what, failure.getMessage());
            throw new RetryableVenueFailure(failure);
        }
        throw failure;
    }

    /** {@code Retry-After} in seconds (the form Binance and Bybit send); the HTTP-date form is ignored. */
    static Optional<Duration> retryAfter(String header) {
        if (header == null || !header.strip().matches("\\d{1,6}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().contains("Timeout")
                    || (t.getMessage() != null && t.getMessage().contains("timeout period"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
