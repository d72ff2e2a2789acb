package io.hedgedesk.pricing.valuation;

import io.hedgedesk.domain.market.PriceQuote;
import io.hedgedesk.pricing.hedge.CoverageCheck;
import io.hedgedesk.pricing.perpetual.LiquidationDistance;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One open hedge valued now (unrounded; the page rounds).
 *
 * @param account            the hedge
 * @param mark               the price it is valued at; empty when its coin has no price
 * @param unrealizedPnl      PnL of the open size at the mark, settlement asset
 * @param unrealizedPnlUsd   the same in USD at the mark
 * @param liquidation        distance to liquidation at the mark, if there is a liquidation price
 * @param stopDistance       {@code (stop − mark)/mark}, if a stop is set
 * @param takeProfitDistance {@code (take profit − mark)/mark}, if set
 * @param deltaCoins         this hedge's delta in coins of its contract's coin (positive for a short)
 * @param proxy              true for a proxy hedge (insuring other coins through β)
 * @param coverage           for a same-coin hedge the coverage of its coin by all its open hedges with the resize of
 *                           this one; for a proxy hedge its coverage of {@code β × basket}; empty when not computable
 * @param coverageNote       why coverage is missing, or empty
 * @param alerts             alerts about this hedge alone
 */
public record HedgeValuation(
        HedgeAccount account,
        Optional<PriceQuote> mark,
        Optional<BigDecimal> unrealizedPnl,
        Optional<BigDecimal> unrealizedPnlUsd,
        Optional<LiquidationDistance> liquidation,
        Optional<BigDecimal> stopDistance,
        Optional<BigDecimal> takeProfitDistance,
        BigDecimal deltaCoins,
        boolean proxy,
        Optional<CoverageCheck> coverage,
        String coverageNote,
        List<HedgeAlert> alerts) {

    public HedgeValuation {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(mark, "mark");
        Objects.requireNonNull(coverage, "coverage");
        alerts = List.copyOf(alerts);
    }
}
