package io.hedgedesk.domain.hedge;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The mark price a hedge is valued at, where it came from and when.
 *
 * @param price  the mark, quote currency, positive
 * @param kind   TICK (the latest fetched venue tick), DAILY_CLOSE (the latest stored daily close of the base asset)
 *               or MANUAL (typed in on the tracking page)
 * @param source the source text (venue, data file, user)
 * @param asOf   when the price was observed
 */
public record HedgeMark(BigDecimal price, Kind kind, String source, Instant asOf) {

    /** Where a mark came from, in order of preference. */
    public enum Kind {
        TICK,
        DAILY_CLOSE,
        MANUAL
    }

    public HedgeMark {
        Objects.requireNonNull(price, "price");
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("mark price must be positive, was " + price.toPlainString());
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
    }

    /** How old the mark is at {@code now} (zero if observed in the future). */
    public Duration age(Instant now) {
        Duration age = Duration.between(asOf, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** True when older than {@code threshold} at {@code now}. */
    public boolean isStale(Instant now, Duration threshold) {
        return age(now).compareTo(threshold) > 0;
    }
}
