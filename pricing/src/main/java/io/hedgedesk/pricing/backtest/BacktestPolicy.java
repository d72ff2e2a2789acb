package io.hedgedesk.pricing.backtest;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bag and the hedge policy to replay.
 *
 * @param holdings   coins held per asset symbol at the window's start, each positive
 * @param perAsset   per-asset 1:1 legs (asset → leg on a perpetual of that asset); assets without a leg stay
 *                   unhedged. Empty for a proxy policy.
 * @param proxy      one proxy leg on BTC or ETH for the whole bag, sized by β; empty for a per-asset policy
 * @param rebalancing when legs are resized
 * @param topUp      when present, the fraction of the initial margin below which an isolated margin balance is
 *                   topped back up to the initial margin at a close, in (0, 1); empty = never
 */
public record BacktestPolicy(
        Map<String, BigDecimal> holdings,
        Map<String, LegPolicy> perAsset,
        Optional<ProxyPolicy> proxy,
        Rebalancing rebalancing,
        Optional<BigDecimal> topUp) {

    public BacktestPolicy {
        holdings = Map.copyOf(Objects.requireNonNull(holdings, "holdings"));
        perAsset = Map.copyOf(Objects.requireNonNull(perAsset, "perAsset"));
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(rebalancing, "rebalancing");
        Objects.requireNonNull(topUp, "topUp");
        if (holdings.isEmpty()) {
            throw new BacktestException("holding", "the bag is empty: select at least one holding");
        }
        for (Map.Entry<String, BigDecimal> held : holdings.entrySet()) {
            if (held.getValue() == null || held.getValue().signum() <= 0) {
                throw new BacktestException("holding", "coins of " + held.getKey() + " must be positive");
            }
        }
        for (Map.Entry<String, LegPolicy> leg : perAsset.entrySet()) {
            String asset = leg.getKey();
            if (!leg.getValue().instrument().baseAsset().symbol().equals(asset)) {
                throw new BacktestException(
                        "contract." + asset, leg.getValue().instrument().id() + " does not track " + asset);
            }
            if (!holdings.containsKey(asset)) {
                throw new BacktestException("contract." + asset, "no " + asset + " is held");
            }
        }
        if (proxy.isPresent() && !perAsset.isEmpty()) {
            throw new BacktestException("strategy", "a policy is either per-asset or proxy, not both");
        }
        if (topUp.isPresent() && (topUp.get().signum() <= 0 || topUp.get().compareTo(BigDecimal.ONE) >= 0)) {
            throw new BacktestException(
                    "topUp",
                    "the top-up level must lie in (0, 1) of the initial margin, was "
                            + topUp.get().toPlainString());
        }
    }

    /**
     * A proxy hedge of the whole bag.
     *
     * @param leg        the leg, on a BTC or ETH perpetual
     * @param betaMode   β fixed from the {@code betaWindow} days before the window, or re-estimated at every resize
     *                   from the {@code betaWindow} days before it
     * @param betaWindow daily returns β is estimated from, at least 2
     */
    public record ProxyPolicy(LegPolicy leg, BetaMode betaMode, int betaWindow) {

        public ProxyPolicy {
            Objects.requireNonNull(leg, "leg");
            Objects.requireNonNull(betaMode, "betaMode");
            String asset = leg.instrument().baseAsset().symbol();
            if (!asset.equals("BTC") && !asset.equals("ETH")) {
                throw new BacktestException(
                        "proxyContract",
                        "a proxy hedge uses a BTC or ETH perpetual, not "
                                + leg.instrument().id());
            }
            if (betaWindow < 2) {
                throw new BacktestException("betaWindow", "β needs at least 2 daily returns, was " + betaWindow);
            }
        }

        /** The hedge coin, BTC or ETH. */
        public String asset() {
            return leg.instrument().baseAsset().symbol();
        }
    }

    /** How the proxy's β is estimated. */
    public enum BetaMode {
        /** Once, from the days before the window (out of sample). */
        FIXED,
        /** At every resize, from the days before it (rolling window). */
        ROLLING
    }
}
