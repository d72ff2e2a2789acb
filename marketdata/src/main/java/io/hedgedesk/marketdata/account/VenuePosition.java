package io.hedgedesk.marketdata.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An open position as the venue reports it, in the catalog's terms.
 *
 * @param contractId       the catalog id, {@code VENUE:SYMBOL} (e.g. {@code BYBIT:ADAUSD}, {@code BINANCE:ADAUSD_PERP})
 * @param shortSide        true for a short position (a hedge of a holding is short)
 * @param size             the size, positive: contracts for inverse perpetuals (Bybit: 1 USD each; Binance COIN-M:
 *                         the contract's face value each), coins for linear ones
 * @param entryPrice       the average entry price, quote currency per coin
 * @param markPrice        the venue's mark price when it answered
 * @param margin           the margin the venue holds for the position (settlement asset): Bybit {@code positionIM}
 *                         (initial margin), Binance {@code isolatedMargin} (zero for a cross position)
 * @param liquidationPrice the venue's liquidation price, if it reports one
 * @param unrealizedPnl    the venue's unrealized PnL, settlement asset
 * @param leverage         the leverage set at the venue
 * @param updatedAt        when the venue last changed the position
 */
public record VenuePosition(
        String contractId,
        boolean shortSide,
        BigDecimal size,
        BigDecimal entryPrice,
        BigDecimal markPrice,
        BigDecimal margin,
        Optional<BigDecimal> liquidationPrice,
        BigDecimal unrealizedPnl,
        BigDecimal leverage,
        Instant updatedAt) {

    public VenuePosition {
        Objects.requireNonNull(contractId, "contractId");
        if (size.signum() <= 0) {
            throw new IllegalArgumentException("a position's size is positive, was " + size);
        }
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(markPrice, "markPrice");
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(liquidationPrice, "liquidationPrice");
        Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
        Objects.requireNonNull(leverage, "leverage");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
