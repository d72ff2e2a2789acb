package io.hedgedesk.pricing.valuation;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.Optional;

/**
 * A portfolio's open hedges added up in USD at their marks (unrounded).
 *
 * <p>Per hedge of size {@code Q} at mark {@code P}: notional = {@link PerpetualPricer#usdNotional} ({@code Q·FV} USD
 * for an inverse contract, {@code q·cs·P} for a linear one); margin {@code M} and funding recorded {@code F} are in
 * the settlement asset and count {@code M·s}, {@code F·s} USD with {@code s = P} for a coin-settled contract and
 * {@code s = 1} for a dollar-settled one (USDT counted as USD); unrealized PnL as valued, in USD. A hedge without a mark
 * adds nothing and is counted in {@code unpriced}.
 *
 * @param notionalUsd      Σ notional, USD
 * @param marginUsd        Σ margin, USD
 * @param unrealizedPnlUsd Σ unrealized PnL, USD
 * @param fundingUsd       Σ funding recorded, USD, positive = received
 * @param hedges           hedges added
 * @param unpriced         of which without a mark (not in the sums)
 */
public record PortfolioTotals(
        BigDecimal notionalUsd,
        BigDecimal marginUsd,
        BigDecimal unrealizedPnlUsd,
        BigDecimal fundingUsd,
        int hedges,
        int unpriced) {

    /** No hedge. */
    public static final PortfolioTotals NONE =
            new PortfolioTotals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);

    private static final MathContext MC = MathContext.DECIMAL128;

    public PortfolioTotals {
        Objects.requireNonNull(notionalUsd, "notionalUsd");
        Objects.requireNonNull(marginUsd, "marginUsd");
        Objects.requireNonNull(unrealizedPnlUsd, "unrealizedPnlUsd");
        Objects.requireNonNull(fundingUsd, "fundingUsd");
    }

    /**
     * These totals with one more hedge.
     *
     * @param size          contracts (inverse) or quantity units (linear)
     * @param margin        margin, settlement asset
     * @param fundingCash   funding recorded, settlement asset, positive = received
     * @param mark          the mark it is valued at, if any
     * @param unrealizedUsd its unrealized PnL in USD, if valued
     */
    public PortfolioTotals plus(
            Instrument instrument,
            BigDecimal size,
            BigDecimal margin,
            BigDecimal fundingCash,
            Optional<BigDecimal> mark,
            Optional<BigDecimal> unrealizedUsd) {
        if (mark.isEmpty()) {
            return new PortfolioTotals(notionalUsd, marginUsd, unrealizedPnlUsd, fundingUsd, hedges + 1, unpriced + 1);
        }
        BigDecimal p = mark.get();
        BigDecimal s = instrument.settlementAsset().isDollar() ? BigDecimal.ONE : p;
        BigDecimal notional =
                PerpetualPricer.of(instrument).usdNotional(instrument, size, p).value();
        return new PortfolioTotals(
                notionalUsd.add(notional),
                marginUsd.add(margin.multiply(s, MC)),
                unrealizedPnlUsd.add(unrealizedUsd.orElse(BigDecimal.ZERO)),
                fundingUsd.add(fundingCash.multiply(s, MC)),
                hedges + 1,
                unpriced);
    }
}
