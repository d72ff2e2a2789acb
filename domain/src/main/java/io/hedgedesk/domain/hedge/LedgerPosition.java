package io.hedgedesk.domain.hedge;

import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A hedge position as its ledger sees it: what the ledger rules read, and what an action changes.
 *
 * @param side        LONG or SHORT; never changes
 * @param size        contracts (inverse) or quantity units (linear); positive while open, 0 once closed
 * @param entryPrice  average entry, quote currency (harmonic for inverse, size-weighted for linear)
 * @param leverage    the leverage chosen at the opening; never changes
 * @param margin      isolated margin backing the position, settlement asset, at least 0
 * @param realizedPnl realized PnL so far, settlement asset, fees excluded; positive = profit
 * @param status      OPEN or CLOSED
 * @param openedAt    when it was opened
 * @param closedAt    when it was closed, if it is
 */
public record LedgerPosition(
        Side side,
        BigDecimal size,
        BigDecimal entryPrice,
        BigDecimal leverage,
        BigDecimal margin,
        BigDecimal realizedPnl,
        HedgeStatus status,
        Instant openedAt,
        Optional<Instant> closedAt) {

    public LedgerPosition {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(size, "size");
        if (size.signum() < 0) {
            throw new IllegalArgumentException("size must not be negative, was " + size.toPlainString());
        }
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(leverage, "leverage");
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closedAt, "closedAt");
    }

    /** The ledger part of a stored hedge. */
    public static LedgerPosition of(Hedge hedge) {
        return new LedgerPosition(
                hedge.side(),
                hedge.size(),
                hedge.entryPrice(),
                hedge.leverage(),
                hedge.margin(),
                hedge.realizedPnl(),
                hedge.status(),
                hedge.openedAt(),
                hedge.closedAt());
    }

    public boolean isOpen() {
        return status == HedgeStatus.OPEN;
    }
}
