package io.hedgedesk.pricing.alerts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a measured value sends an alert, so that a value hovering at a threshold does not send a message a
 * minute.
 *
 * <p>An alert is <b>armed</b> until the value crosses the threshold {@code T} (below it for {@link Direction#BELOW}, e.g.
 * the distance to liquidation; above it for {@link Direction#ABOVE}, e.g. coverage drift): then it <b>fires</b> once and
 * stays fired, sending nothing more, until the value is back beyond {@code T} by the hysteresis {@code h}
 * ({@code v ≥ T + h} for BELOW, {@code v ≤ T − h} for ABOVE), which re-arms it. A firing within {@code minInterval} of
 * the last message sent is held back, still armed, and sent once the interval has passed if the value is still beyond
 * the threshold: the rate limit.
 */
public final class AlertGate {

    /** Which side of the threshold is the alarm. */
    public enum Direction {
        /** Alert when the value falls below the threshold. */
        BELOW,
        /** Alert when the value rises above the threshold. */
        ABOVE
    }

    /** What the gate did with a value. */
    public enum Decision {
        /** Fired: send the message now. */
        SEND,
        /** Beyond the threshold, but the last message was sent less than the minimum interval ago: held back, armed. */
        RATE_LIMITED,
        /** Still beyond the threshold and already fired: nothing sent. */
        STILL_FIRED,
        /** Back beyond the hysteresis band: armed again. */
        REARMED,
        /** On the safe side and armed: nothing to do. */
        QUIET
    }

    /**
     * The gate's memory of one alert.
     *
     * @param fired    true once fired until re-armed
     * @param lastSent when the last message went out, if ever
     */
    public record State(boolean fired, Optional<Instant> lastSent) {

        /** An alert that has never fired. */
        public static final State ARMED = new State(false, Optional.empty());

        public State {
            Objects.requireNonNull(lastSent, "lastSent");
        }
    }

    /** The decision and the state to keep. */
    public record Outcome(Decision decision, State state) {}

    /**
     * The rule of one alert.
     *
     * @param threshold   {@code T}
     * @param hysteresis  {@code h}, at least 0
     * @param direction   which side is the alarm
     * @param minInterval the least time between two messages of this alert
     */
    public record Rule(BigDecimal threshold, BigDecimal hysteresis, Direction direction, Duration minInterval) {

        public Rule {
            Objects.requireNonNull(threshold, "threshold");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(minInterval, "minInterval");
            if (hysteresis == null || hysteresis.signum() < 0) {
                throw new IllegalArgumentException("hysteresis must be zero or more, was " + hysteresis);
            }
        }
    }

    private AlertGate() {}

    /** What {@code rule} does with {@code value} measured at {@code now}, given the alert's {@code state}. */
    public static Outcome apply(Rule rule, State state, BigDecimal value, Instant now) {
        boolean alarm = rule.direction() == Direction.BELOW
                ? value.compareTo(rule.threshold()) < 0
                : value.compareTo(rule.threshold()) > 0;
        if (state.fired()) {
            boolean clear = rule.direction() == Direction.BELOW
                    ? value.compareTo(rule.threshold().add(rule.hysteresis())) >= 0
                    : value.compareTo(rule.threshold().subtract(rule.hysteresis())) <= 0;
            return clear
                    ? new Outcome(Decision.REARMED, new State(false, state.lastSent()))
                    : new Outcome(Decision.STILL_FIRED, state);
        }
        if (!alarm) {
            return new Outcome(Decision.QUIET, state);
        }
        boolean tooSoon = state.lastSent()
                .map(t -> Duration.between(t, now).compareTo(rule.minInterval()) < 0)
                .orElse(false);
        return tooSoon
                ? new Outcome(Decision.RATE_LIMITED, state)
                : new Outcome(Decision.SEND, new State(true, Optional.of(now)));
    }
}
