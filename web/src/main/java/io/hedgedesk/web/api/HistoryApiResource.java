package io.hedgedesk.web.api;

import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.pricing.proxy.ReturnType;
import io.hedgedesk.pricing.proxy.Weighting;
import io.hedgedesk.web.funding.FundingCalculator;
import io.hedgedesk.web.position.PositionCalculator;
import io.hedgedesk.web.proxy.BetaCalculator;
import io.hedgedesk.web.proxy.ProxyHedgeService;
import io.hedgedesk.web.view.Display;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Funding projections and proxy β from the stored history, open to anyone (no login). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "History calculators", description = "Funding projection and proxy-hedge β from stored daily history")
public class HistoryApiResource {

    private final FundingCalculator funding;
    private final BetaCalculator betas;
    private final PositionCalculator positions;
    private final ProxyHedgeService proxies;

    public HistoryApiResource(
            FundingCalculator funding, BetaCalculator betas, PositionCalculator positions, ProxyHedgeService proxies) {
        this.funding = funding;
        this.betas = betas;
        this.positions = positions;
        this.proxies = proxies;
    }

    /**
     * @param seriesId                stored funding series, e.g. BITMEX:XBTUSD
     * @param from                    first day of the history window (UTC); blank = 365 days before {@code to}
     * @param to                      last day of the window, inclusive; blank = the day of the last settlement
     * @param horizonDays             projection horizon, days (blank = 30)
     * @param side                    SHORT (the hedge) or LONG
     * @param positionValue           absolute position value in the settlement asset (coins for inverse, USDT linear)
     * @param settlementAssetUsdPrice USD price of the settlement asset (1 for USDT)
     * @param settlementAsset         its symbol, for display (blank = "USDT")
     */
    public record ProjectionRequest(
            String seriesId,
            String from,
            String to,
            String horizonDays,
            String side,
            String positionValue,
            String settlementAssetUsdPrice,
            String settlementAsset) {}

    @POST
    @Path("funding/projection")
    @Operation(
            summary = "Funding of a constant-value position over a horizon from a stored history window: mean and"
                    + " annualized rate, 10th/50th/90th percentile of historical stretches, worst stretch, cost of insurance per"
                    + " month and year, the sign in words")
    public FundingCalculator.FundingView projection(ProjectionRequest request) {
        PerpetualApiResource.requireBody(request);
        String seriesId = Inputs.requiredText("seriesId", request.seriesId());
        Optional<LocalDate> to =
                Inputs.isBlank(request.to()) ? Optional.empty() : Optional.of(BetaCalculator.date("to", request.to()));
        Optional<LocalDate> from = Inputs.isBlank(request.from())
                ? Optional.empty()
                : Optional.of(BetaCalculator.date("from", request.from()));
        int horizon = FundingCalculator.horizonDays(request.horizonDays());
        Side side = Inputs.choice("side", request.side(), Side.class);
        BigDecimal value = Inputs.positive("positionValue", request.positionValue());
        BigDecimal usd = Inputs.positive("settlementAssetUsdPrice", request.settlementAssetUsdPrice());
        String asset = Inputs.isBlank(request.settlementAsset())
                ? "USDT"
                : Inputs.requiredText("settlementAsset", request.settlementAsset())
                        .toUpperCase(Locale.ROOT);
        return funding.projectStored(seriesId, from, to, horizon, side, value, usd, asset);
    }

    public record BasketMember(String asset, String valueUsd) {}

    /**
     * @param hedgeAsset BTC or ETH (any asset with stored closes is accepted)
     * @param basket     the assets and their USD values
     * @param windowDays days of history ending on the hedge asset's last stored close (blank = 365); ignored when
     *                   {@code from} is given
     * @param returnType SIMPLE or LOG (blank = SIMPLE)
     * @param weighting  EQUAL or EWMA (blank = EQUAL), with {@code lambda} (blank = 0.94)
     * @param contract   optional catalog contract of the hedge asset: the answer then counts contracts at the last
     *                   stored close
     * @param rollingDays optional: also estimate β and ρ over every window of this many returns (2–365), stepping one
     *                   day, to show how β moved
     */
    public record BetaRequest(
            String hedgeAsset,
            List<BasketMember> basket,
            String windowDays,
            String from,
            String to,
            String returnType,
            String weighting,
            String lambda,
            String contract,
            String rollingDays) {}

