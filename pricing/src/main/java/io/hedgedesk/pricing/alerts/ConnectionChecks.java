package io.hedgedesk.pricing.alerts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The alerts of an exchange connection, as {@link AlertEvaluator.Check}s for the same {@link AlertGate}. Pure and
 * stateless.
 * <ul>
 *   <li>{@link AlertKind#SYNC_FAILING}: with {@code h} the hours since the run of failed syncs began and {@code n} the
 *       failures in a row, {@code v = max(h / H, n / (N − ½))} for the thresholds {@code H} hours and {@code N}
 *       failures; alarm when {@code v > 1}, i.e. when {@code h > H} or {@code n ≥ N} ({@code n} is whole);
 *       {@code v = 0} while the syncs work, which re-arms it (hysteresis 0).</li>
 *   <li>{@link AlertKind#KEY_EXPIRING}: {@code v} = days until the API key expires (negative once expired); alarm
 *       when {@code v < D}, the threshold in days; re-armed by a key with more than {@code D} days left
 *       ({@code h = 0}). A key without a known expiry (Binance reports none for reading keys) has no check.</li>
 * </ul>
 */
public final class ConnectionChecks {

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    private ConnectionChecks() {}

    /**
     * A connection as measured now.
     *
     * @param connectionId the connection
     * @param failingFor   how long its syncs have been failing (empty while they work)
     * @param failures     failed syncs in a row (0 while they work)
     * @param keyExpiresIn time until its API key expires (negative once expired), empty when unknown
     */
    public record Reading(
            long connectionId, Optional<Duration> failingFor, int failures, Optional<Duration> keyExpiresIn) {

        public Reading {
            Objects.requireNonNull(failingFor, "failingFor");
            Objects.requireNonNull(keyExpiresIn, "keyExpiresIn");
            if (failures < 0) {
                throw new IllegalArgumentException("failures must be zero or more, was " + failures);
            }
        }
    }

    /**
     * The thresholds of a connection.
     *
     * @param syncFailingHours alert when the syncs have been failing for more than this many hours; at least 1
     * @param syncFailures     alert when this many syncs in a row have failed; at least 1
     * @param keyExpiryDays    alert when the API key expires within this many days; at least 1
     */
    public record Thresholds(int syncFailingHours, int syncFailures, int keyExpiryDays) {

        public Thresholds {
            if (syncFailingHours < 1 || syncFailures < 1 || keyExpiryDays < 1) {
                throw new IllegalArgumentException("connection thresholds must be at least 1, were " + syncFailingHours
                        + " h, " + syncFailures + " failures, " + keyExpiryDays + " days");
            }
        }
    }

    /** The checks of one connection under {@code t}. */
    public static List<AlertEvaluator.Check> checks(Reading r, Thresholds t, Duration minInterval) {
        List<AlertEvaluator.Check> checks = new ArrayList<>(2);
        BigDecimal hours = r.failingFor()
                .map(d -> BigDecimal.valueOf(d.toSeconds()).divide(SECONDS_PER_HOUR, MC))
                .orElse(BigDecimal.ZERO);
        BigDecimal v = hours.divide(BigDecimal.valueOf(t.syncFailingHours()), MC)
                .max(BigDecimal.valueOf(r.failures())
                        .divide(BigDecimal.valueOf(t.syncFailures()).subtract(HALF), MC));
        checks.add(new AlertEvaluator.Check(
                AlertKind.SYNC_FAILING,
                v,
                new AlertGate.Rule(BigDecimal.ONE, BigDecimal.ZERO, AlertGate.Direction.ABOVE, minInterval)));
        r.keyExpiresIn()
                .ifPresent(left -> checks.add(new AlertEvaluator.Check(
                        AlertKind.KEY_EXPIRING,
                        BigDecimal.valueOf(left.toSeconds()).divide(SECONDS_PER_DAY, MC),
                        new AlertGate.Rule(
                                BigDecimal.valueOf(t.keyExpiryDays()),
                                BigDecimal.ZERO,
                                AlertGate.Direction.BELOW,
                                minInterval))));
        return checks;
    }
}
