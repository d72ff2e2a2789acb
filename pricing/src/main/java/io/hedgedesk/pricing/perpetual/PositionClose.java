package io.hedgedesk.pricing.perpetual;

import io.hedgedesk.domain.instrument.Amount;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of closing all or part of a position.
 *
 * @param closedSize   size closed, in the position's units (contracts or quantity units), positive
 * @param exitPrice    price of the closing trade
 * @param realizedPnl  PnL of the closed part in the settlement asset; positive = profit to the holder; fees excluded
 * @param remaining    the rest of the position, same side, entry price and leverage; empty if fully closed
 */
public record PositionClose(
        BigDecimal closedSize, BigDecimal exitPrice, Amount realizedPnl, Optional<Position> remaining) {

    public PositionClose {
        Objects.requireNonNull(closedSize, "closedSize");
        Objects.requireNonNull(exitPrice, "exitPrice");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(remaining, "remaining");
    }
}
