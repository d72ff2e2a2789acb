package io.hedgedesk.web.api;

import io.hedgedesk.web.sizing.CoverageForm;
import io.hedgedesk.web.sizing.CoverageView;
import io.hedgedesk.web.sizing.HedgeCalculator;
import io.hedgedesk.web.sizing.HedgeForm;
import io.hedgedesk.web.sizing.HedgeView;
import io.hedgedesk.web.sizing.MinimumVarianceCalculator;
import io.hedgedesk.web.sizing.MinimumVarianceForm;
import io.hedgedesk.web.sizing.ProxyScenarioForm;
import io.hedgedesk.web.sizing.ScenarioView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stateless hedge sizing and scenario tables, open to anyone (no login). */
@Path("/api/v1/hedge")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Hedge calculators", description = "1:1 dollar-neutral hedge sizing and price-shock scenarios")
public class HedgeApiResource {

    private final HedgeCalculator calculator;
    private final MinimumVarianceCalculator minimumVariance;

    public HedgeApiResource(HedgeCalculator calculator, MinimumVarianceCalculator minimumVariance) {
        this.calculator = calculator;
        this.minimumVariance = minimumVariance;
    }

    @POST
    @Path("minimum-variance")
    @Operation(
            summary = "The minimum-variance hedge ratio h* = ρ·σS/σF from two series of price changes you supply"
                    + " (sample σ and ρ) or from a given ρ and the two σ, its effectiveness ρ² and, for an exposure, the"
                    + " optimal number of contracts N* = h* × exposure / contract size (Hull); at full precision")
    public MinimumVarianceCalculator.MinimumVarianceView minimumVariance(MinimumVarianceForm form) {
        return minimumVariance.calculate(PerpetualApiResource.requireBody(form));
    }

    @POST
    @Path("size")
    @Operation(
            summary = "Size a 1:1 short hedge of a bag on an inverse or linear contract: the order, margin (and"
                    + " whether it is itself exposure), hedged and residual exposure, coverage")
    public HedgeView size(HedgeForm form) {
        return calculator.size(PerpetualApiResource.requireBody(form));
    }

    @POST
    @Path("coverage")
    @Operation(
            summary = "Coverage of an open short hedge against the holdings it insures, its drift from the target"
                    + " and the order that restores it")
    public CoverageView coverage(CoverageForm form) {
        return calculator.coverage(PerpetualApiResource.requireBody(form));
    }

    @POST
    @Path("proxy-scenarios")
    @Operation(
            summary =
                    "Scenario table of a basket hedged by proxy: the hedge asset moves by each shock s, the"
                            + " basket by (1 + s)^β − 1 (never more than its value), with a residual band around the net; a liquidated"
                            + " hedge loses its margin and no more, and the row says where and what the unhedged rest of the move does")
    public ScenarioView proxyScenarios(ProxyScenarioForm form) {
        return calculator.stressProxy(PerpetualApiResource.requireBody(form));
    }

    @POST
    @Path("scenarios")
    @Operation(
            summary = "The sized hedge and its scenario table: spot, hedge, funding, fees, net PnL, margin balance"
                    + " and liquidation for price shocks from −80 % to +100 % (or the given shocks); a liquidated hedge loses"
                    + " its margin and no more, and the row says where and what the unhedged rest of the move does")
    public HedgeCalculator.Stressed scenarios(HedgeForm form) {
        return calculator.stress(PerpetualApiResource.requireBody(form));
    }
}
