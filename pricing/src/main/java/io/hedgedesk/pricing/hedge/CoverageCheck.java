package io.hedgedesk.pricing.hedge;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The coverage of an existing hedge, its drift from the target and the order that restores it (see
 * {@link HedgeSizer#coverage}). Deltas are signed: the holdings' is positive (long), the short hedge's negative.
 * "USD delta" is the USD PnL of a +100 % move of the coin at constant delta, i.e. the coin delta times spot.
 *
 * @param holdingsCoins       coins protected, {@code spot + account}
 * @param holdingsDeltaUsd    {@code holdingsCoins × S}, positive
 * @param hedgeDeltaCoins     the short's delta in coins, negative: inverse {@code −Q·FV/E}, linear {@code −q·cs·F/S}
 * @param hedgeDeltaUsd       {@code hedgeDeltaCoins × S}, negative
 * @param netDeltaUsd         {@code holdingsDeltaUsd + hedgeDeltaUsd}: positive = net long left unhedged
 * @param coverage            {@code −hedgeDeltaUsd / holdingsDeltaUsd}
 * @param target              the target coverage
 * @param drift               {@code coverage − target}: positive = over-hedged relative to the target
 * @param resize              the order restoring the target: SELL (more short) when drift is negative, BUY (reduce)
 *                            when positive, rounded down to whole steps (never past the target); size 0 when within
 *                            one step
 * @param coverageAfterResize the coverage once {@code resize} has filled at the mark price
 */
public record CoverageCheck(
        BigDecimal holdingsCoins,
        BigDecimal holdingsDeltaUsd,
        BigDecimal hedgeDeltaCoins,
        BigDecimal hedgeDeltaUsd,
        BigDecimal netDeltaUsd,
        BigDecimal coverage,
        BigDecimal target,
        BigDecimal drift,
        HedgeOrder resize,
        BigDecimal coverageAfterResize) {

    public CoverageCheck {
        Objects.requireNonNull(holdingsCoins, "holdingsCoins");
        Objects.requireNonNull(holdingsDeltaUsd, "holdingsDeltaUsd");
        Objects.requireNonNull(hedgeDeltaCoins, "hedgeDeltaCoins");
        Objects.requireNonNull(hedgeDeltaUsd, "hedgeDeltaUsd");
        Objects.requireNonNull(netDeltaUsd, "netDeltaUsd");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(drift, "drift");
        Objects.requireNonNull(resize, "resize");
        Objects.requireNonNull(coverageAfterResize, "coverageAfterResize");
    }
}
