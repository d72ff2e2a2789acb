package io.hedgedesk.pricing.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.pricing.alerts.AlertEvaluator.Check;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertEvaluatorTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
    /** Installation defaults: liquidation 10 %, drift 5 points, stops on, funding above 10 % a year, sign on, 6 h. */
    private static final HedgeThresholds DEFAULTS = new HedgeThresholds(
            new BigDecimal("0.10"), new BigDecimal("0.05"), true, Optional.of(new BigDecimal("0.10")), true, 6);

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static BigDecimal div(String a, String b) {
        return d(a).divide(d(b), MathContext.DECIMAL128);
    }

    private static HedgeReading reading(
            Side side,
            BigDecimal liq,
            BigDecimal stop,
            BigDecimal take,
            BigDecimal drift,
            BigDecimal rate,
            Duration age) {
        return new HedgeReading(
                9,
                side,
                Optional.ofNullable(liq),
                Optional.ofNullable(stop),
                Optional.ofNullable(take),
                Optional.ofNullable(drift),
                Optional.ofNullable(rate),
                8,
                Optional.ofNullable(age));
    }

    private static Optional<Check> check(List<Check> checks, AlertKind kind) {
        return checks.stream().filter(c -> c.kind() == kind).findFirst();
    }

    @Test
    void aShortHedgeInTroubleRaisesEveryKind() {
        // BTC short, mark 52,500: liquidation at 56,700 is (56,700 − 52,500) / 52,500 = 0.08 away (< 0.10).
        // Stop at 52,000: (52,000 − 52,500) / 52,500 = −0.0095238…; v = +1 × that < 0: crossed.
        // Take-profit at 45,000: (45,000 − 52,500) / 52,500 = −0.142857…; v = −1 × that = +0.142857: not crossed.
        // Coverage 0.90 against a target of 1.00: drift −0.10, |drift| 0.10 > 0.05.
        // Funding −0.0001 every 8 h: the short pays 0.0001 × 8760 / 8 = 0.1095 a year (> 0.10, and > 0).
        // Mark 7 h 30 min old: 7.5 h > 6 h.
        HedgeReading r = reading(
                Side.SHORT,
                div("4200", "52500"),
                div("-500", "52500"),
                div("-7500", "52500"),
                d("-0.10"),
                d("-0.0001"),
                Duration.ofMinutes(450));

        List<Check> checks = AlertEvaluator.checks(r, DEFAULTS, HOUR);

        assertThat(check(checks, AlertKind.LIQUIDATION).orElseThrow().value()).isEqualByComparingTo("0.08");
        assertThat(check(checks, AlertKind.LIQUIDATION).orElseThrow().alarm()).isTrue();
        assertThat(check(checks, AlertKind.STOP).orElseThrow().value()).isEqualByComparingTo(div("-500", "52500"));
        assertThat(check(checks, AlertKind.STOP).orElseThrow().alarm()).isTrue();
        assertThat(check(checks, AlertKind.TAKE_PROFIT).orElseThrow().value())
                .isEqualByComparingTo(div("7500", "52500"));
        assertThat(check(checks, AlertKind.TAKE_PROFIT).orElseThrow().alarm()).isFalse();
        assertThat(check(checks, AlertKind.COVERAGE_DRIFT).orElseThrow().value())
                .isEqualByComparingTo("0.10");
        assertThat(check(checks, AlertKind.COVERAGE_DRIFT).orElseThrow().alarm())
                .isTrue();
        assertThat(check(checks, AlertKind.FUNDING_RATE).orElseThrow().value()).isEqualByComparingTo("0.1095");
        assertThat(check(checks, AlertKind.FUNDING_RATE).orElseThrow().alarm()).isTrue();
        assertThat(check(checks, AlertKind.FUNDING_SIGN).orElseThrow().alarm()).isTrue();
        assertThat(check(checks, AlertKind.STALE_DATA).orElseThrow().value()).isEqualByComparingTo("7.5");
        assertThat(check(checks, AlertKind.STALE_DATA).orElseThrow().alarm()).isTrue();
    }

    @Test
    void aHealthyShortRaisesNothing() {
        // Liquidation 0.25 away; stop at 60,000 with mark 50,000: v = +0.2; take-profit 40,000: v = −1 × (−0.2) = 0.2;
        // drift 0.02; funding +0.0001 / 8 h: the short receives (v = −0.1095); mark 1 h old.
        HedgeReading r =
                reading(Side.SHORT, d("0.25"), d("0.2"), d("-0.2"), d("0.02"), d("0.0001"), Duration.ofHours(1));

        List<Check> checks = AlertEvaluator.checks(r, DEFAULTS, HOUR);

        assertThat(checks).hasSize(7).noneMatch(Check::alarm);
        assertThat(check(checks, AlertKind.FUNDING_SIGN).orElseThrow().value()).isEqualByComparingTo("-0.1095");
    }

    @Test
    void aLongCrossesItsStopBelowAndItsTakeProfitAbove() {
        // A long with stop 95 and take-profit 110 at a mark of 94: stop (95 − 94)/94 = +0.010638…, v = −1 × that < 0;
        // take-profit (110 − 94)/94 = 0.170212…, v = +1 × that > 0: not crossed. At 112: take-profit v = (110−112)/112
        // < 0.
        List<Check> low = AlertEvaluator.checks(
                reading(Side.LONG, null, div("1", "94"), div("16", "94"), null, null, null), DEFAULTS, HOUR);
        List<Check> high = AlertEvaluator.checks(
                reading(Side.LONG, null, div("-17", "112"), div("-2", "112"), null, null, null), DEFAULTS, HOUR);

        assertThat(check(low, AlertKind.STOP).orElseThrow().alarm()).isTrue();
        assertThat(check(low, AlertKind.TAKE_PROFIT).orElseThrow().alarm()).isFalse();
        assertThat(check(high, AlertKind.STOP).orElseThrow().alarm()).isFalse();
        assertThat(check(high, AlertKind.TAKE_PROFIT).orElseThrow().value()).isEqualByComparingTo(div("-2", "112"));
        assertThat(check(high, AlertKind.TAKE_PROFIT).orElseThrow().alarm()).isTrue();
    }

    @Test
    void aLongPaysWhenTheRateIsPositive() {
        // Long, +0.0003 every 4 h: 0.0003 × 8760 / 4 = 0.657 a year paid.
        assertThat(AlertEvaluator.yearlyCost(Side.LONG, d("0.0003"), 4)).isEqualByComparingTo("0.657");
        assertThat(AlertEvaluator.yearlyCost(Side.SHORT, d("0.0003"), 4)).isEqualByComparingTo("-0.657");
    }

    @Test
    void switchedOffKindsAreNotChecked() {
        HedgeThresholds quiet = new HedgeThresholds(d("0.10"), d("0.05"), false, Optional.empty(), false, 6);
        HedgeReading r = reading(Side.SHORT, d("0.08"), d("-0.01"), d("0.01"), d("0.2"), d("-0.001"), Duration.ZERO);

        assertThat(AlertEvaluator.checks(r, quiet, HOUR))
                .extracting(Check::kind)
                .containsExactly(AlertKind.LIQUIDATION, AlertKind.COVERAGE_DRIFT, AlertKind.STALE_DATA);
    }

    @Test
    void hedgeSettingsOverPortfolioDefaultsOverTheInstallation() {
        ThresholdSettings portfolio = new ThresholdSettings(
                Optional.empty(),
                Optional.of(d("0.03")),
                Optional.empty(),
                Optional.of(d("0.25")),
                Optional.of(false),
                Optional.of(12));
        ThresholdSettings hedge = new ThresholdSettings(
                Optional.of(d("0.15")),
                Optional.empty(),
                Optional.of(false),
                Optional.empty(),
                Optional.empty(),
                Optional.of(2));

        HedgeThresholds t = hedge.over(portfolio.over(DEFAULTS));

        assertThat(t).isEqualTo(new HedgeThresholds(d("0.15"), d("0.03"), false, Optional.of(d("0.25")), false, 2));
        assertThat(ThresholdSettings.INHERIT.over(DEFAULTS)).isEqualTo(DEFAULTS);
    }

    @Test
    void theGateSendsOnceRearmsBeyondTheHysteresisAndHoldsBackWithinTheInterval() {
        // Liquidation threshold 0.10, hysteresis 0.02: 0.08 sends; 0.11 is inside the band (< 0.12): nothing;
        // 0.12 re-arms; 0.09 ten minutes after the first message is held back (1 h interval); at +61 min it sends.
        HedgeThresholds t = DEFAULTS;
        Map<AlertKind, AlertGate.State> states = new java.util.EnumMap<>(AlertKind.class);
        String[] values = {"0.08", "0.11", "0.12", "0.09", "0.09"};
        int[] minutes = {0, 2, 5, 10, 61};
        AlertGate.Decision[] expected = {
            AlertGate.Decision.SEND,
            AlertGate.Decision.STILL_FIRED,
            AlertGate.Decision.REARMED,
            AlertGate.Decision.RATE_LIMITED,
            AlertGate.Decision.SEND
        };
        for (int i = 0; i < values.length; i++) {
            HedgeReading r = reading(Side.SHORT, d(values[i]), null, null, null, null, null);
            AlertEvaluator.Decision decision = AlertEvaluator.decide(
                            AlertEvaluator.checks(r, t, HOUR), states, NOW.plusSeconds(60L * minutes[i]))
                    .get(0);
            assertThat(decision.outcome().decision())
                    .as("step %d at %s", i, values[i])
                    .isEqualTo(expected[i]);
            states.put(AlertKind.LIQUIDATION, decision.outcome().state());
        }
    }
}
