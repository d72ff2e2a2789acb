package io.hedgedesk.pricing.reconcile;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.reconcile.SettlementCheck.Status;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Funding the exchange paid, settlement by settlement, beside what the stored rates say it should have paid.
 *
 * <p><b>Expected</b> at a settlement {@code i} of the stored series, while the position holds {@code sizeᵢ}:
 * {@code expectedᵢ = s · rateᵢ · valueᵢ} in the settlement asset, with {@code valueᵢ} the position value at the
 * settlement's price ({@link PerpetualPricer#positionValue}: {@code Q·FV/P} coins inverse, {@code q·cs·P} USDT linear)
 * and {@code s = +1} for a short, {@code −1} for a long (a positive rate means longs pay shorts).
 *
 * <p><b>Matching</b>: a payment belongs to the settlement within {@link #MATCH_WINDOW} of its time (venues book funding
 * at the settlement, give or take seconds). Then: no payment where one was expected → {@link Status#MISSING}; two or
 * more → {@link Status#DUPLICATE}; one of the opposite sign → {@link Status#SIGN_FLIP}; one further from the expectation
 * than {@code tolerance × |expected|} → {@link Status#DIFFERENT} (the venue values the position at its mark at the
 * settlement, the expectation at the stored price, so a few percent is rounding, not an error); else
 * {@link Status#MATCHED}. A payment near no settlement while the position was open is {@link Status#UNEXPECTED}.
 */
public final class FundingReconciler {

    /** The shared instance; the reconciler holds no state. */
    public static final FundingReconciler DEFAULT = new FundingReconciler();

    /** How far from a settlement time a payment may be booked and still belong to it. */
    public static final Duration MATCH_WINDOW = Duration.ofMinutes(5);

    private static final MathContext MC = MathContext.DECIMAL128;

    private FundingReconciler() {}

    /**
     * Reconciles the payments against the settlements of {@code rates} in {@code [from, to)}.
     *
     * @param sizes     the position's size over time, in time order (the first at or before {@code from})
     * @param priceAt   the contract's price at a settlement time (e.g. the stored close of the day before)
     * @param tolerance relative difference tolerated, e.g. 0.05 for 5 %
     * @return every settlement with a non-zero position and every unmatched payment, in time order
     */
    public List<SettlementCheck> reconcile(
            Instrument instrument,
            Side side,
            List<SizeChange> sizes,
            FundingRateSeries rates,
            Function<Instant, BigDecimal> priceAt,
            List<PaidFunding> paid,
            BigDecimal tolerance,
            Instant from,
            Instant to) {
        Objects.requireNonNull(instrument, "instrument");
        List<PaidFunding> unmatched = new ArrayList<>(paid);
        List<SettlementCheck> checks = new ArrayList<>();
        PerpetualPricer pricer = PerpetualPricer.of(instrument);
        int sign = side == Side.SHORT ? 1 : -1;
        for (int i = 0; i < rates.size(); i++) {
            FundingRate settlement = rates.get(i);
            Instant t = settlement.time();
            if (t.isBefore(from) || !t.isBefore(to)) {
                continue;
            }
            BigDecimal size = sizeAt(sizes, t);
            if (size.signum() == 0) {
                continue;
            }
            BigDecimal value =
                    pricer.positionValue(instrument, size, priceAt.apply(t)).value();
            BigDecimal expected = settlement.rate().multiply(value, MC).multiply(BigDecimal.valueOf(sign));
            List<PaidFunding> mine = unmatched.stream()
                    .filter(p -> Duration.between(t, p.time()).abs().compareTo(MATCH_WINDOW) <= 0)
                    .toList();
            unmatched.removeAll(mine);
            checks.add(new SettlementCheck(
                    t, Optional.of(settlement.rate()), expected, mine, status(expected, mine, tolerance)));
        }
        for (PaidFunding p : unmatched) {
            checks.add(new SettlementCheck(p.time(), Optional.empty(), BigDecimal.ZERO, List.of(p), Status.UNEXPECTED));
        }
        checks.sort(Comparator.comparing(SettlementCheck::time));
        return checks;
    }

    private static Status status(BigDecimal expected, List<PaidFunding> paid, BigDecimal tolerance) {
        if (paid.isEmpty()) {
            return expected.signum() == 0 ? Status.MATCHED : Status.MISSING;
        }
        if (paid.size() > 1) {
            return Status.DUPLICATE;
        }
        BigDecimal amount = paid.get(0).amount();
        if (amount.signum() != 0 && expected.signum() != 0 && amount.signum() != expected.signum()) {
            return Status.SIGN_FLIP;
        }
        BigDecimal allowed = expected.abs().multiply(tolerance, MC);
        return amount.subtract(expected).abs().compareTo(allowed) > 0 ? Status.DIFFERENT : Status.MATCHED;
    }

    /** The size held at {@code t}: the last change at or before it, 0 before the first. */
    static BigDecimal sizeAt(List<SizeChange> sizes, Instant t) {
        BigDecimal size = BigDecimal.ZERO;
        for (SizeChange change : sizes) {
            if (change.from().isAfter(t)) {
                break;
            }
            size = change.size();
        }
        return size;
    }
}
