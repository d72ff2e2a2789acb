package io.hedgedesk.web.hedge;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.pricing.timeline.HedgeTimeline;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.view.chart.SvgChart;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The hedge page's pictures, from its ledger and the stored closes and funding ({@link HedgeTimeline}): PnL, funding
 * expected and recorded, and coverage of its coin, one point per stored daily close of its life.
 */
@ApplicationScoped
public class HedgeCharts {

    private final PriceHistoryRepository closes;
    private final FundingHistoryRepository funding;
    private final PortfolioService portfolios;

    public HedgeCharts(PriceHistoryRepository closes, FundingHistoryRepository funding, PortfolioService portfolios) {
        this.closes = closes;
        this.funding = funding;
        this.portfolios = portfolios;
    }

    /** The charts (none when no close is stored over the hedge's life) and what they assume. */
    public record Pictures(List<SvgChart> charts, String note) {}

    /** The pictures of a hedge the user may see ({@code access} and {@code events} loaded through the user's access). */
    public Pictures of(long userId, HedgeBookService.HedgeAccess access, List<HedgeEvent> events) {
        Hedge hedge = access.hedge();
        Instrument instrument = access.instrument();
        String coin = instrument.baseAsset().symbol();
        Optional<PriceSeries> series = closes.series(coin);
        if (series.isEmpty()) {
            return new Pictures(List.of(), "No daily closes of " + coin + " are stored: nothing to draw.");
        }
        BigDecimal insured = BigDecimal.ZERO;
        if (hedge.beta().isEmpty()) {
            for (Holding h : portfolios.holdings(userId, hedge.portfolioId())) {
                if (h.draft().assetSymbol().equals(coin)
                        && (hedge.holdingIds().isEmpty() || hedge.holdingIds().contains(h.id()))) {
                    insured = insured.add(h.draft().quantity());
                }
            }
        }
        LocalDate to = series.get().last().date();
        List<HedgeTimeline.Day> days = HedgeTimeline.DEFAULT.days(
                instrument,
                hedge.side(),
                hedge.leverage(),
                events,
                series.get(),
                funding.series(instrument.id()),
                new HedgeTimeline.Insured(insured, "OUT_OF_BAG".equals(hedge.marginSource()), hedge.collateralCoins()),
                to);
        if (days.size() < 2) {
            return new Pictures(
                    List.of(),
                    "The stored daily closes of " + coin + " end on " + to
                            + ": fewer than two fall in this hedge's life.");
        }
        String settlement = instrument.settlementAsset().symbol();
        List<SvgChart> charts = new ArrayList<>();
        charts.add(SvgChart.of(
                "PnL of the hedge, USD (realized + unrealized − fees)",
                List.of(series("PnL", "hedge", days, HedgeTimeline.Day::pnlUsd)),
                SvgChart.days(),
                SvgChart.fitted()));
        List<SvgChart.Series> fundingLines = new ArrayList<>();
        List<HedgeTimeline.Day> expected =
                days.stream().filter(d -> d.fundingExpected().isPresent()).toList();
        if (!expected.isEmpty()) {
            fundingLines.add(series(
                    "Expected from stored rates",
                    "spot",
                    expected,
                    d -> d.fundingExpected().get()));
        }
        fundingLines.add(series("Recorded", "net", days, HedgeTimeline.Day::fundingRecorded));
        charts.add(SvgChart.of(
                "Funding so far, " + settlement + " (+ received, − paid)",
                fundingLines,
                SvgChart.days(),
                SvgChart.fitted()));
        List<HedgeTimeline.Day> covered =
                days.stream().filter(d -> d.coverage().isPresent()).toList();
        if (covered.size() >= 2) {
            charts.add(SvgChart.of(
                    "Coverage of the insured " + coin + " by this hedge, %",
                    List.of(series(
                            "Coverage", "net", covered, d -> d.coverage().get().movePointRight(2))),
                    SvgChart.days(),
                    SvgChart.fitted()));
        }
        String note = "At each stored daily close of " + coin + " from "
                + days.get(0).date() + " to "
                + days.get(days.size() - 1).date() + ", with the ledger up to that day."
                + (expected.size() < days.size()
                        ? " Expected funding stops where the stored rates of " + instrument.id() + " end."
                        : "")
                + (covered.size() >= 2
                        ? " Coverage counts this hedge alone against the insured holdings as they are now."
                        : " No coverage line: "
                                + (hedge.beta().isPresent() ? "a proxy hedge." : "no insured " + coin + " holding."));
        return new Pictures(charts, note);
    }

    private static SvgChart.Series series(
            String name, String css, List<HedgeTimeline.Day> days, Function<HedgeTimeline.Day, BigDecimal> y) {
        List<double[]> values = new ArrayList<>();
        days.forEach(
                d -> values.add(new double[] {d.date().toEpochDay(), y.apply(d).doubleValue()}));
        return new SvgChart.Series(name, css, values);
    }
}
