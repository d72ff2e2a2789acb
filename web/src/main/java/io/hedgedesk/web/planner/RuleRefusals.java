package io.hedgedesk.web.planner;

import io.hedgedesk.domain.instrument.InvalidInstrumentException;
import io.hedgedesk.domain.market.InvalidMarketDataException;
import io.hedgedesk.pricing.funding.FundingProjectionException;
import io.hedgedesk.pricing.hedge.HedgeSizingException;
import io.hedgedesk.pricing.perpetual.PerpetualPricingException;
import io.hedgedesk.pricing.proxy.ProxyHedgeException;
import io.hedgedesk.pricing.scenario.ScenarioException;

/**
 * The refusals of the domain and pricing rules a plan can run into (a position liquidated at entry, too short a
 * history, …): the planner shows their message as the leg's problem. Any other {@link IllegalArgumentException} is a
 * bug and is not caught.
 */
final class RuleRefusals {

    private RuleRefusals() {}

    static boolean isRule(IllegalArgumentException e) {
        return e instanceof InvalidInstrumentException
                || e instanceof InvalidMarketDataException
                || e instanceof FundingProjectionException
                || e instanceof HedgeSizingException
                || e instanceof PerpetualPricingException
                || e instanceof ProxyHedgeException
                || e instanceof ScenarioException;
    }
}
