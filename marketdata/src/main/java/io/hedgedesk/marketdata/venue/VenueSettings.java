package io.hedgedesk.marketdata.venue;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one venue.
 *
 * @param baseUri        e.g. {@code https://api.bybit.com}
 * @param connectTimeout time allowed to open the connection
 * @param readTimeout    time allowed for the answer
 * @param retry          retries on rate limits and server errors
 * @param sleeper        how pauses between attempts are taken (tests record them instead)
 */
public record VenueSettings(URI baseUri, Duration connectTimeout, Duration readTimeout, RetryPolicy retry,
    Sleeper sleeper) {

  public VenueSettings {
    Objects.requireNonNull(baseUri, "baseUri");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(sleeper, "sleeper");
  }

  /** Pauses between attempts. */
  @FunctionalInterface
  public interface Sleeper {
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
  }
}
