package io.hedgedesk.web.proxy;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.pricing.proxy.BasketBeta;
import io.hedgedesk.pricing.proxy.HedgeEstimate;
import io.hedgedesk.pricing.proxy.ProxyHedgeCalculator;
import io.hedgedesk.pricing.proxy.ReturnType;
import io.hedgedesk.pricing.proxy.VarianceReduction;
import io.hedgedesk.pricing.proxy.Weighting;
import io.hedgedesk.web.api.BadInputException;
import io.hedgedesk.web.view.Display;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The proxy hedge of a basket with BTC or ETH, the same for the planner and the API: β of the basket on the hedge
 * asset from the stored daily closes ({@link BetaCalculator}), the in-sample variance reduction, and the leg on a
 * contract of the hedge asset: {@code N* = |β|·basketValue / contractValue} contracts, short for a positive β.
 */
@ApplicationScoped
public class ProxyHedgeService {

    /** The coins a basket can be hedged with by proxy. */
    public static final Set<String> PROXY_COINS = Set.of("BTC", "ETH");

    private final BetaCalculator betas;

    public ProxyHedgeService(BetaCalculator betas) {
        this.betas = betas;
    }

    /**
     * A basket's β and what hedging by it would have done in the window.
     *
     * @param hedge the hedge asset's stored closes
     */
    public record ProxyHedge(
            String hedgeAsset,
            PriceSeries hedge,
            BasketBeta beta,
            ReturnType returnType,
            Weighting weighting,
            VarianceReduction varianceReduction) {

        /** The β as pages and the API show it. */
        public BetaCalculator.BetaView view() {
            return BetaCalculator.BetaView.of(hedgeAsset, beta, returnType, weighting);
        }

        /** Short the hedge asset for a positive β, long for a negative one. */
        public Side side() {
            return beta.seriesBeta() >= 0 ? Side.SHORT : Side.LONG;
        }
    }

    /**
     * The leg that hedges the basket.
     *
     * @param contracts whole quantity steps, half-up; may be zero when the basket is smaller than one contract
     * @param order     e.g. {@code SELL 7000 BTCUSD inverse contracts}
     */
    public record ProxyLeg(Instrument instrument, Side side, BigDecimal contracts, BigDecimal price, String order) {}

    /**
     * β of {@code members} on {@code hedgeAsset} over {@code window}; a refusal names {@code basketField} or the
     * member at fault ({@code basket[1].asset}).
     */
    public ProxyHedge estimate(
            String hedgeAsset,
            PriceSeries hedge,
            List<BetaCalculator.Member> members,
            BetaCalculator.Window window,
            ReturnType returnType,
            Weighting weighting,
            String basketField) {
        BasketBeta beta = betas.basketBeta(hedgeAsset, hedge, members, window, returnType, weighting, basketField);
        VarianceReduction reduction = ProxyHedgeCalculator.DEFAULT.inSampleVarianceReduction(
                beta.basketReturns(), beta.hedgeReturns(), weighting);
        return new ProxyHedge(hedgeAsset, hedge, beta, returnType, weighting, reduction);
    }

    /**
     * The leg on {@code instrument} at {@code price} (USD per hedge coin); the contract must track the hedge asset, or
     * a 400 names {@code contractField}.
     */
    public ProxyLeg leg(ProxyHedge hedge, Instrument instrument, BigDecimal price, String contractField) {
        if (!instrument.baseAsset().symbol().equals(hedge.hedgeAsset())) {
            throw new BadInputException(
                    contractField,
                    contractField + " " + instrument.id() + " tracks "
                            + instrument.baseAsset().symbol() + ", not the hedge asset " + hedge.hedgeAsset());
        }
        BigDecimal contracts =
                BetaCalculator.contracts(hedge.beta().seriesBeta(), hedge.beta().basketValue(), instrument, price);
        Side side = hedge.side();
        String order = (side == Side.SHORT ? "SELL " : "BUY ") + contracts.toPlainString() + " " + instrument.symbol()
                + (instrument.isInverse() ? " inverse contracts" : "");
        return new ProxyLeg(instrument, side, contracts, price, order);
    }

    /**
     * β and ρ over every window of {@code days} returns, stepping one day, to show how β moved; a window longer than
     * the returns is refused naming {@code field}.
     */
    public List<HedgeEstimate> rolling(ProxyHedge hedge, int days, String field) {
        int returns = hedge.beta().basketReturns().size();
        if (days > returns) {
            throw new BadInputException(
                    field, field + " " + days + " is longer than the " + returns + " returns in the window");
        }
        return ProxyHedgeCalculator.DEFAULT.rolling(
                hedge.beta().basketReturns(), hedge.beta().hedgeReturns(), days, hedge.weighting());
    }

    /** A stored close without the database's trailing zeros: 2971.640000000000000000 → 2971.64. */
    public static BigDecimal plain(BigDecimal value) {
        return Display.noExponent(value);
    }
}
