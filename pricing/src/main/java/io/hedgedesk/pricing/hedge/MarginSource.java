package io.hedgedesk.pricing.hedge;

/**
 * Where the initial margin of a hedge comes from. It matters because coin posted as margin is itself long exposure
 * to the coin (domain.md §4, "the margin counts").
 *
 * <p>On an inverse contract coin margin is the contract's own margin. On a linear contract the two coin sources mean
 * the coin is posted as collateral for the USDT margin (venues' multi-asset / unified accounts); it is valued at
 * spot without the venue's haircut.
 */
public enum MarginSource {
    /**
     * The margin is coin taken out of the held coins (the bag): the bag, spot plus margin, is the exposure and nothing
     * is added to it. The spot coins left after posting are {@code C − M}.
     */
    OUT_OF_BAG,
    /**
     * The user deposits extra coin as margin: that coin is exposure too and is hedged as well, so the hedge is sized on
     * {@code C + M}, where {@code M} itself depends on the hedge size (solved in closed form by the sizer).
     */
    EXTRA_COIN,
    /**
     * Fresh stablecoin (USDT) capital posted as margin on a linear contract: no coin exposure is added. Inverse
     * contracts settle in the coin and cannot take stablecoin margin.
     */
    STABLECOIN;

    /** True when the margin is coin, i.e. part of the exposure to hedge. */
    public boolean isCoin() {
        return this != STABLECOIN;
    }
}
