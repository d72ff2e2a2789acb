/**
 * Proxy (cross) hedging: hedging a basket of coins with a perpetual on a different asset (BTC, ETH) using the
 * minimum-variance hedge ratio estimated from aligned daily closes.
 *
 * <p><b>Vocabulary.</b> "Basket" (S) is the spot exposure to hedge, "hedge" (H) the instrument hedged with.
 * {@code h* = Cov(r_S, r_H) / Var(r_H) = ρ·σ_S/σ_H} is the beta of the basket on the hedge instrument; hedge
 * effectiveness is {@code ρ²}; residual volatility {@code σ_S·√(1 − ρ²)}.
 *
 * <p><b>Numbers.</b> Statistics (σ, ρ, β) are {@code double}; prices and money stay {@link java.math.BigDecimal},
 * and a ratio enters money math only through {@link java.math.BigDecimal#valueOf(double)}. Volatilities are per
 * observation period (a day, for daily closes); annualized figures multiply by {@code √365} because crypto trades
 * every day of the year.
 *
 * <p>All estimates are historical; a variance reduction computed on the same data that produced the ratio is
 * in-sample and labelled so.
 */
package io.hedgedesk.pricing.proxy;
