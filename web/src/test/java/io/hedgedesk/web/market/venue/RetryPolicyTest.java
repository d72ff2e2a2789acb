package io.hedgedesk.web.market.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(5),
      Duration.ofSeconds(30));

  /** 1 s · 2^(attempt − 1): 1, 2, 4, then capped at 5. */
  @Test
  void backOffDoublesUpToTheCap() {
    assertThat(policy.pauseAfter(1, Optional.empty())).contains(Duration.ofSeconds(1));
    assertThat(policy.pauseAfter(2, Optional.empty())).contains(Duration.ofSeconds(2));
    assertThat(policy.pauseAfter(3, Optional.empty())).contains(Duration.ofSeconds(4));
    assertThat(policy.pauseAfter(4, Optional.empty())).contains(Duration.ofSeconds(5));
  }

  @Test
  void retryAfterIsHonouredUpToItsLimit() {
    assertThat(policy.pauseAfter(1, Optional.of(Duration.ofSeconds(12)))).contains(Duration.ofSeconds(12));
    assertThat(policy.pauseAfter(1, Optional.of(Duration.ofSeconds(31)))).isEmpty();
  }

  @Test
  void retryAfterHeaderInSeconds() {
    assertThat(VenueCall.retryAfter("7")).contains(Duration.ofSeconds(7));
    assertThat(VenueCall.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEmpty();
    assertThat(VenueCall.retryAfter(null)).isEmpty();
  }
}
