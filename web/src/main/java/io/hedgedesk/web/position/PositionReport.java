package io.hedgedesk.web.position;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Everything the position calculator says about one isolated perpetual position, rounded for display (see
 * {@link Money}; prices at the contract's tick precision, at least cents). Signs: PnL and funding are positive when
 * they are income to the position holder; fees are positive when paid.
 *
 * @param coinNotional      position value in the base coin at the mark price (inverse {@code Q·FV/mark}, linear
 *                          {@code q·cs})
 * @param usdNotional       position value in USD at the mark price (inverse {@code Q·FV}, linear {@code q·cs·mark})
 * @param unrealizedPnl     PnL at the mark in the settlement asset
 * @param unrealizedPnlUsd  the same in USD at the mark
 * @param initialMargin     position value at entry / leverage, settlement asset
 * @param maintenanceMargin at the mark price, tiered: {@code N·MMR − amount}
 * @param liquidation       the isolated liquidation price in each convention, the venue's own first
 * @param bankruptcyPrice   where the isolated margin is exhausted; empty when margin covers any move
 * @param funding           funding per interval at the given rate; empty when no rate was given
 * @param roePercent        return on equity at the mark, PnL / initial margin in percent, fees not included
 * @param orderCost         initial margin + taker fee to open + taker fee to close at the bankruptcy price (Bybit's
 *                          "order cost"), settlement asset
 * @param target            the exit price of the asked return on equity; empty when none was asked
 * @param maxPosition       the largest position of the given balance; empty when no balance was given
 */
public record PositionReport(
        ContractView contract,
        String side,
        BigDecimal size,
        String sizeUnit,
        BigDecimal entryPrice,
        BigDecimal markPrice,
        BigDecimal leverage,
        Money coinNotional,
        Money usdNotional,
        Money unrealizedPnl,
        Money unrealizedPnlUsd,
        Money initialMargin,
        Money extraMargin,
        Money maintenanceMargin,
        Money openTakerFee,
        Money openMakerFee,
        Money closeTakerFee,
        List<Liquidation> liquidation,
        Optional<BigDecimal> bankruptcyPrice,
        Optional<Funding> funding,
        BigDecimal roePercent,
        Money orderCost,
        Optional<Target> target,
        Optional<MaxPosition> maxPosition) {

    /**
     * @param roePercent the return on equity asked, percent
     * @param price      the exit price that gives it, at tick precision; empty when no price can
     */
    public record Target(BigDecimal roePercent, Optional<BigDecimal> price) {}

    /**
     * @param balance   what may be spent, settlement asset
     * @param size      the largest size whose order cost fits the balance and whose tier allows the leverage, in
     *                  whole quantity steps
     * @param orderCost the order cost of that size
     */
    public record MaxPosition(Money balance, BigDecimal size, String sizeUnit, Money orderCost) {}

    /**
     * @param convention      {@code MAINTENANCE_ON_ENTRY_VALUE} or {@code MAINTENANCE_ON_MARK_VALUE}
     * @param venueConvention whether this is the convention the contract's venue uses
     * @param price           the liquidation price; empty when none exists
     * @param distance        from the mark to the liquidation price, positive while not liquidated
     * @param distancePercent that distance as a percentage of the mark
     */
    public record Liquidation(
            String convention,
            String description,
            boolean venueConvention,
            Optional<BigDecimal> price,
            Optional<BigDecimal> distance,
            Optional<BigDecimal> distancePercent) {}

    /**
     * @param ratePerInterval     market rate per interval (positive: longs pay shorts)
     * @param intervalHours       hours between settlements (0 = continuous)
     * @param annualizedPercent   rate × settlements per year, in percent; empty for continuous funding
     * @param perInterval         cash to the holder per settlement, settlement asset (positive = income)
     * @param perIntervalUsd      the same in USD at the mark
     * @param explanation         the sign in words
     */
    public record Funding(
            BigDecimal ratePerInterval,
            long intervalHours,
            Optional<BigDecimal> annualizedPercent,
            Money perInterval,
            Money perIntervalUsd,
            String explanation) {}
}
