package io.hedgedesk.web.calculator;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.pricing.scenario.ScenarioGrid;
import io.hedgedesk.pricing.scenario.ScenarioRow;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The scenario table of a hedge as shown: USD at cents, settlement amounts at 8 decimals, prices at tick precision.
 * PnL and funding are positive when they are income; fees positive when paid.
 */
public record ScenarioView(Optional<BigDecimal> liquidationPrice, Optional<BigDecimal> bankruptcyPrice,
                           String settlementAsset, List<Row> rows) {

    /**
     * @param shockPercent the move of the hedged coin, percent
     * @param basketPnlUsd a proxy-hedged basket's PnL, {@code value × β × shock}; 0 for a same-coin hedge
     * @param netLowUsd    net PnL minus the basket's residual band (equal to net without a band)
     * @param netHighUsd   net PnL plus the band
     * @param liquidated   whether the shocked mark is at or past the liquidation price
     */
    public record Row(BigDecimal shockPercent, BigDecimal spotPrice, BigDecimal spotPnlUsd, BigDecimal basketPnlUsd,
                      BigDecimal hedgePnl, BigDecimal hedgePnlUsd, BigDecimal funding, BigDecimal fundingUsd,
                      BigDecimal fees, BigDecimal feesUsd, BigDecimal netPnlUsd, BigDecimal netLowUsd,
                      BigDecimal netHighUsd, BigDecimal marginBalance, BigDecimal marginBalanceUsd,
                      boolean liquidated) {
    }

    public static ScenarioView of(ScenarioGrid grid) {
        Instrument instrument = grid.input().hedge().instrument();
        List<Row> rows = grid.rows().stream().map(row -> row(instrument, row)).toList();
        return new ScenarioView(grid.liquidationPrice().map(p -> PositionCalculator.price(instrument, p)),
                grid.bankruptcyPrice().map(p -> PositionCalculator.price(instrument, p)),
                instrument.settlementAsset().symbol(), rows);
    }

    private static Row row(Instrument instrument, ScenarioRow row) {
        return new Row(HedgeView.percent(row.shock()), PositionCalculator.price(instrument, row.spotPrice()),
                HedgeView.usd(row.spotPnlUsd()), HedgeView.usd(row.basketPnlUsd()),
                HedgeView.coins(row.hedgePnl().value()), HedgeView.usd(row.hedgePnlUsd()),
                HedgeView.coins(row.funding().value()), HedgeView.usd(row.fundingUsd()), HedgeView.coins(row.fees().value()),
                HedgeView.usd(row.feesUsd()), HedgeView.usd(row.netPnlUsd()), HedgeView.usd(row.netLowUsd()),
                HedgeView.usd(row.netHighUsd()), HedgeView.coins(row.marginBalance().value()),
                HedgeView.usd(row.marginBalanceUsd()), row.liquidated());
    }
}
