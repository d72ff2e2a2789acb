package io.hedgedesk.pricing.alerts;

import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a hedge's {@link HedgeReading} and its {@link HedgeThresholds} into measured checks, and each check with the
 * alert's remembered {@link AlertGate.State} into a decision. Pure and stateless.
 *
 * <p>Each kind is one {@link AlertGate.Rule}: the measured value {@code v}, the threshold {@code T} and the hysteresis
 * {@code h} (how far back the value must go before the alert re-arms):
 * <ul>
 *   <li>{@link AlertKind#LIQUIDATION}: {@code v} = the adverse move to liquidation / mark; alarm when
 *       {@code v < T} (the hedge's threshold); {@code h = 0.02}.</li>
 *   <li>{@link AlertKind#STOP}: {@code v = a·(stop − mark)/mark}, {@code a = +1} for a short (its stop is above the
 *       mark), {@code −1} for a long: the move left before the stop; alarm when {@code v < 0}, i.e. the mark has
 *       crossed the stop; {@code h = 0.005}.</li>
 *   <li>{@link AlertKind#TAKE_PROFIT}: {@code v = −a·(takeProfit − mark)/mark}, the favourable move left; alarm when
 *       {@code v < 0}; {@code h = 0.005}.</li>
 *   <li>{@link AlertKind#COVERAGE_DRIFT}: {@code v = |coverage − target|}; alarm when {@code v > T};
 *       {@code h = 0.01}.</li>
 *   <li>{@link AlertKind#FUNDING_RATE}: {@code v} = the yearly rate the hedge pays ({@link #yearlyCost}); alarm
 *       when {@code v > T}; {@code h = 0.01}.</li>
 *   <li>{@link AlertKind#FUNDING_SIGN}: the same {@code v}; alarm when {@code v > 0} (the hedge has started paying),
 *       re-armed when it receives again ({@code v ≤ 0}); {@code h = 0}.</li>
 *   <li>{@link AlertKind#STALE_DATA}: {@code v} = the mark's age in hours; alarm when {@code v > T}; {@code h = 0}
 *       (it re-arms with the next fresh mark).</li>
 * </ul>
 */
public final class AlertEvaluator {

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal HOURS_PER_YEAR = BigDecimal.valueOf(8760);
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    static final BigDecimal LIQUIDATION_HYSTERESIS = new BigDecimal("0.02");
    static final BigDecimal TARGET_HYSTERESIS = new BigDecimal("0.005");
    static final BigDecimal DRIFT_HYSTERESIS = new BigDecimal("0.01");
    static final BigDecimal FUNDING_HYSTERESIS = new BigDecimal("0.01");

    private AlertEvaluator() {}

    /**
     * One measured alert of a hedge.
     *
     * @param kind  what it is about
     * @param value {@code v} as described at the class
     * @param rule  threshold, hysteresis, direction and minimum interval
     */
    public record Check(AlertKind kind, BigDecimal value, AlertGate.Rule rule) {

        public Check {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(rule, "rule");
        }

        /** Whether the value is on the alarm side of the threshold now (whatever was sent before). */
        public boolean alarm() {
            int c = value.compareTo(rule.threshold());
            return rule.direction() == AlertGate.Direction.BELOW ? c < 0 : c > 0;
        }
    }

    /** A check with what the gate decided and the state to keep. */
    public record Decision(Check check, AlertGate.Outcome outcome) {}

    /**
     * The checks of one hedge under {@code t}; kinds without a measurement (no liquidation price, no stop set, coverage
     * not computable, no funding rate, no mark) or switched off are left out.
     *
     * @param minInterval the least time between two messages of one alert
     */
    public static List<Check> checks(HedgeReading r, HedgeThresholds t, Duration minInterval) {
        List<Check> checks = new ArrayList<>();
        BigDecimal a = r.side() == Side.SHORT ? BigDecimal.ONE : BigDecimal.ONE.negate();
        r.liquidationFraction()
                .ifPresent(v -> checks.add(new Check(
                        AlertKind.LIQUIDATION,
                        v,
                        new AlertGate.Rule(
                                t.liquidationDistance(),
                                LIQUIDATION_HYSTERESIS,
                                AlertGate.Direction.BELOW,
                                minInterval))));
        if (t.stopsAndTargets()) {
            r.stopDistance()
                    .ifPresent(d -> checks.add(new Check(
                            AlertKind.STOP,
                            a.multiply(d),
                            new AlertGate.Rule(
                                    BigDecimal.ZERO, TARGET_HYSTERESIS, AlertGate.Direction.BELOW, minInterval))));
            r.takeProfitDistance()
                    .ifPresent(d -> checks.add(new Check(
                            AlertKind.TAKE_PROFIT,
                            a.negate().multiply(d),
                            new AlertGate.Rule(
                                    BigDecimal.ZERO, TARGET_HYSTERESIS, AlertGate.Direction.BELOW, minInterval))));
        }
        r.coverageDrift()
                .ifPresent(d -> checks.add(new Check(
                        AlertKind.COVERAGE_DRIFT,
                        d.abs(),
                        new AlertGate.Rule(
                                t.coverageDrift(), DRIFT_HYSTERESIS, AlertGate.Direction.ABOVE, minInterval))));
        Optional<BigDecimal> cost = r.fundingRate().map(rate -> yearlyCost(r.side(), rate, r.fundingIntervalHours()));
        cost.ifPresent(c -> t.fundingYearlyRate()
                .ifPresent(limit -> checks.add(new Check(
                        AlertKind.FUNDING_RATE,
                        c,
                        new AlertGate.Rule(limit, FUNDING_HYSTERESIS, AlertGate.Direction.ABOVE, minInterval)))));
        if (t.fundingSignChange()) {
            cost.ifPresent(c -> checks.add(new Check(
                    AlertKind.FUNDING_SIGN,
                    c,
                    new AlertGate.Rule(BigDecimal.ZERO, BigDecimal.ZERO, AlertGate.Direction.ABOVE, minInterval))));
        }
        r.markAge()
                .ifPresent(age -> checks.add(new Check(
                        AlertKind.STALE_DATA,
                        BigDecimal.valueOf(age.toMinutes()).divide(SIXTY, MC),
                        new AlertGate.Rule(
                                BigDecimal.valueOf(t.staleAfterHours()),
                                BigDecimal.ZERO,
                                AlertGate.Direction.ABOVE,
                                minInterval))));
        return checks;
    }

    /**
     * The yearly rate a position pays in funding, as a fraction of its value: {@code c = s · r · 8760 / I}, with the
     * rate {@code r} per interval of {@code I} hours (positive = longs pay shorts) and {@code s = +1} for a long,
     * {@code −1} for a short. Positive = the position pays; negative = it receives. A short at {@code r = −0.0001}
     * every 8 h pays {@code 0.0001 × 1095 = 0.1095} (10.95 %) a year.
     */
    public static BigDecimal yearlyCost(Side side, BigDecimal rate, int intervalHours) {
        BigDecimal perYear = rate.multiply(HOURS_PER_YEAR).divide(BigDecimal.valueOf(intervalHours), MC);
        return side == Side.SHORT ? perYear.negate() : perYear;
    }

    /**
     * Each check through {@link AlertGate#apply} with the alert's remembered state ({@link AlertGate.State#ARMED} when
     * there is none).
     */
    public static List<Decision> decide(List<Check> checks, Map<AlertKind, AlertGate.State> states, Instant now) {
        List<Decision> decisions = new ArrayList<>(checks.size());
        for (Check c : checks) {
            AlertGate.State state = states.getOrDefault(c.kind(), AlertGate.State.ARMED);
            decisions.add(new Decision(c, AlertGate.apply(c.rule(), state, c.value(), now)));
        }
        return decisions;
    }
}
