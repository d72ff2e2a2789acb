package io.hedgedesk.web.planner;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.PriceQuote;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.Position;
import io.hedgedesk.pricing.proxy.HedgeStatistics;
import io.hedgedesk.pricing.scenario.ProxyBasket;
import io.hedgedesk.pricing.scenario.ScenarioCalculator;
import io.hedgedesk.pricing.scenario.ScenarioGrid;
import io.hedgedesk.pricing.scenario.ScenarioInput;
import io.hedgedesk.pricing.scenario.ScenarioRow;
import io.hedgedesk.web.api.BadInputException;
import io.hedgedesk.web.binding.NumberBinder.Field;
import io.hedgedesk.web.funding.FundingCalculator;
import io.hedgedesk.web.position.PositionCalculator;
import io.hedgedesk.web.position.PositionReport;
import io.hedgedesk.web.proxy.BetaCalculator;
import io.hedgedesk.web.proxy.ProxyHedgeService;
import io.hedgedesk.web.sizing.ScenarioView;
import io.hedgedesk.web.view.Display;
import io.hedgedesk.web.view.chart.FundingChart;
import io.hedgedesk.web.view.chart.SvgChart;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy hedge of the selected basket: β, contracts and order from {@link ProxyHedgeService} (the same as the
 * API's), the hedge analysed by {@link PositionCalculator}, its funding projected, and the scenario grid where the
 * hedge asset moves by each shock and the basket by {@code (1 + s)^β − 1}, give or take the residual band.
 */
@ApplicationScoped
public class ProxyPlanner {

    private final ProxyHedgeService proxies;
    private final BetaCalculator betas;
    private final PositionCalculator positions;
    private final FundingCalculator funding;

    public ProxyPlanner(
            ProxyHedgeService proxies, BetaCalculator betas, PositionCalculator positions, FundingCalculator funding) {
        this.proxies = proxies;
        this.betas = betas;
        this.positions = positions;
        this.funding = funding;
    }

    /**
     * The proxy plan of {@code basket}, valued at the team's price of the hedge coin when it has one (one price per
     * coin: the hedge is recorded and tracked at it), else at the last stored close.
     *
     * @throws BadInputException naming the field at fault
     */
    PlanPage.ProxyPlan plan(
            List<Bag> basket,
            PlanRequest request,
            FundingCalculator.StoredSeries stored,
            Map<String, PriceQuote> teamPrices) {
        String hedgeAsset = request.proxyAsset();
        if (!ProxyHedgeService.PROXY_COINS.contains(hedgeAsset)) {
            throw new BadInputException(
                    "proxyAsset",
                    "Hedge with must be BTC or ETH, was \"" + hedgeAsset.replaceAll("\\p{Cntrl}", "?") + "\"");
        }
        Instrument instrument = positions.contract("proxyContract", request.proxyContract());
        PriceSeries hedge = betas.history("proxyAsset", hedgeAsset);
        BetaCalculator.Window window = betas.window(request.windowDays(), request.from(), request.to(), hedge);
        List<BetaCalculator.Member> members = basket.stream()
                .map(b -> new BetaCalculator.Member(b.asset(), b.valueUsd().orElseThrow()))
                .toList();
        ProxyHedgeService.ProxyHedge proxy = proxies.estimate(
                hedgeAsset, hedge, members, window, request.returnType(), request.weighting(), "holding");
        Optional<PriceQuote> book = Optional.ofNullable(teamPrices.get(hedgeAsset));
        BigDecimal price = book.map(PriceQuote::priceUsd).orElse(hedge.last().close());
        LocalDate priceDate = book.map(b -> b.asOf().atZone(ZoneOffset.UTC).toLocalDate())
                .orElse(hedge.last().date());
        ProxyHedgeService.ProxyLeg leg = proxies.leg(proxy, instrument, price, "proxyContract");
        BigDecimal contracts = leg.contracts();
        if (contracts.signum() == 0) {
            throw new BadInputException(
                    "holding", "β × basket value is less than one " + instrument.id() + " contract: nothing to trade");
        }
        Side side = leg.side();
        BigDecimal leverage = request.proxyLeverage().orElseThrow();
        Position hedgePosition = PositionCalculator.position(
                instrument, side, contracts, price, leverage, Field.labelled("proxyLeverage", "Proxy hedge leverage"));
        PositionReport position = positions.report(
                hedgePosition, price, BigDecimal.ZERO, Optional.empty(), Optional.empty(), Optional.empty());
        PerpetualPricer pricer = PerpetualPricer.of(instrument);
        BigDecimal notionalCoins =
                pricer.coinNotional(instrument, contracts, price).value();
        BigDecimal notionalUsd =
                pricer.usdNotional(instrument, contracts, price).value();
        BigDecimal marginCoins =
                instrument.isInverse() ? pricer.initialMargin(hedgePosition).value() : BigDecimal.ZERO;
        String marginWords = instrument.isInverse()
                ? "The margin of an inverse contract is " + hedgeAsset + " you deposit: "
                        + Display.amount(marginCoins, hedgeAsset)
                        + ". That coin is long " + hedgeAsset
                        + " exposure the basket did not have; the scenarios include it."
                : "The margin is USDT you add: it carries no coin exposure, but it is fresh capital.";

        int horizon = request.horizonDays();
        FundingCalculator.SeriesChoice choice = funding.seriesFor(instrument, stored);
        Optional<FundingCalculator.Projected> projected = Optional.empty();
        Optional<SvgChart> fundingHistory = Optional.empty();
        if (choice.seriesId().isPresent()) {
            FundingRateSeries series =
                    funding.series("proxyContract", choice.seriesId().get());
            LocalDate[] fw = LegPlanner.fundingWindow(series, request);
            BigDecimal settlementUsd = instrument.settlementAsset().isDollar() ? BigDecimal.ONE : price;
            projected = Optional.of(funding.projected(
                    series,
                    fw[0],
                    fw[1],
                    horizon,
                    side,
                    pricer.positionValue(instrument, contracts, price).value(),
                    settlementUsd,
                    instrument.settlementAsset().symbol(),
                    choice.note()));
            fundingHistory = Optional.of(FundingChart.of(series, fw[0], fw[1]));
        }
        BigDecimal rateSum = projected
                .map(p -> p.projection().statistics().expectedRateSumToHolder(Duration.ofDays(horizon), side))
                .orElse(BigDecimal.ZERO);

        HedgeStatistics stats = proxy.beta().basket().statistics();
        double horizonResidual = stats.residualVolatility() * Math.sqrt(horizon);
        ScenarioInput input = ScenarioInput.proxy(
                hedgePosition,
                new ProxyBasket(proxy.beta().basketValue(), proxy.beta().seriesBeta(), horizonResidual, 1),
                marginCoins,
                price,
                price,
                rateSum);
        ScenarioGrid grid = ScenarioCalculator.DEFAULT.grid(input);
        List<PlanPage.ProxyRow> rows =
                grid.rows().stream().map(r -> proxyRow(instrument, r)).toList();
        BigDecimal residualRisk = Display.cents(BigDecimal.valueOf(stats.annualizedResidualVolatility())
                .multiply(proxy.beta().basketValue(), MathContext.DECIMAL128));
        List<SvgChart.Series> payoff = List.of(
                PlanCharts.series(
                        "Basket",
                        "spot",
                        rows,
                        PlanPage.ProxyRow::hedgePrice,
                        r -> r.basketPnlUsd().add(r.marginCoinPnlUsd())),
                PlanCharts.series(
                        "Hedge", "hedge", rows, PlanPage.ProxyRow::hedgePrice, PlanPage.ProxyRow::hedgePnlUsd),
                PlanCharts.series("Net", "net", rows, PlanPage.ProxyRow::hedgePrice, PlanPage.ProxyRow::netPnlUsd));
        return new PlanPage.ProxyPlan(
                proxy.view(),
                instrument.id(),
                Display.order(leg.side().openingOrder(), contracts, instrument),
                contracts,
                ProxyHedgeService.plain(price),
                priceDate,
                Display.satoshis(notionalCoins),
                Display.cents(notionalUsd),
                marginWords,
                position,
                projected.map(FundingCalculator.Projected::view),
                choice.note(),
                Display.percentPoints(proxy.varianceReduction().reduction()),
                proxy.varianceReduction().label(),
                residualRisk,
                rows,
                SvgChart.of(
                        "Payoff in USD across " + hedgeAsset + " prices", payoff, SvgChart.fitted(), SvgChart.fitted()),
                PlanCharts.betaChart(proxy.beta(), request.weighting()),
                fundingHistory);
    }

    private static PlanPage.ProxyRow proxyRow(Instrument instrument, ScenarioRow r) {
        return new PlanPage.ProxyRow(
                Display.percentPoints(r.shock()),
                Display.atTick(r.markPrice(), instrument),
                usd(r.basketPnlUsd()),
                usd(r.spotPnlUsd()),
                usd(r.hedgePnlUsd()),
                usd(r.fundingUsd()),
                usd(r.feesUsd()),
                usd(r.netPnlUsd()),
                usd(r.netLowUsd()),
                usd(r.netHighUsd()),
                Display.satoshis(r.marginBalance().value()),
                r.liquidated(),
                ScenarioView.liquidationWords(instrument, r));
    }

    private static BigDecimal usd(BigDecimal value) {
        return Display.cents(value);
    }
}
