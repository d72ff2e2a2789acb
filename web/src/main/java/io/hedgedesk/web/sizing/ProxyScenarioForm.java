package io.hedgedesk.web.sizing;

import java.util.List;

/**
 * A basket hedged by proxy (a short on BTC or ETH sized by β) to stress, as typed. Optional fields may be blank.
 *
 * @param contract           catalog id of the hedge asset's perpetual
 * @param size               the short's size: contracts (inverse) or quantity units (linear)
 * @param entryPrice         its entry price; also the hedge asset's price now
 * @param leverage           its leverage
 * @param hedgeAssetCoins    coins of the hedge asset held, e.g. coin posted as margin on an inverse contract; blank = 0
 * @param basketValueUsd     the basket's value now
 * @param beta               β of the basket on the hedge asset
 * @param residualVolatility the basket's residual volatility over the horizon, a fraction; blank = 0
 * @param bandWidth          k: the band is ± k × residual volatility × basket value; blank = 2
 * @param fundingRateSum     expected sum of funding rates over the horizon, market convention; blank = 0
 * @param shocks             moves of the hedge asset as fractions; empty = the default grid
 */
public record ProxyScenarioForm(
        String contract,
        String size,
        String entryPrice,
        String leverage,
        String hedgeAssetCoins,
        String basketValueUsd,
        String beta,
        String residualVolatility,
        String bandWidth,
        String fundingRateSum,
        List<String> shocks) {}
