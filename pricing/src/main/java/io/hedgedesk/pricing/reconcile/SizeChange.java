package io.hedgedesk.pricing.reconcile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The position's size from a moment on (after a fill).
 *
 * @param from the fill's time
 * @param size contracts (inverse) or quantity units (linear) held from then on, at least 0
 */
public record SizeChange(Instant from, BigDecimal size) {

    public SizeChange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(size, "size");
    }
}
