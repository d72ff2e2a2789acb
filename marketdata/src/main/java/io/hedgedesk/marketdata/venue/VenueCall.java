package io.hedgedesk.marketdata.venue;

import io.hedgedesk.domain.market.feed.MarketDataException;
import io.hedgedesk.domain.market.feed.RateLimitedException;
import io.hedgedesk.domain.market.feed.VenueTimeoutException;
import io.hedgedesk.domain.market.feed.VenueUnavailableException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One venue request with the venue's error table, time-outs (set on the REST client) and bounded retries: rate limits
 * and server errors are retried after a pause ({@link RetryPolicy}); everything else fails at once.
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

  VenueCall(String venue, VenueSettings settings, ErrorTable errors) {
    this.venue = venue;
    this.settings = settings;
    this.errors = errors;
  }

  /** Runs {@code request} until it succeeds or fails for good; returns the body of the successful answer. */
  String get(String what, Supplier<Response> request) {
    RetryPolicy retry = settings.retry();
    for (int attempt = 1; ; attempt++) {
      Outcome outcome = attempt(what, request);
      if (outcome.failure() == null) {
        return outcome.body();
      }
      MarketDataException failure = outcome.failure();
      Optional<Duration> retryAfter = failure instanceof RateLimitedException limited ? limited.retryAfter()
          : Optional.empty();
      Optional<Duration> pause = failure.retryable() && attempt < retry.maxAttempts()
          ? retry.pauseAfter(attempt, retryAfter) : Optional.empty();
      if (pause.isEmpty()) {
        if (failure.retryable()) {
          LOG.warnf("%s: %s failed after %d attempt(s): %s", venue, what, attempt, failure.getMessage());
        }
        throw failure;
      }
      LOG.infof("%s: %s attempt %d failed (%s); retrying in %s", venue, what, attempt, failure.getMessage(),
          pause.get());
      try {
        settings.sleeper().sleep(pause.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure;
      }
    }
  }

  /** A successful body or the typed failure of one attempt. */
  private record Outcome(String body, MarketDataException failure) {
  }

  private Outcome attempt(String what, Supplier<Response> request) {
    try (Response response = request.get()) {
      String read = response.hasEntity() ? response.readEntity(String.class) : "";
      String body = read == null ? "" : read;
      Optional<Duration> retryAfter = retryAfter(response.getHeaderString("Retry-After"));
      return new Outcome(body, errors.error(response.getStatus(), body, retryAfter, what).orElse(null));
    } catch (MarketDataException e) {
      return new Outcome(null, e);
    } catch (RuntimeException e) {
      if (isTimeout(e)) {
        return new Outcome(null, new VenueTimeoutException(venue, what + " timed out (connect "
            + settings.connectTimeout() + ", read " + settings.readTimeout() + ")", e));
      }
      return new Outcome(null, new VenueUnavailableException(venue, what + " could not reach " + settings.baseUri()
          + ": " + rootMessage(e), false, e));
    }
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
