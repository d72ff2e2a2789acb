package io.hedgedesk.web.hedge.book;

import io.hedgedesk.domain.hedge.HedgeMark;
import io.hedgedesk.pricing.hedge.CoverageCheck;
import io.hedgedesk.pricing.perpetual.LiquidationDistance;
import io.hedgedesk.pricing.valuation.AssetCoverage;
import io.hedgedesk.pricing.valuation.HedgeAlert;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A hedge valued now (unrounded; the page rounds). Amounts "settlement" are in the hedge's settlement asset.
 *
 * @param access            the hedge and how it was loaded
 * @param mark              the mark used, if any (without one nothing is valued)
 * @param markAge           its age
 * @param stale             true when older than the configured threshold
 * @param unrealizedPnl     PnL of the open size at the mark, settlement asset
 * @param unrealizedPnlUsd  the same in USD at the mark
 * @param fundingExpected   funding expected from stored rates over the hedge's life (sizes as recorded), settlement
 *                          asset, positive = income; empty when the contract has no stored series covering it
 * @param fundingNote       how the expected funding was computed, or why there is none ("no stored rates")
 * @param fundingActual     sum of recorded FUNDING events, settlement asset
 * @param fees              sum of fees recorded, settlement asset (positive = paid)
 * @param accountCash       sum of all cash changes (margin, realized PnL, funding, fees), settlement asset
 * @param coverage          coverage of the coin (or of β × basket for a proxy) with this hedge's resize, if computable
 * @param coverageNote      why coverage is missing, or empty
 * @param liquidation       distance to liquidation at the mark, if there is a liquidation price
 * @param stopDistance      (stop − mark)/mark, if a stop level is set
 * @param takeProfitDistance (take profit − mark)/mark, if set
 * @param asset             for a same-coin hedge, its coin's coverage over all open hedges of the portfolio
 * @param proxy             true for a proxy hedge (coverage against β × the insured basket)
 * @param alerts            alerts about this hedge and its coin
 */
public record HedgeSnapshot(
        HedgeBookService.HedgeAccess access,
        Optional<HedgeMark> mark,
        Optional<Duration> markAge,
        boolean stale,
        Optional<BigDecimal> unrealizedPnl,
        Optional<BigDecimal> unrealizedPnlUsd,
        Optional<BigDecimal> fundingExpected,
        String fundingNote,
        BigDecimal fundingActual,
        BigDecimal fees,
        BigDecimal accountCash,
        Optional<CoverageCheck> coverage,
        String coverageNote,
        Optional<LiquidationDistance> liquidation,
        Optional<BigDecimal> stopDistance,
        Optional<BigDecimal> takeProfitDistance,
        Optional<AssetCoverage> asset,
        boolean proxy,
        List<HedgeAlert> alerts) {

    public HedgeSnapshot {
        Objects.requireNonNull(access, "access");
        alerts = List.copyOf(alerts);
    }

    /** Expected minus actual funding, when an expectation exists. */
    public Optional<BigDecimal> fundingDifference() {
        return fundingExpected.map(expected -> fundingActual.subtract(expected));
    }
}
