package io.hedgedesk.pricing.reconcile;

import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.Position;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * The realized PnL of one close as the pricing module computes it beside the exchange's figure.
 *
 * @param computed   {@link PerpetualPricer#close}'s realized PnL, settlement asset (fees excluded)
 * @param reported   the exchange's realized PnL, settlement asset
 * @param difference {@code reported − computed}
 * @param matches    true when {@code |difference| ≤ tolerance}
 */
public record CloseCheck(BigDecimal computed, BigDecimal reported, BigDecimal difference, boolean matches) {

    public CloseCheck {
        Objects.requireNonNull(computed, "computed");
        Objects.requireNonNull(reported, "reported");
        Objects.requireNonNull(difference, "difference");
    }

    /**
     * Checks a close of {@code quantity} of {@code position} at {@code exitPrice} against the exchange's realized PnL.
     * Venues report realized PnL net of the fees of the close on some pages and gross on others: pass
     * {@code reportedFees} (settlement asset, positive = paid) when the reported figure is net, so that
     * {@code computed − reportedFees} is compared; zero when it is gross.
     *
     * @param tolerance absolute, settlement asset (e.g. 1e-8 coin: the venues round to 8 decimals)
     */
    public static CloseCheck of(
            Position position,
            BigDecimal quantity,
            BigDecimal exitPrice,
            BigDecimal reported,
            BigDecimal reportedFees,
            BigDecimal tolerance) {
        PerpetualPricer pricer = PerpetualPricer.of(position.instrument());
        BigDecimal computed = pricer.close(position, quantity, exitPrice)
                .realizedPnl()
                .value()
                .subtract(reportedFees, MathContext.DECIMAL128);
        BigDecimal difference = reported.subtract(computed);
        return new CloseCheck(computed, reported, difference, difference.abs().compareTo(tolerance) <= 0);
    }
}
