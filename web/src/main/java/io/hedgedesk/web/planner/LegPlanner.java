package io.hedgedesk.web.planner;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.pricing.hedge.HedgeLeg;
import io.hedgedesk.pricing.hedge.HedgeRequest;
import io.hedgedesk.pricing.hedge.HedgeSizer;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.Position;
import io.hedgedesk.web.api.BadInputException;
import io.hedgedesk.web.binding.NumberBinder.Field;
import io.hedgedesk.web.funding.FundingCalculator;
import io.hedgedesk.web.position.PositionCalculator;
import io.hedgedesk.web.position.PositionReport;
import io.hedgedesk.web.sizing.HedgeCalculator;
import io.hedgedesk.web.view.chart.FundingChart;
import io.hedgedesk.web.view.chart.SvgChart;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One per-asset 1:1 leg of the plan: the hedge sized by {@link HedgeSizer} (the opening fee at the contract's taker
 * rate), the short analysed by {@link PositionCalculator}, funding projected from the stored history, and the
 * scenario table with that funding.
 */
@ApplicationScoped
public class LegPlanner {

    private final ContractCatalog catalog;
    private final HedgeCalculator hedges;
    private final PositionCalculator positions;
    private final FundingCalculator funding;

    public LegPlanner(
            ContractCatalog catalog, HedgeCalculator hedges, PositionCalculator positions, FundingCalculator funding) {
        this.catalog = catalog;
        this.hedges = hedges;
        this.positions = positions;
        this.funding = funding;
    }

    /**
     * The leg of {@code bag} on {@code contractId}, or the reason there is none. A bad input is kept in
     * {@code errors} under its field ({@code leverage.ETH}) and is the leg's problem.
     */
    PlanPage.AssetLeg leg(
            Bag bag,
            String contractId,
            PlanRequest.AssetRequest input,
            PlanRequest request,
            FundingCalculator.StoredSeries stored,
            Map<String, String> errors) {
        if (bag.price().isEmpty()) {
            return problem(bag, "No price is known for " + bag.asset() + ": enter one on the portfolio page.");
        }
        if (contractId.isEmpty()) {
            return problem(
                    bag,
                    "The contract catalog has no " + bag.asset() + " perpetual: a 1:1 hedge is impossible;"
                            + " see the proxy hedge.");
        }
        Optional<String> typo = request.assetProblem(bag.asset()).or(request::historyProblem);
        if (typo.isPresent()) {
            return problem(bag, typo.get());
        }
        BigDecimal spot = bag.price().get();
        try {
            Instrument instrument = contract(bag.asset(), contractId);
            Field leverageField = Field.labelled("leverage." + bag.asset(), "Leverage (" + bag.asset() + ")");
            BigDecimal leverage = input.leverage().orElseThrow();
            PositionCalculator.requireLeverage(leverageField, leverage, instrument);
            // The opening order is a market order: the plan accounts its fee at the contract's taker rate (on an
            // inverse
            // contract that fee is coin leaving the bag, which the tracker counts the same way).
            HedgeRequest sizing = new HedgeRequest(
                    instrument.baseAsset(),
                    bag.coins(),
                    spot,
                    instrument,
                    spot,
                    leverage,
                    input.margin().orElseThrow(),
                    input.coverage().orElseThrow(),
                    instrument.takerFeeRate());
            HedgeLeg leg = HedgeSizer.DEFAULT.size(sizing);
            BigDecimal size = leg.order().size();
            if (size.signum() == 0) {
                return problem(bag, "The bag is smaller than one " + instrument.id() + " contract: nothing to trade.");
            }
            Position hedge = PositionCalculator.position(instrument, Side.SHORT, size, spot, leverage, leverageField);
            PositionReport position = positions.report(
                    hedge, spot, BigDecimal.ZERO, Optional.empty(), Optional.empty(), Optional.empty());
            FundingCalculator.SeriesChoice choice = funding.seriesFor(instrument, stored);
            Optional<FundingCalculator.Projected> projected = Optional.empty();
            Optional<SvgChart> history = Optional.empty();
            if (choice.seriesId().isPresent()) {
                FundingRateSeries series = funding.series(
                        "contract." + bag.asset(), choice.seriesId().get());
                LocalDate[] window = fundingWindow(series, request);
                BigDecimal value = PerpetualPricer.of(instrument)
                        .positionValue(instrument, size, spot)
                        .value();
                BigDecimal settlementUsd = instrument.settlementAsset().isDollar() ? BigDecimal.ONE : spot;
                projected = Optional.of(funding.projected(
                        series,
                        window[0],
                        window[1],
                        request.horizonDays(),
                        Side.SHORT,
                        value,
                        settlementUsd,
                        instrument.settlementAsset().symbol(),
                        choice.note()));
                history = Optional.of(FundingChart.of(series, window[0], window[1]));
            }
            BigDecimal rateSum = projected
                    .map(p -> p.projection()
                            .statistics()
                            .expectedRateSumToHolder(Duration.ofDays(request.horizonDays()), Side.SHORT))
                    .orElse(BigDecimal.ZERO);
            HedgeCalculator.Stressed stressed = hedges.stress(sizing, rateSum, List.of());
            return new PlanPage.AssetLeg(
                    bag.asset(),
                    bag.coins(),
                    bag.price(),
                    bag.priceNote(),
                    Optional.of(new PlanPage.LegResult(
                            stressed.hedge(),
                            position,
                            projected.map(FundingCalculator.Projected::view),
                            choice.note(),
                            stressed.scenarios(),
                            PlanCharts.payoff(stressed.scenarios()),
                            history)),
                    Optional.empty());
        } catch (BadInputException e) {
            errors.put(e.field(), e.getMessage());
            return problem(bag, e.getMessage());
        } catch (IllegalArgumentException e) {
            if (!RuleRefusals.isRule(e)) {
                throw e;
            }
            return problem(bag, e.getMessage());
        }
    }

    private Instrument contract(String asset, String id) {
        return catalog.find(id)
                .orElseThrow(() -> new BadInputException(
                        "contract." + asset,
                        "Contract (" + asset + ") \"" + id.replaceAll("\\p{Cntrl}", "?")
                                + "\" is not in the contract catalog"));
    }

    static PlanPage.AssetLeg problem(Bag bag, String message) {
        return new PlanPage.AssetLeg(
                bag.asset(), bag.coins(), bag.price(), bag.priceNote(), Optional.empty(), Optional.of(message));
    }

    /**
     * The funding history window: the custom dates when given, else the last {@code windowDays} days of the stored
     * series (funding histories end on their own dates, often before the price history).
     */
    static LocalDate[] fundingWindow(FundingRateSeries series, PlanRequest request) {
        LocalDate last = series.last().time().atZone(ZoneOffset.UTC).toLocalDate();
        if (request.from().isPresent()) {
            return new LocalDate[] {request.from().get(), request.to().orElse(last)};
        }
        return new LocalDate[] {last.minusDays(request.windowDays() - 1L), last};
    }
}
