package io.hedgedesk.marketdata.refresh;

/** Which history a backfill fetches. */
public enum BackfillKind {
    /** Funding settlements of the contract, into {@code funding_rate_history} under the contract id. */
    FUNDING,
    /** Daily closes of the contract, into {@code price_history} under its base asset. */
    PRICES
}
