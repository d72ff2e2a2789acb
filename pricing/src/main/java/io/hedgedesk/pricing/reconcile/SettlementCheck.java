package io.hedgedesk.pricing.reconcile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One funding settlement of the contract while the position was open, expected against paid; or a payment that matches
 * no settlement.
 *
 * @param time     the settlement time (or the payment's, for {@link Status#UNEXPECTED})
 * @param rate     the stored rate of that settlement, empty for an unexpected payment
 * @param expected funding expected, settlement asset, positive when received: the holder's sign of
 *                 {@code rate × position value}
 * @param paid     the payments booked for it
 * @param status   how they compare
 */
public record SettlementCheck(
        Instant time, Optional<BigDecimal> rate, BigDecimal expected, List<PaidFunding> paid, Status status) {

    /** How what was paid compares with what was expected. */
    public enum Status {
        /** One payment, within the tolerance of the expectation. */
        MATCHED,
        /** A settlement with a non-zero expectation and no payment. */
        MISSING,
        /** Two or more payments for one settlement. */
        DUPLICATE,
        /** One payment of the opposite sign. */
        SIGN_FLIP,
        /** One payment of the right sign, further from the expectation than the tolerance. */
        DIFFERENT,
        /** A payment at no settlement time of the contract while the position was open. */
        UNEXPECTED
    }

    public SettlementCheck {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(expected, "expected");
        paid = List.copyOf(paid);
        Objects.requireNonNull(status, "status");
    }

    /** The sum of the payments. */
    public BigDecimal paidTotal() {
        return paid.stream().map(PaidFunding::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
