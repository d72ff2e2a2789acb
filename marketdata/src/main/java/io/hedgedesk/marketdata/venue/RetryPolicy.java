package io.hedgedesk.marketdata.venue;

import java.time.Duration;
import java.util.Optional;

/**
 * Bounded retries with exponential back-off for rate limits and server errors.
 *
 * @param maxAttempts    total attempts including the first, at least 1
 * @param initialBackoff pause before the second attempt; doubled before each further one
 * @param maxBackoff     cap of the doubled pause
 * @param maxRetryAfter  the longest {@code Retry-After} honoured; a venue asking for more ends the retries
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("back-off durations must be non-negative with max >= initial");
    }
  }

  /**
   * The pause before attempt {@code attempt + 1} after attempt {@code attempt} (1-based) failed: the venue's
   * {@code Retry-After} if given, else {@code initialBackoff · 2^(attempt−1)} capped at {@code maxBackoff}. Empty
   * when the venue asks for longer than {@code maxRetryAfter} (give up rather than block).
   */
  public Optional<Duration> pauseAfter(int attempt, Optional<Duration> retryAfter) {
    if (retryAfter.isPresent()) {
      return retryAfter.get().compareTo(maxRetryAfter) > 0 ? Optional.empty() : retryAfter;
    }
    Duration pause = initialBackoff;
    for (int i = 1; i < attempt && pause.compareTo(maxBackoff) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    return Optional.of(pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause);
  }
}
