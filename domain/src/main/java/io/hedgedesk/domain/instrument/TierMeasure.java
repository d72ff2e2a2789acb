package io.hedgedesk.domain.instrument;

/** What a maintenance tier's upper bound counts. */
public enum TierMeasure {
    /** Position value in the settlement asset: coins ({@code Q·FV/P}) for inverse, USDT ({@code q·P}) for linear. */
    POSITION_VALUE,
    /** Number of contracts (OKX). */
    CONTRACTS
}
