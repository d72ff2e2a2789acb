package io.hedgedesk.web.portfolio;

import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.domain.portfolio.KnownAssets;
import io.hedgedesk.domain.portfolio.PortfolioValuation;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import io.hedgedesk.pricing.timeline.PortfolioTimeline;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.view.chart.SvgChart;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The portfolio's value hedged and unhedged over the last {@value #DAYS} stored daily closes ({@link
 * PortfolioTimeline}): the holdings as they are now, and the open hedges from the day each was opened.
 */
@ApplicationScoped
public class PortfolioCharts {

    /** Days shown, ending at the newest close every counted coin has. */
    static final int DAYS = 180;

    private final PriceHistoryRepository closes;
    private final HedgeBookService book;

    public PortfolioCharts(PriceHistoryRepository closes, HedgeBookService book) {
        this.closes = closes;
        this.book = book;
    }

    /** The chart, or a sentence saying why there is none; and what it leaves out. */
    public record ValueChart(Optional<SvgChart> chart, String note) {}

    public ValueChart of(long userId, long portfolioId, PortfolioValuation valuation) {
        Map<String, BigDecimal> coins = new TreeMap<>();
        valuation.lines().stream()
                .filter(l ->
                        !KnownAssets.STABLECOINS.contains(l.holding().draft().assetSymbol()))
                .forEach(l -> coins.merge(
                        l.holding().draft().assetSymbol(), l.holding().draft().quantity(), BigDecimal::add));
        List<PortfolioTimeline.OpenHedge> hedges = new ArrayList<>();
        for (HedgeBookService.HedgeAccess a : book.openHedges(userId)) {
            if (a.hedge().portfolioId() == portfolioId && a.hedge().size().signum() > 0) {
                hedges.add(new PortfolioTimeline.OpenHedge(
                        a.instrument(),
                        a.hedge().side(),
                        a.hedge().size(),
                        a.hedge().entryPrice(),
                        a.hedge().leverage(),
                        a.hedge().openedAt().atZone(ZoneOffset.UTC).toLocalDate()));
            }
        }
        Map<String, PriceSeries> series = new TreeMap<>();
        coins.keySet().forEach(c -> closes.series(c).ifPresent(s -> series.put(c, s)));
        hedges.forEach(h -> {
            String c = h.instrument().baseAsset().symbol();
            if (!series.containsKey(c)) {
                closes.series(c).ifPresent(s -> series.put(c, s));
            }
        });
        if (series.isEmpty()) {
            return new ValueChart(
                    Optional.empty(),
                    coins.isEmpty() ? "" : "No daily closes are stored for " + String.join(", ", coins.keySet()) + ".");
        }
        LocalDate to = series.values().stream()
                .map(s -> s.last().date())
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate from = to.minusDays(DAYS - 1L);
        PortfolioTimeline.Path path = PortfolioTimeline.DEFAULT.path(coins, hedges, series, from, to);
        if (path.points().size() < 2) {
            return new ValueChart(Optional.empty(), "Fewer than two days with a close of every coin up to " + to + ".");
        }
        List<double[]> unhedged = new ArrayList<>();
        List<double[]> hedged = new ArrayList<>();
        for (PortfolioTimeline.Point p : path.points()) {
            unhedged.add(new double[] {p.date().toEpochDay(), p.unhedgedUsd().doubleValue()});
            hedged.add(new double[] {p.date().toEpochDay(), p.hedgedUsd().doubleValue()});
        }
        List<SvgChart.Series> lines = new ArrayList<>(List.of(new SvgChart.Series("Unhedged", "spot", unhedged)));
        if (!hedges.isEmpty()) {
            lines.add(new SvgChart.Series("Hedged", "net", hedged));
        }
        String note = "The holdings as they are now at each stored daily close from "
                + path.points().get(0).date()
                + " to " + to
                + (hedges.isEmpty()
                        ? "; no open hedge."
                        : "; hedged adds each open hedge's PnL at the close"
                                + " from the day it was opened (funding and fees not included).");
        if (!path.unpriced().isEmpty()) {
            note += " Left out, without stored closes: " + String.join(", ", path.unpriced()) + ".";
        }
        return new ValueChart(
                Optional.of(SvgChart.of("Portfolio value, USD", lines, SvgChart.days(), SvgChart.fitted())), note);
    }
}
