package io.hedgedesk.pricing.backtest;

import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of the backtest window in which a contract's funding series has no settlement where one was due. No
 * funding is booked there (nothing is filled in); the result names the gap instead.
 *
 * @param contractId the contract whose series it is
 * @param from       the last settlement before the gap, or the window's start when the series starts later
 * @param to         the first settlement after the gap, or the window's end when the series ends earlier
 * @param reason     in words: "before the series starts", "after the series ends" or "missing in the series"
 */
public record FundingGap(String contractId, Instant from, Instant to, String reason) {

    public FundingGap {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }

    /** The gap in words, e.g. "BINANCE:SOLUSDT: no funding 2022-11-16T00:00:00Z .. 2022-12-01T00:00:00Z (missing in the series)". */
    public String words() {
        return contractId + ": no funding " + from + " .. " + to + " (" + reason + ")";
    }
}
