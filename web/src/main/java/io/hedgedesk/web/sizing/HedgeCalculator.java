package io.hedgedesk.web.sizing;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.pricing.hedge.HedgeLeg;
import io.hedgedesk.pricing.hedge.HedgeRequest;
import io.hedgedesk.pricing.hedge.HedgeSizer;
import io.hedgedesk.pricing.hedge.HedgeState;
import io.hedgedesk.pricing.hedge.MarginSource;
import io.hedgedesk.pricing.perpetual.Position;
import io.hedgedesk.pricing.scenario.ProxyBasket;
import io.hedgedesk.pricing.scenario.ScenarioCalculator;
import io.hedgedesk.pricing.scenario.ScenarioInput;
import io.hedgedesk.web.api.BadInputException;
import io.hedgedesk.web.api.Inputs;
import io.hedgedesk.web.binding.NumberBinder.Field;
import io.hedgedesk.web.position.PositionCalculator;
import io.hedgedesk.web.position.PositionForm;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Binds a {@link HedgeForm}, sizes the hedge and stresses it, with the pricing module doing every number. */
@ApplicationScoped
public class HedgeCalculator {

    static final int MAX_SHOCKS = 40;
    private static final BigDecimal MAX_FEE_RATE = new BigDecimal("0.01");

    private final PositionCalculator positions;

    public HedgeCalculator(PositionCalculator positions) {
        this.positions = positions;
    }

    public HedgeRequest request(HedgeForm form) {
        Instrument instrument = positions.contract("contract", form.contract());
        BigDecimal coins = Inputs.positive("coins", form.coins());
        BigDecimal spot = Inputs.positive("spotPrice", form.spotPrice());
        BigDecimal hedgePrice =
                Inputs.isBlank(form.hedgePrice()) ? spot : Inputs.positive("hedgePrice", form.hedgePrice());
        BigDecimal leverage = Inputs.positive("leverage", form.leverage());
        PositionCalculator.requireLeverage(Field.named("leverage"), leverage, instrument);
        MarginSource source =
                Inputs.choice("marginSource", form.marginSource(), MarginSource.class, MarginSource.OUT_OF_BAG);
        BigDecimal target = Inputs.isBlank(form.targetCoverage())
                ? BigDecimal.ONE
                : Inputs.positive("targetCoverage", form.targetCoverage());
        BigDecimal feeRate = Inputs.isBlank(form.openingFeeRate())
                ? BigDecimal.ZERO
                : Inputs.decimal("openingFeeRate", form.openingFeeRate());
        if (feeRate.abs().compareTo(MAX_FEE_RATE) > 0) {
            throw new BadInputException(
                    "openingFeeRate",
                    "openingFeeRate must be between -0.01 and 0.01 (a fraction "
                            + "of the notional: 0.0005 = 0.05 %), was " + feeRate.toPlainString());
        }
        return new HedgeRequest(
                instrument.baseAsset(), coins, spot, instrument, hedgePrice, leverage, source, target, feeRate);
    }

    public HedgeView size(HedgeForm form) {
        return HedgeView.of(HedgeSizer.DEFAULT.size(request(form)));
    }

    /** Coverage of an open hedge against the holdings, its drift and the resize that restores the target. */
    public CoverageView coverage(CoverageForm form) {
        Instrument instrument = positions.contract("contract", form.contract());
        BigDecimal spot = Inputs.positive("spotPrice", form.spotPrice());
        HedgeState state = new HedgeState(
                instrument,
                Inputs.nonNegative("spotCoins", form.spotCoins()),
                Inputs.nonNegative("accountCoins", form.accountCoins(), BigDecimal.ZERO),
                Inputs.positive("size", form.size()),
                Inputs.positive("entryPrice", form.entryPrice()),
                spot,
                Inputs.isBlank(form.markPrice()) ? spot : Inputs.positive("markPrice", form.markPrice()));
        BigDecimal target = Inputs.isBlank(form.targetCoverage())
                ? BigDecimal.ONE
                : Inputs.positive("targetCoverage", form.targetCoverage());
        return CoverageView.of(HedgeSizer.DEFAULT.coverage(state, target));
    }

