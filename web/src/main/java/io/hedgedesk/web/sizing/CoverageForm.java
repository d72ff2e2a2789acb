package io.hedgedesk.web.sizing;

/**
 * An open short hedge and the holdings it insures, as typed. Optional fields may be blank.
 *
 * @param contract       catalog id of the perpetual shorted
 * @param spotCoins      coins held outside the derivatives account
 * @param accountCoins   coins on the derivatives account (an inverse contract's margin and realized PnL); blank = 0
 * @param size           the short's size: contracts (inverse) or quantity units (linear)
 * @param entryPrice     its average entry price
 * @param spotPrice      the coin's spot price now
 * @param markPrice      the perpetual's mark now; blank = the spot price
 * @param targetCoverage the coverage to restore, (0, 2]; blank = 1
 */
public record CoverageForm(
        String contract,
        String spotCoins,
        String accountCoins,
        String size,
        String entryPrice,
        String spotPrice,
        String markPrice,
        String targetCoverage) {}
