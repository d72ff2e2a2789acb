package io.hedgedesk.pricing.backtest;

import java.util.Objects;

/**
 * Replays a bag and a hedge policy over daily closes and funding settlements.
 *
 * <p><b>The replay</b>, at each close {@code X} of the window (day 0 = the first):
 * <ol>
 *   <li>Day 0: each leg opens a short at the close. A per-asset leg is sized by
 *   {@link io.hedgedesk.pricing.hedge.HedgeSizer#size} (margin source, target coverage, the taker fee of the opening
 *   order, whole quantity steps: see the README's exposure model); a proxy leg on {@code β × the bag's value × target}
 *   USD, β from {@link io.hedgedesk.pricing.proxy.ProxyHedgeCalculator#statistics} of the bag's and the hedge coin's
 *   daily simple returns, equal weights. The initial margin and the taker fee are deposited: out of the bag (coins of
 *   that asset), or bought with cash (extra coins, stablecoins).</li>
 *   <li>Funding: the rates settled since the previous close (see {@link BacktestMarket}) are paid on the position value
 *   at the close, {@code cash = Side.SHORT.fundingToHolder(Σ rate) × value} (a positive rate is income to the short),
 *   into the isolated margin. Gaps in a series are named, never filled.</li>
 *   <li>Liquidation: when the isolated balance {@code M + PnL(X)} is at or below the maintenance margin at the close
 *   (the close is at or beyond the liquidation price, either convention), the leg loses its isolated margin and no
 *   more; it stays unhedged for the rest of the window. Only closes are seen: a move through the liquidation price and
 *   back within a day is missed.</li>
 *   <li>Top-up (optional): a balance below {@code level × initial margin} is brought back to the initial margin from
 *   the leg's margin source.</li>
 *   <li>Rebalancing: a per-asset leg whose coverage {@code D / H} (hedge delta in coins over the coins held, each
 *   counted once: {@link io.hedgedesk.pricing.hedge.HedgeSizer#coverage}) drifted past the band, or whose N days are
 *   up, is resized by the sizer's order (whole steps, towards the target); a proxy leg to
 *   {@code β × value × target}. Every trade pays the taker fee.</li>
 *   <li>Equity: hedged = coins held × X + each venue account ({@code wallet + M + PnL(X)}, × X for a coin account) +
 *   cash; unhedged = the starting coins × X + the cash the hedge needed at the opening.</li>
 * </ol>
 * Perpetual and spot are taken at the same close (no basis); USDT counts as USD.
 */
public final class BacktestEngine {

    /** The shared instance; the engine holds no state. */
    public static final BacktestEngine DEFAULT = new BacktestEngine();

    private BacktestEngine() {}

    /**
     * Replays {@code policy} over {@code market}'s window.
     *
     * @throws BacktestException if an asset of the bag or the proxy's coin has no closes in the market, or a fixed β
     *                           has too little history before the window
     */
    public BacktestResult run(BacktestMarket market, BacktestPolicy policy) {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(policy, "policy");
        return new Replay(market, policy).run();
    }
}
