package io.hedgedesk.pricing.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.pricing.alerts.AlertEvaluator.Check;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionChecksTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
    /** Alert after 6 h of failing syncs or 3 failures in a row, and 14 days before a key expires. */
    private static final ConnectionChecks.Thresholds T = new ConnectionChecks.Thresholds(6, 3, 14);

    private static BigDecimal div(long a, String b) {
        return BigDecimal.valueOf(a).divide(new BigDecimal(b), MathContext.DECIMAL128);
    }

    private static List<Check> checks(Duration failingFor, int failures, Duration keyLeft) {
        return ConnectionChecks.checks(
                new ConnectionChecks.Reading(
                        4, Optional.ofNullable(failingFor), failures, Optional.ofNullable(keyLeft)),
                T,
                HOUR);
    }

    private static Optional<Check> check(List<Check> checks, AlertKind kind) {
        return checks.stream().filter(c -> c.kind() == kind).findFirst();
    }

    /** v = max(h / 6, n / (3 − ½)): 7 h and 2 failures → max(7/6, 2/2.5) = 1.1667 > 1. */
    @Test
    void failingLongerThanTheHoursAlerts() {
        Check c = check(checks(Duration.ofHours(7), 2, null), AlertKind.SYNC_FAILING)
                .orElseThrow();
        assertThat(c.value()).isEqualByComparingTo(div(7, "6"));
        assertThat(c.alarm()).isTrue();
    }

    /** 2 h and 3 failures → max(2/6, 3/2.5) = 1.2 > 1: the third failure in a row alerts; the second (0.8) does not. */
    @Test
    void theNthFailureInARowAlerts() {
        Check third = check(checks(Duration.ofHours(2), 3, null), AlertKind.SYNC_FAILING)
                .orElseThrow();
        assertThat(third.value()).isEqualByComparingTo("1.2");
        assertThat(third.alarm()).isTrue();
        Check second = check(checks(Duration.ofHours(2), 2, null), AlertKind.SYNC_FAILING)
                .orElseThrow();
        assertThat(second.value()).isEqualByComparingTo("0.8");
        assertThat(second.alarm()).isFalse();
    }

    /** Working syncs measure 0: the fired alert re-arms, and the next failing run alerts again. */
    @Test
    void aWorkingSyncRearms() {
        Check failing = check(checks(Duration.ofHours(7), 4, null), AlertKind.SYNC_FAILING)
                .orElseThrow();
        AlertEvaluator.Decision sent =
                AlertEvaluator.decide(List.of(failing), Map.of(), NOW).get(0);
        assertThat(sent.outcome().decision()).isEqualTo(AlertGate.Decision.SEND);
        Check working = check(checks(null, 0, null), AlertKind.SYNC_FAILING).orElseThrow();
        assertThat(working.value()).isZero();
        AlertEvaluator.Decision rearmed = AlertEvaluator.decide(
                        List.of(working),
                        Map.of(AlertKind.SYNC_FAILING, sent.outcome().state()),
                        NOW.plus(HOUR))
                .get(0);
        assertThat(rearmed.outcome().decision()).isEqualTo(AlertGate.Decision.REARMED);
    }

    /** A key 10 days from its expiry is inside the 14 days: alert (v = 10); 20 days: none; expired 1 day ago: v = −1. */
    @Test
    void aKeyExpiringWithinTheDaysAlerts() {
        Check soon = check(checks(null, 0, Duration.ofDays(10)), AlertKind.KEY_EXPIRING)
                .orElseThrow();
        assertThat(soon.value()).isEqualByComparingTo("10");
        assertThat(soon.alarm()).isTrue();
        assertThat(check(checks(null, 0, Duration.ofDays(20)), AlertKind.KEY_EXPIRING)
                        .orElseThrow()
                        .alarm())
                .isFalse();
        assertThat(check(checks(null, 0, Duration.ofDays(-1)), AlertKind.KEY_EXPIRING)
                        .orElseThrow()
                        .value())
                .isEqualByComparingTo("-1");
        // 36 h = 1.5 days
        assertThat(check(checks(null, 0, Duration.ofHours(36)), AlertKind.KEY_EXPIRING)
                        .orElseThrow()
                        .value())
                .isEqualByComparingTo("1.5");
    }

    /** Binance reports no expiry for reading keys: no key check at all. */
    @Test
    void aKeyWithoutExpiryHasNoCheck() {
        assertThat(check(checks(null, 0, null), AlertKind.KEY_EXPIRING)).isEmpty();
    }

    @Test
    void thresholdsAreAtLeastOne() {
        assertThatThrownBy(() -> new ConnectionChecks.Thresholds(0, 3, 14))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
