package io.hedgedesk.pricing.scenario;

import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.pricing.hedge.HedgeLeg;
import io.hedgedesk.pricing.hedge.HedgeRequest;
import io.hedgedesk.pricing.perpetual.Position;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A hedged holding to stress: the perpetual position, the coins of its base asset held, prices now, the funding
 * expected over the scenario horizon and, for a proxy hedge, the basket.
 *
 * <p><b>Funding input.</b> Funding is given as an expected <b>rate sum over the horizon, to the holder</b> of the
 * position (positive = income; a short receives it when rates are positive), as a fraction of position value, e.g.
 * {@code FundingStatistics.expectedRateSumToHolder(horizon, Side.SHORT)} for the window's mean, or a
 * {@code HorizonDistribution} percentile ({@code p10} for a bad stretch). A rate rather than a cash amount because
 * the position value it applies to depends on the shocked price ({@code Q·FV/X} coins, {@code q·cs·X} USDT); the
 * calculator turns it into cash per row with {@code FundingProjector.toCash}.
 *
 * @param hedge                  the perpetual position (a SHORT for a hedge)
 * @param hedgeAssetCoins        coins of the hedge's base asset owned, at least 0, <b>including coin posted as
 *                               margin</b> (the bag: spot plus margin, plus extra coin deposited); 0 for a proxy hedge
 *                               margined in USDT
 * @param spotPrice              spot price of the hedge's base asset now, USD, positive
 * @param markPrice              the perpetual's mark price now, positive; the shock moves it by the same percentage
 * @param extraMargin            isolated margin beyond the initial margin, settlement asset, at least 0
 * @param fundingRateSumToHolder expected sum of funding rates over the horizon, to the holder; any sign
 * @param basket                 the proxy-hedged basket, empty for a same-coin hedge
 */
public record ScenarioInput(
        Position hedge,
        BigDecimal hedgeAssetCoins,
        BigDecimal spotPrice,
        BigDecimal markPrice,
        Amount extraMargin,
        BigDecimal fundingRateSumToHolder,
        Optional<ProxyBasket> basket) {

    public ScenarioInput {
        Objects.requireNonNull(hedge, "hedge");
        Objects.requireNonNull(hedgeAssetCoins, "hedgeAssetCoins");
        Objects.requireNonNull(extraMargin, "extraMargin");
        Objects.requireNonNull(fundingRateSumToHolder, "fundingRateSumToHolder");
        Objects.requireNonNull(basket, "basket");
        if (hedgeAssetCoins.signum() < 0) {
            throw new ScenarioException("hedgeAssetCoins must not be negative, was " + hedgeAssetCoins.toPlainString());
        }
        positive(spotPrice, "spotPrice");
        positive(markPrice, "markPrice");
        if (!extraMargin.asset().equals(hedge.settlementAsset())) {
            throw new ScenarioException("extraMargin must be in " + hedge.settlementAsset()
                    + ", the settlement asset of " + hedge.instrument().id() + ", was " + extraMargin);
        }
        if (extraMargin.signum() < 0) {
            throw new ScenarioException("extraMargin must not be negative, was " + extraMargin);
        }
    }

    /** A same-coin hedge without extra margin. */
    public static ScenarioInput sameCoin(
            Position hedge,
            BigDecimal coins,
            BigDecimal spotPrice,
            BigDecimal markPrice,
            BigDecimal fundingRateSumToHolder) {
        Objects.requireNonNull(hedge, "hedge");
        return new ScenarioInput(
                hedge,
                coins,
                spotPrice,
                markPrice,
                Amount.zero(hedge.settlementAsset()),
                fundingRateSumToHolder,
                Optional.empty());
    }

    /**
     * The hedge a {@link HedgeLeg} plans, as it stands right after opening: a SHORT of the leg's size at the request's
     * hedge price and leverage, the leg's exposure (bag plus any extra coin) as the coins held, spot and mark from the
     * request. For a linear contract with coin collateral the margin is modelled as its USDT value (the collateral's
     * price moves are in the spot PnL through the coins held).
     */
    public static ScenarioInput fromLeg(HedgeLeg leg, BigDecimal fundingRateSumToHolder) {
        Objects.requireNonNull(leg, "leg");
        HedgeRequest request = leg.request();
        if (leg.order().isEmpty()) {
            throw new ScenarioException(
                    "the leg for " + request.instrument().id() + " trades nothing; there is no hedge " + "to stress");
        }
        Position position = new Position(
                request.instrument(), Side.SHORT, leg.order().size(), request.hedgePrice(), request.leverage());
        return sameCoin(
                position, leg.exposureCoins(), request.spotPrice(), request.hedgePrice(), fundingRateSumToHolder);
    }

    /** A proxy hedge of {@code basket}, holding {@code hedgeAssetCoins} of the hedge asset (e.g. its coin margin). */
    public static ScenarioInput proxy(
            Position hedge,
            ProxyBasket basket,
            BigDecimal hedgeAssetCoins,
            BigDecimal spotPrice,
            BigDecimal markPrice,
            BigDecimal fundingRateSumToHolder) {
        Objects.requireNonNull(hedge, "hedge");
        return new ScenarioInput(
                hedge,
                hedgeAssetCoins,
                spotPrice,
                markPrice,
                Amount.zero(hedge.settlementAsset()),
                fundingRateSumToHolder,
                Optional.of(Objects.requireNonNull(basket, "basket")));
    }

    /** This input with extra isolated margin (settlement asset). */
    public ScenarioInput withExtraMargin(Amount margin) {
        return new ScenarioInput(hedge, hedgeAssetCoins, spotPrice, markPrice, margin, fundingRateSumToHolder, basket);
    }

    static void positive(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new ScenarioException(name + " must be positive, was " + value.toPlainString());
        }
    }
}
