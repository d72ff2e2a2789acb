package io.hedgedesk.pricing.alerts;

/**
 * What an alert is about (a hedge's, or an exchange connection's), in the order the dashboard lists them within a
 * severity.
 */
public enum AlertKind {
    /** The adverse move to the liquidation price is below the threshold. */
    LIQUIDATION(Severity.LIQUIDATION_AND_STOPS),
    /** The mark has crossed the stop level. */
    STOP(Severity.LIQUIDATION_AND_STOPS),
    /** The mark has crossed the take-profit level. */
    TAKE_PROFIT(Severity.LIQUIDATION_AND_STOPS),
    /** Coverage is further from its target than the band. */
    COVERAGE_DRIFT(Severity.DRIFT),
    /** The hedge pays funding at a yearly rate above the threshold. */
    FUNDING_RATE(Severity.DRIFT),
    /** The hedge went from receiving funding to paying it. */
    FUNDING_SIGN(Severity.DRIFT),
    /** The market data the hedge is valued with is older than the threshold. */
    STALE_DATA(Severity.DATA_AGE),
    /** An exchange connection's syncs have been failing for too long or too often ({@link ConnectionChecks}). */
    SYNC_FAILING(Severity.CONNECTIONS),
    /** An exchange connection's API key expires within the threshold ({@link ConnectionChecks}). */
    KEY_EXPIRING(Severity.CONNECTIONS);

    /** Severity groups, most urgent first. */
    public enum Severity {
        LIQUIDATION_AND_STOPS,
        DRIFT,
        CONNECTIONS,
        DATA_AGE
    }

    private final Severity severity;

    AlertKind(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
