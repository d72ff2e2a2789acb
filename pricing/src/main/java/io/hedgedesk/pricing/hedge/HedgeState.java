package io.hedgedesk.pricing.hedge;

import io.hedgedesk.domain.instrument.Instrument;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An existing same-coin short hedge and the coins it protects, as they are now.
 *
 * @param instrument   the perpetual shorted
 * @param spotCoins    coins held outside the derivatives account, at least 0
 * @param accountCoins coins on the derivatives account, at least 0: for an inverse contract the coin wallet balance
 *                     (margin plus realized PnL, <b>excluding</b> unrealized PnL); for a linear contract coin
 *                     collateral, 0 with stablecoin margin
 * @param size         the short's size, at least 0: contracts (inverse) or quantity units (linear)
 * @param entryPrice   the short's average entry price {@code E} (harmonic for inverse), positive
 * @param spotPrice    the coin's spot price {@code S} now, positive
 * @param markPrice    the perpetual's mark price {@code F} now, positive; new orders are assumed to fill at it
 */
public record HedgeState(
        Instrument instrument,
        BigDecimal spotCoins,
        BigDecimal accountCoins,
        BigDecimal size,
        BigDecimal entryPrice,
        BigDecimal spotPrice,
        BigDecimal markPrice) {

    public HedgeState {
        Objects.requireNonNull(instrument, "instrument");
        notNegative(spotCoins, "spotCoins");
        notNegative(accountCoins, "accountCoins");
        notNegative(size, "size");
        HedgeRequest.positive(entryPrice, "entryPrice");
        HedgeRequest.positive(spotPrice, "spotPrice");
        HedgeRequest.positive(markPrice, "markPrice");
        if (spotCoins.add(accountCoins).signum() == 0) {
            throw new HedgeSizingException("spotCoins plus accountCoins must be positive: there is nothing to hedge");
        }
    }

    /** The coins the hedge protects: {@code spotCoins + accountCoins}. */
    public BigDecimal holdingsCoins() {
        return spotCoins.add(accountCoins);
    }

    /** This state with another spot balance, e.g. after the user sold part of the bag. */
    public HedgeState withSpotCoins(BigDecimal coins) {
        return new HedgeState(instrument, coins, accountCoins, size, entryPrice, spotPrice, markPrice);
    }

    private static void notNegative(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0) {
            throw new HedgeSizingException(name + " must not be negative, was " + value.toPlainString());
        }
    }
}