    /** The hedge and its scenario table. */
    public record Stressed(HedgeView hedge, ScenarioView scenarios) {}

    public Stressed stress(HedgeForm form) {
        HedgeRequest request = request(form);
        BigDecimal fundingRateSum = Inputs.isBlank(form.fundingRateSum())
                ? BigDecimal.ZERO
                : Inputs.decimal("fundingRateSum", form.fundingRateSum());
        return stress(request, fundingRateSum, shocks(form.shocks()));
    }

    /**
     * The sized hedge of {@code request} and its scenario table.
     *
     * @param fundingRateSum expected sum of funding rates over the horizon, market convention (positive: longs pay)
     * @param shocks         price moves as fractions; empty = the default grid
     */
    public Stressed stress(HedgeRequest request, BigDecimal fundingRateSum, List<BigDecimal> shocks) {
        HedgeLeg leg = HedgeSizer.DEFAULT.size(request);
        // The table's funding column is income to the hedge, a short: a positive market rate pays it.
        ScenarioInput input = ScenarioInput.fromLeg(leg, Side.SHORT.fundingToHolder(fundingRateSum));
        ScenarioCalculator calculator = ScenarioCalculator.DEFAULT;
        return new Stressed(
                HedgeView.of(leg),
                ScenarioView.of(shocks.isEmpty() ? calculator.grid(input) : calculator.grid(input, shocks)));
    }

    /**
     * The scenario table of a proxy hedge: the hedge asset moves by each shock {@code s} and the basket by
     * {@code (1 + s)^β − 1}, give or take the residual band.
     */
    public ScenarioView stressProxy(ProxyScenarioForm form) {
        Position hedge = positions.position(new PositionForm(
                form.contract(), Side.SHORT.name(), form.size(), form.entryPrice(), form.leverage(), null, null, null));
        BigDecimal beta = Inputs.decimal("beta", form.beta());
        if (beta.abs().compareTo(BigDecimal.TEN) > 0) {
            throw new BadInputException("beta", "beta must be between -10 and 10, was " + beta.toPlainString());
        }
        ProxyBasket basket = new ProxyBasket(
                Inputs.positive("basketValueUsd", form.basketValueUsd()),
                beta.doubleValue(),
                Inputs.nonNegative("residualVolatility", form.residualVolatility(), BigDecimal.ZERO)
                        .doubleValue(),
                Inputs.nonNegative("bandWidth", form.bandWidth(), BigDecimal.valueOf(2))
                        .doubleValue());
        BigDecimal fundingRateSum = Inputs.isBlank(form.fundingRateSum())
                ? BigDecimal.ZERO
                : Inputs.decimal("fundingRateSum", form.fundingRateSum());
        ScenarioInput input = ScenarioInput.proxy(
                hedge,
                basket,
                Inputs.nonNegative("hedgeAssetCoins", form.hedgeAssetCoins(), BigDecimal.ZERO),
                hedge.entryPrice(),
                hedge.entryPrice(),
                Side.SHORT.fundingToHolder(fundingRateSum));
        List<BigDecimal> shocks = shocks(form.shocks());
        ScenarioCalculator calculator = ScenarioCalculator.DEFAULT;
        return ScenarioView.of(shocks.isEmpty() ? calculator.grid(input) : calculator.grid(input, shocks));
    }

    static List<BigDecimal> shocks(List<String> raw) {
        List<BigDecimal> shocks = new ArrayList<>();
        if (raw == null) {
            return shocks;
        }
        if (raw.size() > MAX_SHOCKS) {
            throw new BadInputException("shocks", "shocks may list at most " + MAX_SHOCKS + " moves");
        }
        for (int i = 0; i < raw.size(); i++) {
            String field = "shocks[" + i + "]";
            BigDecimal shock = Inputs.decimal(field, raw.get(i));
            if (shock.compareTo(BigDecimal.ONE.negate()) <= 0 || shock.compareTo(BigDecimal.TEN) > 0) {
                throw new BadInputException(
                        field,
                        field + " must be above −1 (−100 %) and at most 10 (+1,000 %), was " + shock.toPlainString());
            }
            shocks.add(shock);
        }
        return shocks;
    }
}
