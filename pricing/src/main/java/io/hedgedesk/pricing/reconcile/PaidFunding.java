package io.hedgedesk.pricing.reconcile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A funding payment as the exchange booked it.
 *
 * @param key    the exchange's id of the row (or its content key)
 * @param time   when it was booked
 * @param amount settlement asset, positive when received by the holder
 */
public record PaidFunding(String key, Instant time, BigDecimal amount) {

    public PaidFunding {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(amount, "amount");
    }
}
