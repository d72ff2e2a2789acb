package io.hedgedesk.web.sizing;

import java.util.List;

/**
 * A 1:1 hedge of one bag as typed (JSON body or query string). Optional fields may be blank.
 *
 * @param contract       catalog id of the perpetual to short
 * @param coins          coins held
 * @param spotPrice      spot price in USD
 * @param hedgePrice     price the short fills at (the perpetual's mark); blank = the spot price
 * @param leverage       leverage of the short
 * @param marginSource   OUT_OF_BAG, EXTRA_COIN or STABLECOIN (linear only); blank = OUT_OF_BAG
 * @param targetCoverage fraction of the exposure to hedge, (0, 2]; blank = 1
 * @param fundingRateSum expected sum of funding rates over the scenario horizon in market convention (positive:
 *                       longs pay shorts); blank = 0. Scenarios only.
 * @param shocks         price moves for the scenario table as fractions (−0.2 = −20 %); empty = the default grid
 */
public record HedgeForm(
        String contract,
        String coins,
        String spotPrice,
        String hedgePrice,
        String leverage,
        String marginSource,
        String targetCoverage,
        String fundingRateSum,
        List<String> shocks,
        String openingFeeRate) {

    /** A form without an opening fee rate (the fee left out of the sizing). */
    public HedgeForm(
            String contract,
            String coins,
            String spotPrice,
            String hedgePrice,
            String leverage,
            String marginSource,
            String targetCoverage,
            String fundingRateSum,
            List<String> shocks) {
        this(
                contract,
                coins,
                spotPrice,
                hedgePrice,
                leverage,
                marginSource,
                targetCoverage,
                fundingRateSum,
                shocks,
                null);
    }

    public static HedgeForm example() {
        return new HedgeForm("BYBIT:ETHUSD", "50", "3500", "", "2", "OUT_OF_BAG", "1", "0.0093", List.of());
    }
}
