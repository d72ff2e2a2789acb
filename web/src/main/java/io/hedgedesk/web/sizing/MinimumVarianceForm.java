package io.hedgedesk.web.sizing;

import java.util.List;

/**
 * A minimum-variance hedge as typed: either two paired series of price changes (or returns), or ρ and the two σ;
 * optionally an exposure to turn the ratio into contracts.
 *
 * @param spotChanges       changes of the exposure's price per period, oldest first (Hull's ΔS)
 * @param futuresChanges    changes of the hedge instrument's price over the same periods (ΔF)
 * @param correlation       ρ, in [−1, 1], when no series are given
 * @param spotVolatility    σ_S ≥ 0, when no series are given
 * @param futuresVolatility σ_F > 0, in the same period as σ_S
 * @param exposure          Q_A, the size of the exposure (e.g. 2000000 gallons); blank = no contract count
 * @param contractSize      Q_F, the size of one contract in the exposure's units (e.g. 42000 gallons)
 * @param contract          instead of contractSize, a catalog id: one contract is its face value in USD (inverse;
 *                          exposure in USD) or its coins per unit (linear; exposure in coins)
 */
public record MinimumVarianceForm(
        List<String> spotChanges,
        List<String> futuresChanges,
        String correlation,
        String spotVolatility,
        String futuresVolatility,
        String exposure,
        String contractSize,
        String contract) {}
