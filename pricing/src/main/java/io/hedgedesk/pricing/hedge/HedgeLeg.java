package io.hedgedesk.pricing.hedge;

import io.hedgedesk.domain.instrument.Amount;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The sized hedge of one holding (see {@link HedgeSizer#size}). Amounts are unrounded (DECIMAL128); only the order
 * size is rounded, to whole quantity steps. Coin amounts are in the held coin, USD amounts at the spot price.
 *
 * <p>Sign convention: exposure, hedged and notional amounts are positive magnitudes (a long bag, a short hedge);
 * a residual is {@code exposure − hedged} and is <b>positive when part of the bag is still unhedged (net long)</b>,
 * negative when the hedge is larger than the exposure (net short).
 *
 * @param request               what was asked
 * @param order                 the opening order, e.g. {@code SELL 175000 ETHUSD}
 * @param notionalCoins         the short's size in coins at entry: inverse {@code Q·FV/E}, linear {@code q·cs}
 * @param notionalUsd           the short's size in USD at entry: inverse {@code Q·FV}, linear {@code q·cs·E}
 * @param margin                initial margin posted, {@code notional / L}: coins for {@link MarginSource#OUT_OF_BAG}
 *                              and {@link MarginSource#EXTRA_COIN} ({@code notionalCoins / L}, on a linear contract the
 *                              coin collateral worth the USDT margin at spot, no haircut), USDT for
 *                              {@link MarginSource#STABLECOIN}
 * @param marginUsd             the margin in USD
 * @param extraCoins            coins deposited on top of the bag: the margin and the coin opening fee {@code M + f}
 *                              for EXTRA_COIN, 0 otherwise
 * @param spotCoinsAfter        coins left outside the derivatives account: {@code C − M − f} for OUT_OF_BAG,
 *                              {@code C} otherwise
 * @param exposureCoins         the exposure hedged right after opening, each coin counted once, <b>including margin
 *                              coin</b>: {@code C − f} (OUT_OF_BAG: the margin is inside the bag, the coin fee is
 *                              spent), {@code C} (STABLECOIN: no coin margin), {@code C + M} (EXTRA_COIN); {@code f}
 *                              is 0 on a linear contract
 * @param exposureUsd           {@code exposureCoins × spot}
 * @param hedgedCoins           the hedge's delta in coin terms, positive: inverse {@code Q·FV/E}, linear
 *                              {@code q·cs·E/S}
 * @param hedgedUsd             {@code hedgedCoins × spot}: USD the hedge gains when the coin falls by 100 %
 * @param residualCoins         {@code exposureCoins − hedgedCoins}: left unhedged (positive = net long)
 * @param residualUsd           {@code residualCoins × spot}
 * @param roundingResidualCoins {@code target × exposureCoins − hedgedCoins}: the part of the target that rounding to
 *                              whole steps left unhedged (positive) or over-hedged (negative)
 * @param roundingResidualUsd   {@code roundingResidualCoins × spot}
 * @param coverage              {@code hedgedCoins / exposureCoins}, the hedge's USD delta over the exposure's
 */
public record HedgeLeg(
        HedgeRequest request,
        HedgeOrder order,
        BigDecimal notionalCoins,
        BigDecimal notionalUsd,
        Amount margin,
        BigDecimal marginUsd,
        BigDecimal extraCoins,
        BigDecimal spotCoinsAfter,
        BigDecimal exposureCoins,
        BigDecimal exposureUsd,
        BigDecimal hedgedCoins,
        BigDecimal hedgedUsd,
        BigDecimal residualCoins,
        BigDecimal residualUsd,
        BigDecimal roundingResidualCoins,
        BigDecimal roundingResidualUsd,
        BigDecimal coverage) {

    public HedgeLeg {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(notionalCoins, "notionalCoins");
        Objects.requireNonNull(notionalUsd, "notionalUsd");
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(marginUsd, "marginUsd");
        Objects.requireNonNull(extraCoins, "extraCoins");
        Objects.requireNonNull(spotCoinsAfter, "spotCoinsAfter");
        Objects.requireNonNull(exposureCoins, "exposureCoins");
        Objects.requireNonNull(exposureUsd, "exposureUsd");
        Objects.requireNonNull(hedgedCoins, "hedgedCoins");
        Objects.requireNonNull(hedgedUsd, "hedgedUsd");
        Objects.requireNonNull(residualCoins, "residualCoins");
        Objects.requireNonNull(residualUsd, "residualUsd");
        Objects.requireNonNull(roundingResidualCoins, "roundingResidualCoins");
        Objects.requireNonNull(roundingResidualUsd, "roundingResidualUsd");
        Objects.requireNonNull(coverage, "coverage");
        if (spotCoinsAfter.signum() < 0) {
            throw new HedgeSizingException(
                    "spotCoinsAfter must not be negative, was " + spotCoinsAfter.toPlainString());
        }
    }

    /**
     * The opening order's fee in the settlement asset, {@code r × notional}: coins {@code r·Q·FV/E} on an inverse
     * contract, USDT {@code r·q·cs·E} on a linear one (negative = rebate).
     */
    public Amount openingFee() {
        BigDecimal notional = request.instrument().isInverse() ? notionalCoins : notionalUsd;
        return new Amount(
                notional.multiply(request.openingFeeRate(), java.math.MathContext.DECIMAL128),
                request.instrument().settlementAsset());
    }

    /** True when the margin is fresh capital (extra coin or stablecoin) rather than coin from the bag. */
    public boolean marginIsFreshCapital() {
        return request.marginSource() != MarginSource.OUT_OF_BAG;
    }
}
