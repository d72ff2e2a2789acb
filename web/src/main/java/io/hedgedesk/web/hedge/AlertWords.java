package io.hedgedesk.web.hedge;

import io.hedgedesk.pricing.alerts.AlertEvaluator;
import io.hedgedesk.pricing.alerts.AlertKind;
import io.hedgedesk.pricing.alerts.ConnectionChecks;
import io.hedgedesk.pricing.alerts.HedgeThresholds;
import io.hedgedesk.web.view.Display;
import java.math.BigDecimal;

/** An alert threshold check in words (the valuer's alerts: {@code web.view.Words}). */
public final class AlertWords {

    private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);

    private AlertWords() {}

    /**
     * A threshold check of a hedge in words, e.g. "liquidation is 8.00 % away (alert below 10.00 %)". The value is the
     * check's {@code v} ({@link AlertEvaluator}).
     */
    public static String of(AlertEvaluator.Check c) {
        BigDecimal v = c.value();
        BigDecimal t = c.rule().threshold();
        return switch (c.kind()) {
            case LIQUIDATION ->
                "liquidation is " + Display.percent(v) + " away (alert below " + Display.percent(t) + ")";
            case STOP -> "the mark has crossed the stop level by " + Display.percent(v.negate());
            case TAKE_PROFIT -> "the mark has crossed the take-profit level by " + Display.percent(v.negate());
            case COVERAGE_DRIFT ->
                "coverage is " + Display.percent(v) + " from its target (alert beyond " + Display.percent(t) + ")";
            case FUNDING_RATE ->
                "funding costs " + Display.percent(v) + " a year (alert above " + Display.percent(t) + ")";
            case FUNDING_SIGN -> "funding has turned into a cost: " + Display.percent(v) + " a year";
            case STALE_DATA -> "its market data is " + Display.hours(v) + " old (alert after " + Display.hours(t) + ")";
            case SYNC_FAILING -> "its syncs are failing";
            case KEY_EXPIRING ->
                v.signum() < 0
                        ? "its API key expired " + Display.hours(v.negate().multiply(HOURS_PER_DAY)) + " ago"
                        : "its API key expires in " + Display.hours(v.multiply(HOURS_PER_DAY)) + " (alert "
                                + Display.hours(t.multiply(HOURS_PER_DAY)) + " before)";
        };
    }

    /**
     * A connection's check in words, e.g. "its syncs have failed 4 times in a row, for 7 h (alert after 6 h or 5
     * failures): The exchange refused: …".
     */
    public static String connection(
            AlertEvaluator.Check c, ConnectionChecks.Reading r, ConnectionChecks.Thresholds t, String lastError) {
        if (c.kind() != AlertKind.SYNC_FAILING) {
            return of(c);
        }
        BigDecimal hours = BigDecimal.valueOf(
                r.failingFor().map(java.time.Duration::toHours).orElse(0L));
        return "its syncs have failed " + r.failures() + (r.failures() == 1 ? " time" : " times") + " in a row, for "
                + Display.hours(hours) + " (alert after " + t.syncFailingHours() + " h or " + t.syncFailures()
                + " failures): " + lastError;
    }

    /** The short name of a kind, e.g. "Liquidation near". */
    public static String title(AlertKind kind) {
        return switch (kind) {
            case LIQUIDATION -> "Liquidation near";
            case STOP -> "Stop crossed";
            case TAKE_PROFIT -> "Take-profit crossed";
            case COVERAGE_DRIFT -> "Coverage drift";
            case FUNDING_RATE -> "Funding cost";
            case FUNDING_SIGN -> "Funding turned into a cost";
            case STALE_DATA -> "Old market data";
            case SYNC_FAILING -> "Exchange sync failing";
            case KEY_EXPIRING -> "API key expiring";
        };
    }

    /** Thresholds in force, in words. */
    public static String thresholds(HedgeThresholds t) {
        return "liquidation closer than " + Display.percent(t.liquidationDistance()) + " · coverage further than "
                + Display.percent(t.coverageDrift()) + " from its target · stops and take-profits "
                + (t.stopsAndTargets() ? "on" : "off") + " · funding cost above "
                + t.fundingYearlyRate().map(r -> Display.percent(r) + " a year").orElse("(off)")
                + " · funding turning into a cost "
                + (t.fundingSignChange() ? "on" : "off") + " · market data older than " + t.staleAfterHours() + " h";
    }
}
