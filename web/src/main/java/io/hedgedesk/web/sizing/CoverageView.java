package io.hedgedesk.web.sizing;

import io.hedgedesk.pricing.hedge.CoverageCheck;
import java.math.BigDecimal;

/**
 * Coverage of an open hedge as shown: coins at 8 decimals, USD at cents, percentages with 2 decimals. Deltas are
 * signed (holdings positive, the short negative); drift is positive when over-hedged.
 *
 * @param resize                    the order that restores the target, e.g. "BUY 35000 ETHUSD"; "none" when on target
 * @param coverageAfterResizePercent the coverage once that order has filled at the mark
 */
public record CoverageView(
        BigDecimal holdingsCoins,
        BigDecimal holdingsDeltaUsd,
        BigDecimal hedgeDeltaCoins,
        BigDecimal hedgeDeltaUsd,
        BigDecimal netDeltaUsd,
        BigDecimal coveragePercent,
        BigDecimal targetPercent,
        BigDecimal driftPercent,
        String resize,
        BigDecimal coverageAfterResizePercent) {

    public static CoverageView of(CoverageCheck check) {
        return new CoverageView(
                HedgeView.coins(check.holdingsCoins()),
                HedgeView.usd(check.holdingsDeltaUsd()),
                HedgeView.coins(check.hedgeDeltaCoins()),
                HedgeView.usd(check.hedgeDeltaUsd()),
                HedgeView.usd(check.netDeltaUsd()),
                HedgeView.percent(check.coverage()),
                HedgeView.percent(check.target()),
                HedgeView.percent(check.drift()),
                check.resize().isEmpty() ? "none" : check.resize().toString(),
                HedgeView.percent(check.coverageAfterResize()));
    }
}
