package io.hedgedesk.pricing.valuation;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An open hedge as recorded, with the coins its account at the venue holds.
 *
 * @param hedgeId           the hedge
 * @param instrument        its contract
 * @param side              SHORT for a hedge of long holdings
 * @param size              contracts (inverse) or quantity units (linear), at least 0
 * @param entryPrice        average entry, positive
 * @param leverage          leverage, positive
 * @param margin            the margin backing the isolated position, settlement asset, at least 0
 * @param targetCoverage    the coverage aimed at, in (0, 2]
 * @param holdingIds        the holdings insured; empty = every holding of the portfolio (of the contract's coin for
 *                          a same-coin hedge)
 * @param venueCoins        coins of the contract's base asset held at the venue for this hedge: an inverse contract's
 *                          account balance (margin moved in and out, realized PnL, funding, minus fees; unrealized PnL
 *                          excluded), a linear contract's coin collateral; may be negative only through fees
 * @param bagCoins          the part of {@code venueCoins} that was moved there from the insured holdings (margin "out of
 *                          the bag", net of what was moved back): those coins are still in the holdings' quantity, so
 *                          they are not counted a second time
 * @param beta              the basket's β on the contract's coin for a proxy hedge; empty for a same-coin hedge
 * @param stopPrice         close target: the stop level, if set
 * @param takeProfitPrice   close target: the take-profit level, if set
 * @param maxFundingCostUsd close target: the most funding the hedge may cost, USD, if set
 * @param fundingCash       funding recorded so far, settlement asset, positive = received
 */
public record HedgeAccount(
        long hedgeId,
        Instrument instrument,
        Side side,
        BigDecimal size,
        BigDecimal entryPrice,
        BigDecimal leverage,
        BigDecimal margin,
        BigDecimal targetCoverage,
        List<Long> holdingIds,
        BigDecimal venueCoins,
        BigDecimal bagCoins,
        Optional<BigDecimal> beta,
        Optional<BigDecimal> stopPrice,
        Optional<BigDecimal> takeProfitPrice,
        Optional<BigDecimal> maxFundingCostUsd,
        BigDecimal fundingCash) {

    public HedgeAccount {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(leverage, "leverage");
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(targetCoverage, "targetCoverage");
        holdingIds = List.copyOf(holdingIds);
        Objects.requireNonNull(venueCoins, "venueCoins");
        Objects.requireNonNull(bagCoins, "bagCoins");
        Objects.requireNonNull(beta, "beta");
        Objects.requireNonNull(stopPrice, "stopPrice");
        Objects.requireNonNull(takeProfitPrice, "takeProfitPrice");
        Objects.requireNonNull(maxFundingCostUsd, "maxFundingCostUsd");
        Objects.requireNonNull(fundingCash, "fundingCash");
    }

    /** The contract's coin, e.g. {@code "ADA"}. */
    public String asset() {
        return instrument.baseAsset().symbol();
    }

    /** Coins at the venue that are not already part of the insured holdings: {@code venueCoins − bagCoins}. */
    public BigDecimal coinsBeyondHoldings() {
        return venueCoins.subtract(bagCoins);
    }
}
