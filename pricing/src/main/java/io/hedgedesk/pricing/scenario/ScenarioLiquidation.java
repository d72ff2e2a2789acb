package io.hedgedesk.pricing.scenario;

import io.hedgedesk.domain.instrument.Amount;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * How the isolated hedge of a liquidated {@link ScenarioRow} ends: it loses its margin and no more, and from the
 * liquidation on the holdings move with no hedge.
 *
 * @param cause          what exhausts the margin
 * @param markPrice      the mark at which the position goes: the liquidation price ({@link Cause#PRICE}) or the
 *                       shocked mark ({@link Cause#FUNDING})
 * @param spotPrice      the hedge asset's spot then, {@code markPrice × S/F} (constant relative basis)
 * @param marginLost     the isolated margin lost, initial plus extra margin, settlement asset, positive
 * @param unhedgedPnlUsd what the holdings still held gain (positive) or lose from there to the shocked price, USD:
 *                       {@code C'·(shocked spot − spotPrice) + basket PnL at the shock − basket PnL at spotPrice},
 *                       with {@code C'} the coins held less the coin margin lost (coin-settled) or all of them
 *                       (USDT-settled); 0 for {@link Cause#FUNDING}
 */
public record ScenarioLiquidation(
        Cause cause, BigDecimal markPrice, BigDecimal spotPrice, Amount marginLost, BigDecimal unhedgedPnlUsd) {

    /** What exhausts the isolated margin. */
    public enum Cause {
        /** The shocked mark is at or beyond the liquidation price. */
        PRICE,
        /** Funding paid over the horizon takes the margin balance at the shocked mark to zero or below. */
        FUNDING
    }

    public ScenarioLiquidation {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(markPrice, "markPrice");
        Objects.requireNonNull(spotPrice, "spotPrice");
        Objects.requireNonNull(marginLost, "marginLost");
        Objects.requireNonNull(unhedgedPnlUsd, "unhedgedPnlUsd");
    }
}
