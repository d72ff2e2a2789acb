package io.hedgedesk.pricing.backtest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What a replay (or a grade) found.
 *
 * @param path       one point per close of the window
 * @param capitalUsd the capital both portfolios start from: the bag at the first close plus the cash the hedge needs
 *                   at its opening (extra coins bought, stablecoin margin, fees paid in USDT), which the unhedged
 *                   portfolio holds as cash
 * @param holdings   the coins held at the start per asset (the unhedged portfolio keeps them)
 * @param events     openings, resizes, top-ups, liquidations and legs left unhedged, in date order
 * @param gaps       the funding gaps met (no funding was booked there)
 * @param beta       the proxy's β at the opening, if a proxy policy
 * @param measures   the measures of the path
 */
public record BacktestResult(
        List<DailyPoint> path,
        BigDecimal capitalUsd,
        Map<String, BigDecimal> holdings,
        List<BacktestEvent> events,
        List<FundingGap> gaps,
        OptionalDouble beta,
        BacktestMeasures measures) {

    public BacktestResult {
        path = List.copyOf(path);
        holdings = Map.copyOf(holdings);
        events = List.copyOf(events);
        gaps = List.copyOf(gaps);
    }
}