    /**
     * How much the β hedge would have reduced the variance of the basket's daily returns over the window:
     * {@code 1 − Var(r_B − β·r_H) / Var(r_B)}, in percent. In-sample (β estimated on the same returns): equal to ρ²,
     * and an overstatement of what the hedge does on new data.
     */
    public record VarianceReductionView(BigDecimal reductionPercent, String label) {}

    /** One rolling estimate, dated by the last return of its window. */
    public record RollingPoint(LocalDate lastReturn, BigDecimal beta, BigDecimal correlation) {}

    /**
     * @param hedgePrice last stored close of the hedge asset (USDT-quoted daily close), used for linear contracts
     * @param contracts  {@code β × basket value / contract value}, whole steps, to SELL (empty without a contract)
     * @param order      the order as the venue takes it
     */
    public record BetaResponse(
            BetaCalculator.BetaView beta,
            LocalDate hedgePriceDate,
            BigDecimal hedgePrice,
            Optional<String> contract,
            Optional<BigDecimal> contracts,
            Optional<String> order,
            String prices,
            VarianceReductionView varianceReduction,
            List<RollingPoint> rolling) {}

    @POST
    @Path("proxy/beta")
    @Operation(
            summary = "β of a basket on BTC or ETH from stored daily closes: per-asset β and ρ, basket β both ways,"
                    + " ρ, R², residual volatility, hedge notional and, for a contract, the number of contracts")
    public BetaResponse beta(BetaRequest request) {
        PerpetualApiResource.requireBody(request);
        String hedgeAsset =
                Inputs.requiredText("hedgeAsset", request.hedgeAsset()).toUpperCase(Locale.ROOT);
        PriceSeries hedge = betas.history("hedgeAsset", hedgeAsset);
        if (request.basket() == null) {
            throw new BadInputException("basket", "basket must list at least one asset");
        }
        List<BetaCalculator.Member> members = new ArrayList<>();
        for (int i = 0; i < request.basket().size(); i++) {
            BasketMember m = request.basket().get(i);
            if (m == null) {
                throw new BadInputException("basket[" + i + "]", "basket[" + i + "] is empty");
            }
            members.add(new BetaCalculator.Member(
                    Inputs.requiredText("basket[" + i + "].asset", m.asset()).toUpperCase(Locale.ROOT),
                    Inputs.positive("basket[" + i + "].valueUsd", m.valueUsd())));
        }
        BetaCalculator.Window window = betas.window(request.windowDays(), request.from(), request.to(), hedge);
        ReturnType returnType = Inputs.choice("returnType", request.returnType(), ReturnType.class, ReturnType.SIMPLE);
        Weighting weighting = BetaCalculator.weighting(request.weighting(), request.lambda());
        ProxyHedgeService.ProxyHedge proxy =
                proxies.estimate(hedgeAsset, hedge, members, window, returnType, weighting, "basket");
        BigDecimal price = hedge.last().close();
        Optional<ProxyHedgeService.ProxyLeg> leg = Inputs.isBlank(request.contract())
                ? Optional.empty()
                : Optional.of(
                        proxies.leg(proxy, positions.contract("contract", request.contract()), price, "contract"));
        List<RollingPoint> rolling = Inputs.isBlank(request.rollingDays())
                ? List.of()
                : proxies
                        .rolling(
                                proxy,
                                Inputs.wholeNumber("rollingDays", request.rollingDays(), 2, 365, 30),
                                "rollingDays")
                        .stream()
                        .map(e -> new RollingPoint(
                                e.lastReturnDate(),
                                BetaCalculator.ratio(e.statistics().hedgeRatio()),
                                BetaCalculator.ratio(e.statistics().correlation())))
                        .toList();
        return new BetaResponse(
                proxy.view(),
                hedge.last().date(),
                ProxyHedgeService.plain(price),
                leg.map(l -> l.instrument().id()),
                leg.map(ProxyHedgeService.ProxyLeg::contracts),
                leg.map(ProxyHedgeService.ProxyLeg::order),
                "USDT-quoted daily closes (stored history, " + hedge.source() + ")",
                new VarianceReductionView(
                        Display.percentPoints(proxy.varianceReduction().reduction()),
                        proxy.varianceReduction().label()),
                rolling);
    }
}
