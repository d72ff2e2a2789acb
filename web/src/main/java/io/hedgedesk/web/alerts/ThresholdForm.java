package io.hedgedesk.web.alerts;

import io.hedgedesk.persistence.alerts.StoredThresholds;
import io.hedgedesk.web.hedge.Parse;
import java.math.BigDecimal;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The thresholds form of a hedge or a portfolio's defaults, as typed. Percentages on the page, fractions stored; an
 * empty field (or "as above" in a choice) keeps the level above.
 *
 * @param liquidationPct alert when liquidation is less than this % of the mark away, (0, 100)
 * @param driftPct       alert when coverage is more than this many points from its target, (0, 200]
 * @param stops          "on", "off" or empty: alert when the mark crosses the stop or take-profit
 * @param fundingPct     alert when the hedge pays funding above this % a year, [0, 10000]
 * @param fundingSign    "on", "off" or empty: alert when the hedge starts paying funding
 * @param staleHours     alert when the mark is older than this many hours, whole, 1 to 8760
 * @param syncHours      a portfolio's: alert when a connection of its team has failed to sync for more than this many
 *                       hours, whole, 1 to 8760
 * @param syncFailures   a portfolio's: alert after this many failed syncs in a row, whole, 1 to 1000
 * @param keyDays        a portfolio's: alert this many days before a connection's API key expires, whole, 1 to 365
 * @param version        the stored row's version (0: none yet)
 */
public record ThresholdForm(
        @RestForm String liquidationPct,
        @RestForm String driftPct,
        @RestForm String stops,
        @RestForm String fundingPct,
        @RestForm String fundingSign,
        @RestForm String staleHours,
        @RestForm String syncHours,
        @RestForm String syncFailures,
        @RestForm String keyDays,
        @RestForm Long version) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The form showing what is stored. */
    static ThresholdForm of(StoredThresholds s) {
        return new ThresholdForm(
                pct(s.liquidationDistance()),
                pct(s.coverageDrift()),
                choice(s.stopsAndTargets()),
                pct(s.fundingYearlyRate()),
                choice(s.fundingSignChange()),
                whole(s.staleAfterHours()),
                whole(s.syncFailingHours()),
                whole(s.syncFailures()),
                whole(s.keyExpiryDays()),
                s.version());
    }

    /** The same values at another stored version (to show typed values after a refusal). */
    ThresholdForm withVersion(long v) {
        return new ThresholdForm(
                liquidationPct,
                driftPct,
                stops,
                fundingPct,
                fundingSign,
                staleHours,
                syncHours,
                syncFailures,
                keyDays,
                v);
    }

    long versionOrZero() {
        return version == null ? 0 : version;
    }

    /**
     * The stored form of what was typed; a bad field is a message naming the range.
     *
     * @throws io.hedgedesk.domain.hedge.InvalidHedgeException with a message per bad field
     */
    StoredThresholds parse() {
        Parse p = new Parse();
        Optional<BigDecimal> liquidation = p.decimal(liquidationPct, "liquidationPct", "Liquidation distance");
        Optional<BigDecimal> drift = p.decimal(driftPct, "driftPct", "Coverage drift");
        Optional<BigDecimal> funding = p.decimal(fundingPct, "fundingPct", "Funding cost a year");
        Optional<BigDecimal> stale = p.decimal(staleHours, "staleHours", "Market data older than");
        Optional<Integer> sync = whole(p, syncHours, "syncHours", "Syncs failing for", 8760);
        Optional<Integer> failures = whole(p, syncFailures, "syncFailures", "Failed syncs in a row", 1000);
        Optional<Integer> key = whole(p, keyDays, "keyDays", "Days before a key expires", 365);
        if (liquidation
                .filter(v -> v.signum() <= 0 || v.compareTo(HUNDRED) >= 0)
                .isPresent()) {
            p.fail("liquidationPct", "Enter a percentage above 0 and below 100.");
        }
        if (drift.filter(v -> v.signum() <= 0 || v.compareTo(BigDecimal.valueOf(200)) > 0)
                .isPresent()) {
            p.fail("driftPct", "Enter points above 0, at most 200.");
        }
        if (funding.filter(v -> v.signum() < 0 || v.compareTo(BigDecimal.valueOf(10000)) > 0)
                .isPresent()) {
            p.fail("fundingPct", "Enter a yearly percentage from 0 to 10000.");
        }
        if (stale.filter(v -> v.stripTrailingZeros().scale() > 0
                        || v.compareTo(BigDecimal.ONE) < 0
                        || v.compareTo(BigDecimal.valueOf(8760)) > 0)
                .isPresent()) {
            p.fail("staleHours", "Enter whole hours from 1 to 8760.");
        }
        Optional<Boolean> stopsOn = onOff(p, stops, "stops");
        Optional<Boolean> signOn = onOff(p, fundingSign, "fundingSign");
        p.check();
        return new StoredThresholds(
                liquidation.map(v -> v.movePointLeft(2)),
                drift.map(v -> v.movePointLeft(2)),
                stopsOn,
                funding.map(v -> v.movePointLeft(2)),
                signOn,
                stale.map(BigDecimal::intValueExact),
                sync,
                failures,
                key,
                versionOrZero());
    }

    /** A whole number from 1 to {@code max}, or empty; anything else is a message naming the range. */
    private static Optional<Integer> whole(Parse p, String text, String field, String label, int max) {
        Optional<BigDecimal> v = p.decimal(text, field, label);
        if (v.filter(x -> x.stripTrailingZeros().scale() > 0
                        || x.compareTo(BigDecimal.ONE) < 0
                        || x.compareTo(BigDecimal.valueOf(max)) > 0)
                .isPresent()) {
            p.fail(field, "Enter a whole number from 1 to " + max + ".");
            return Optional.empty();
        }
        return v.map(BigDecimal::intValueExact);
    }

    private static String whole(Optional<Integer> value) {
        return value.map(String::valueOf).orElse("");
    }

    private static Optional<Boolean> onOff(Parse p, String text, String field) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return switch (text.strip()) {
            case "on" -> Optional.of(true);
            case "off" -> Optional.of(false);
            default -> {
                p.fail(field, "Choose one from the list.");
                yield Optional.empty();
            }
        };
    }

    private static String pct(Optional<BigDecimal> fraction) {
        return fraction.map(f -> f.movePointRight(2).stripTrailingZeros().toPlainString())
                .orElse("");
    }

    private static String choice(Optional<Boolean> on) {
        return on.map(b -> b ? "on" : "off").orElse("");
    }
}
