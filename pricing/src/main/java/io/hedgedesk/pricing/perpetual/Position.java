package io.hedgedesk.pricing.perpetual;

import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.MaintenanceTier;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.instrument.TierMeasure;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An open isolated-margin position in a perpetual: what was traded, not market data.
 *
 * <p>Validation mirrors what a venue accepts when the position is opened: size, entry price and leverage are
 * positive; the leverage is at most the instrument's maximum and at most the maximum of the tier the position falls
 * in at its entry price (its {@link PerpetualPricer#tierMeasure tier measure} at entry). The size is not forced to a
 * multiple of the quantity step: rounding an order to whole contracts is the caller's decision.
 *
 * @param instrument the contract
 * @param side       {@link Side#LONG} or {@link Side#SHORT}; the size itself is never signed
 * @param size       positive: number of contracts for an inverse contract (each worth {@code contractSize} USD),
 *                   quantity units for a linear one (each {@code contractSize} coins)
 * @param entryPrice average entry price, positive, in the quote currency (USD for inverse, USDT for linear)
 * @param leverage   chosen leverage L, positive; initial margin = position value at entry / L
 */
public record Position(Instrument instrument, Side side, BigDecimal size, BigDecimal entryPrice, BigDecimal leverage) {

    public Position {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Checks.positive(size, "size");
        Checks.positive(entryPrice, "entryPrice");
        Checks.positive(leverage, "leverage");
        if (leverage.compareTo(instrument.maxLeverage()) > 0) {
            throw new PerpetualPricingException("leverage " + leverage.toPlainString() + " exceeds the maximum "
                    + instrument.maxLeverage().toPlainString() + " of " + instrument.id());
        }
        PerpetualPricer pricer = PerpetualPricer.of(instrument);
        MaintenanceTier tier = pricer.tierAt(instrument, size, entryPrice);
        if (leverage.compareTo(tier.maxLeverage()) > 0) {
            BigDecimal measure = pricer.tierMeasure(instrument, size, entryPrice);
            throw new PerpetualPricingException("leverage " + leverage.toPlainString() + " exceeds the maximum "
                    + tier.maxLeverage().toPlainString() + " of " + instrument.id() + "'s tier "
                    + range(instrument, tier)
                    + " " + measureUnit(instrument) + ", which a position of "
                    + measure.round(PerpetualPricer.MATH).stripTrailingZeros().toPlainString() + " falls in");
        }
    }

    /** Convenience factory parsing decimal strings, e.g. {@code Position.of(btcusd, LONG, "10000", "8000", "50")}. */
    public static Position of(Instrument instrument, Side side, String size, String entryPrice, String leverage) {
        return new Position(
                instrument, side, new BigDecimal(size), new BigDecimal(entryPrice), new BigDecimal(leverage));
    }

    /** The currency of margin, PnL and fees: the coin for inverse, USDT for linear. */
    public Asset settlementAsset() {
        return instrument.settlementAsset();
    }

    /** The same position with another size (entry and leverage unchanged). */
    public Position withSize(BigDecimal newSize) {
        return new Position(instrument, side, newSize, entryPrice, leverage);
    }

    /** {@code (lower, upper]} of the tier, "unbounded" for the last. */
    private static String range(Instrument instrument, MaintenanceTier tier) {
        int index = instrument.maintenanceTiers().indexOf(tier);
        String lower = index == 0
                ? "0"
                : instrument
                        .maintenanceTiers()
                        .get(index - 1)
                        .upTo()
                        .orElseThrow()
                        .toPlainString();
        return "(" + lower + ", "
                + tier.upTo().map(bound -> bound.toPlainString() + "]").orElse("unbounded)");
    }

    private static String measureUnit(Instrument instrument) {
        return instrument.tierMeasure() == TierMeasure.CONTRACTS
                ? "contracts"
                : instrument.settlementAsset().symbol();
    }
}
