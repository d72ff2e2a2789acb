package io.hedgedesk.pricing.perpetual;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.MaintenanceTier;
import io.hedgedesk.domain.instrument.TierMeasure;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Finds the {@code MAINTENANCE_ON_MARK_VALUE} liquidation price with the tier the notional <b>at that price</b>
 * falls in.
 *
 * <p>Equity minus maintenance margin falls monotonically as the price moves against the position (PnL moves by the
 * full value change, MM by at most MMR &lt; 1 of it), so the liquidation price is the first adverse price where it
 * reaches zero. Starting from the entry tier, each tier's exact solution is tried, walking the tiers in the direction
 * the notional moves (up for an inverse long or a linear short, down otherwise):
 * <ul>
 *   <li>solution inside the tier that produced it: that is the answer;</li>
 *   <li>no solution, or one beyond the tier: the equity is still above MM across the whole tier, try the next;</li>
 *   <li>solution before the tier (possible only where MM jumps at a bound, i.e. the venue publishes no maintenance
 *   amount): the position is liquidated as it enters the tier, at the price of the bound.</li>
 * </ul>
 * A {@code CONTRACTS}-tiered instrument keeps its tier at every price.
 */
final class MarkValueLiquidationSolver {

    private MarkValueLiquidationSolver() {}

    static Optional<BigDecimal> solve(AbstractPerpetualPricer pricer, Position position, BigDecimal margin) {
        Instrument instrument = position.instrument();
        List<MaintenanceTier> tiers = instrument.maintenanceTiers();
        MaintenanceTier entryTier = pricer.tierAt(instrument, position.size(), position.entryPrice());
        if (instrument.tierMeasure() == TierMeasure.CONTRACTS) {
            return pricer.markValueLiquidation(position, entryTier, margin);
        }
        int step = pricer.valueGrowsAdversely(position.side()) ? 1 : -1;
        int start = tiers.indexOf(entryTier);
        for (int i = start; i >= 0 && i < tiers.size(); i += step) {
            Optional<BigDecimal> candidate = pricer.markValueLiquidation(position, tiers.get(i), margin);
            if (candidate.isEmpty()) {
                continue;
            }
            BigDecimal value = pricer.value(instrument, position.size(), candidate.get());
            if (i != start && before(tiers, i, step, value)) {
                BigDecimal bound =
                        step > 0 ? lowerBound(tiers, i) : tiers.get(i).upTo().orElseThrow();
                return Optional.of(pricer.priceAtValue(position, bound));
            }
            if (inside(tiers, i, value)) {
                return candidate;
            }
        }
        return Optional.empty();
    }

    /** True when {@code value} has not reached tier {@code i} yet, coming from the entry side. */
    private static boolean before(List<MaintenanceTier> tiers, int i, int step, BigDecimal value) {
        return step > 0
                ? value.compareTo(lowerBound(tiers, i)) <= 0
                : !tiers.get(i).covers(value);
    }

    /** True when {@code value} lies in tier {@code i}: above the previous bound, at most its own. */
    private static boolean inside(List<MaintenanceTier> tiers, int i, BigDecimal value) {
        return (i == 0 || value.compareTo(lowerBound(tiers, i)) > 0)
                && tiers.get(i).covers(value);
    }

    private static BigDecimal lowerBound(List<MaintenanceTier> tiers, int i) {
        return i == 0 ? BigDecimal.ZERO : tiers.get(i - 1).upTo().orElseThrow();
    }
}
