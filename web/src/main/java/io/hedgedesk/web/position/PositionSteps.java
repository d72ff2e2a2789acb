package io.hedgedesk.web.position;

import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.pricing.perpetual.Liquidity;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.Position;
import io.hedgedesk.pricing.perpetual.PositionClose;
import io.hedgedesk.web.api.BadInputException;
import java.math.BigDecimal;
import java.util.List;

/** Fills added to a position and a close of part of it, as the venue computes them (the trade API's steps). */
public final class PositionSteps {

    private PositionSteps() {}

    /** One fill of an order: its size (contracts or quantity units) and price. */
    public record Fill(BigDecimal size, BigDecimal price) {}

    /**
     * The position after each fill in order is added to {@code first}: sizes summed, the entry averaged as the venue
     * does ({@link PerpetualPricer#increase}: harmonic {@code ΣQ / Σ(Q/P)} for inverse, size-weighted for linear).
     */
    public static Position increased(Position first, List<Fill> fills) {
        Position position = first;
        for (Fill fill : fills) {
            position = PerpetualPricer.of(position.instrument()).increase(position, fill.size(), fill.price());
        }
        return position;
    }

    /**
     * A close of part or all of a position, in the settlement asset unless named USD.
     *
     * @param realizedPnl    PnL of the closed part before fees (positive = profit)
     * @param realizedPnlUsd the same in USD at the close price
     * @param fee            fee of the closing trade (positive = paid, negative = rebate)
     * @param netPnl         realized PnL minus the fee
     * @param remainingSize  what stays open (0 when fully closed)
     */
    public record Closed(
            Amount realizedPnl, Amount realizedPnlUsd, Amount fee, Amount netPnl, BigDecimal remainingSize) {}

    /** Closes {@code closeSize} of {@code position} at {@code closePrice}; more than its size is refused. */
    public static Closed close(
            Position position,
            BigDecimal closeSize,
            BigDecimal closePrice,
            Liquidity liquidity,
            String closeSizeField) {
        if (closeSize.compareTo(position.size()) > 0) {
            throw new BadInputException(
                    closeSizeField,
                    closeSizeField + " " + closeSize.toPlainString() + " is more than the position's size "
                            + position.size().toPlainString());
        }
        PerpetualPricer pricer = PerpetualPricer.of(position.instrument());
        PositionClose close = pricer.close(position, closeSize, closePrice);
        Amount fee = pricer.fee(position.instrument(), closeSize, closePrice, liquidity);
        return new Closed(
                close.realizedPnl(),
                pricer.pnlUsd(position.withSize(closeSize), closePrice),
                fee,
                close.realizedPnl().minus(fee),
                close.remaining().map(Position::size).orElse(BigDecimal.ZERO));
    }
}
