package io.hedgedesk.pricing.scenario;

import io.hedgedesk.domain.instrument.Amount;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One price shock of a {@link ScenarioGrid}. PnL is positive for a gain; amounts are unrounded. Settlement-asset
 * amounts are valued in USD at the shocked spot price (coin) or at 1 (USDT).
 *
 * @param shock            relative move of the hedge asset, {@code > −1} (−0.2 = −20 %)
 * @param spotPrice        shocked spot price {@code S·(1 + shock)}
 * @param markPrice        shocked mark price {@code F·(1 + shock)}
 * @param spotPnlUsd       {@code hedgeAssetCoins × (shocked spot − spot)}: the bag, margin coin included
 * @param basketPnlUsd     proxy basket {@code value × ((1 + shock)^β − 1)} ({@link ProxyBasket#move}), never below
 *                         −value; 0 without a basket
 * @param hedgePnl         the perpetual's PnL at the shocked mark, settlement asset (exact inverse or linear formula);
 *                         when liquidated by price, minus the margin lost
 * @param hedgePnlUsd      {@code hedgePnl} in USD
 * @param funding          funding over the horizon on the position value at the shocked mark, settlement asset;
 *                         positive = received; 0 when liquidated by price (the position is gone before any funding);
 *                         when funding exhausts the margin, {@code −(margin + hedgePnl)}: the margin that was left
 * @param fundingUsd       {@code funding} in USD
 * @param fees             taker fee to open (at entry) plus taker fee to close (at the shocked mark), settlement
 *                         asset; positive = paid; when liquidated only the fee to open (what the liquidation costs is
 *                         taken from the margin, which is lost whole)
 * @param feesUsd          {@code fees} in USD
 * @param netPnlUsd        {@code spotPnlUsd + basketPnlUsd + hedgePnlUsd + fundingUsd − feesUsd}
 * @param netLowUsd        {@code netPnlUsd − band} (band = {@code k·σ_res·basket value}; 0 without a basket), the
 *                         band below cut where the basket would be worth less than nothing
 * @param netHighUsd       {@code netPnlUsd + band}
 * @param marginBalance    isolated margin + extra margin + {@code hedgePnl} + {@code funding}, settlement asset
 *                         (fees not deducted); 0 when liquidated, never negative
 * @param marginBalanceUsd {@code marginBalance} in USD
 * @param liquidated       true when the shocked mark is at or beyond the liquidation price (short: mark ≥ LP), or
 *                         funding over the horizon exhausts the margin
 * @param liquidation      how the hedge ends when liquidated (where, margin lost, the unhedged rest of the move);
 *                         empty otherwise
 */
public record ScenarioRow(
        BigDecimal shock,
        BigDecimal spotPrice,
        BigDecimal markPrice,
        BigDecimal spotPnlUsd,
        BigDecimal basketPnlUsd,
        Amount hedgePnl,
        BigDecimal hedgePnlUsd,
        Amount funding,
        BigDecimal fundingUsd,
        Amount fees,
        BigDecimal feesUsd,
        BigDecimal netPnlUsd,
        BigDecimal netLowUsd,
        BigDecimal netHighUsd,
        Amount marginBalance,
        BigDecimal marginBalanceUsd,
        boolean liquidated,
        Optional<ScenarioLiquidation> liquidation) {

    public ScenarioRow {
        Objects.requireNonNull(shock, "shock");
        Objects.requireNonNull(spotPrice, "spotPrice");
        Objects.requireNonNull(markPrice, "markPrice");
        Objects.requireNonNull(spotPnlUsd, "spotPnlUsd");
        Objects.requireNonNull(basketPnlUsd, "basketPnlUsd");
        Objects.requireNonNull(hedgePnl, "hedgePnl");
        Objects.requireNonNull(hedgePnlUsd, "hedgePnlUsd");
        Objects.requireNonNull(funding, "funding");
        Objects.requireNonNull(fundingUsd, "fundingUsd");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(feesUsd, "feesUsd");
        Objects.requireNonNull(netPnlUsd, "netPnlUsd");
        Objects.requireNonNull(netLowUsd, "netLowUsd");
        Objects.requireNonNull(netHighUsd, "netHighUsd");
        Objects.requireNonNull(marginBalance, "marginBalance");
        Objects.requireNonNull(marginBalanceUsd, "marginBalanceUsd");
        Objects.requireNonNull(liquidation, "liquidation");
        if (liquidated != liquidation.isPresent()) {
            throw new IllegalArgumentException("liquidated must be true exactly when a liquidation is given");
        }
    }
}
