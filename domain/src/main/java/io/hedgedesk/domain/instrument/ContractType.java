package io.hedgedesk.domain.instrument;

/** How a perpetual is quoted and settled. */
public enum ContractType {
    /**
     * Coin-margined: each contract has a face value in USD ({@link Instrument#contractSize()}); margin, PnL, fees and
     * funding are paid in the coin itself.
     */
    INVERSE,
    /** USDT/USDC-margined: the quantity is in coins (times the contract size); margin and PnL are in the stablecoin. */
    LINEAR
}
