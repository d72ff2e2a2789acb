package io.hedgedesk.web.sizing;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.pricing.scenario.ScenarioGrid;
import io.hedgedesk.pricing.scenario.ScenarioLiquidation;
import io.hedgedesk.pricing.scenario.ScenarioRow;
import io.hedgedesk.web.position.PositionCalculator;
import io.hedgedesk.web.view.Display;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The scenario table of a hedge as shown: USD at cents, settlement amounts at 8 decimals, prices at tick precision.
 * PnL and funding are positive when they are income; fees positive when paid.
 */
public record ScenarioView(
        Optional<BigDecimal> liquidationPrice,
        Optional<BigDecimal> bankruptcyPrice,
        String settlementAsset,
        List<Row> rows) {

    /**
     * @param shockPercent      the move of the hedged coin, percent
     * @param basketPnlUsd      a proxy-hedged basket's PnL, {@code value × ((1 + shock)^β − 1)}, never below minus its
     *                          value; 0 for a same-coin hedge
     * @param hedgePnl          the hedge's PnL, settlement asset; minus its margin when liquidated
     * @param netLowUsd         net PnL minus the basket's residual band (equal to net without a band)
     * @param netHighUsd        net PnL plus the band
     * @param marginBalance     never negative: 0 when liquidated
     * @param liquidated        whether the hedge is liquidated: the shocked mark is at or past the liquidation price,
     *                          or the funding paid exhausts its margin
     * @param liquidatedAtPrice the mark at which it is liquidated; empty when it is not
     * @param unhedgedPnlUsd    what the holdings gain or lose from the liquidation to the shocked price with no hedge;
     *                          0 when not liquidated
     * @param liquidation       the liquidation in words; empty when not liquidated
     */
    public record Row(
            BigDecimal shockPercent,
            BigDecimal spotPrice,
            BigDecimal spotPnlUsd,
            BigDecimal basketPnlUsd,
            BigDecimal hedgePnl,
            BigDecimal hedgePnlUsd,
            BigDecimal funding,
            BigDecimal fundingUsd,
            BigDecimal fees,
            BigDecimal feesUsd,
            BigDecimal netPnlUsd,
            BigDecimal netLowUsd,
            BigDecimal netHighUsd,
            BigDecimal marginBalance,
            BigDecimal marginBalanceUsd,
            boolean liquidated,
            Optional<BigDecimal> liquidatedAtPrice,
            BigDecimal unhedgedPnlUsd,
            String liquidation) {}

    public static ScenarioView of(ScenarioGrid grid) {
        Instrument instrument = grid.input().hedge().instrument();
        List<Row> rows = grid.rows().stream().map(row -> row(instrument, row)).toList();
        return new ScenarioView(
                grid.liquidationPrice().map(p -> PositionCalculator.price(instrument, p)),
                grid.bankruptcyPrice().map(p -> PositionCalculator.price(instrument, p)),
                instrument.settlementAsset().symbol(),
                rows);
    }

    private static Row row(Instrument instrument, ScenarioRow row) {
        return new Row(
                HedgeView.percent(row.shock()),
                PositionCalculator.price(instrument, row.spotPrice()),
                HedgeView.usd(row.spotPnlUsd()),
                HedgeView.usd(row.basketPnlUsd()),
                HedgeView.coins(row.hedgePnl().value()),
                HedgeView.usd(row.hedgePnlUsd()),
                HedgeView.coins(row.funding().value()),
                HedgeView.usd(row.fundingUsd()),
                HedgeView.coins(row.fees().value()),
                HedgeView.usd(row.feesUsd()),
                HedgeView.usd(row.netPnlUsd()),
                HedgeView.usd(row.netLowUsd()),
                HedgeView.usd(row.netHighUsd()),
                HedgeView.coins(row.marginBalance().value()),
                HedgeView.usd(row.marginBalanceUsd()),
                row.liquidated(),
                row.liquidation().map(l -> PositionCalculator.price(instrument, l.markPrice())),
                HedgeView.usd(row.liquidation()
                        .map(ScenarioLiquidation::unhedgedPnlUsd)
                        .orElse(BigDecimal.ZERO)),
                liquidationWords(instrument, row));
    }

    /**
     * A liquidated row in words, e.g. "Liquidated at 6,862.75: the 25 ETH margin is lost, and no more; the rest
     * of the move, to 7,000.00, is unhedged (+1,750.00 USD)"; "" when the row is not liquidated.
     */
    public static String liquidationWords(Instrument instrument, ScenarioRow row) {
        if (row.liquidation().isEmpty()) {
            return "";
        }
        ScenarioLiquidation l = row.liquidation().get();
        String margin =
                Display.amount(l.marginLost().value(), l.marginLost().asset().symbol());
        if (l.cause() == ScenarioLiquidation.Cause.FUNDING) {
            return "Liquidated: the funding paid over the horizon takes the " + margin + " margin, and no more; the"
                    + " holdings are unhedged from then on";
        }
        BigDecimal unhedged = l.unhedgedPnlUsd();
        return "Liquidated at " + Display.price(l.markPrice(), instrument) + ": the "
                + margin + " margin is lost, and no more; the rest of the move, to "
                + Display.price(row.markPrice(), instrument) + ", is unhedged ("
                + (Display.cents(unhedged).signum() > 0 ? "+" : "") + Display.usd(unhedged) + ")";
    }
}
