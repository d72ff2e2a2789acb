package io.hedgedesk.web.sizing;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.pricing.proxy.HedgeStatistics;
import io.hedgedesk.pricing.proxy.MismatchedLengthsException;
import io.hedgedesk.pricing.proxy.ProxyHedgeCalculator;
import io.hedgedesk.pricing.proxy.ProxyHedgeException;
import io.hedgedesk.pricing.proxy.Weighting;
import io.hedgedesk.web.api.BadInputException;
import io.hedgedesk.web.api.Inputs;
import io.hedgedesk.web.position.PositionCalculator;
import io.hedgedesk.web.view.Display;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Binds a {@link MinimumVarianceForm} and asks {@link ProxyHedgeCalculator} for h* = ρ·σ_S/σ_F (from the series:
 * sample σ and ρ, equal weights) and N* = h*·Q_A/Q_F. Nothing is rounded but the whole-contract count; statistics
 * are computed in double and given as their shortest exact decimals.
 */
@ApplicationScoped
public class MinimumVarianceCalculator {

    static final int MAX_OBSERVATIONS = 10_000;
    private static final ProxyHedgeCalculator CALC = ProxyHedgeCalculator.DEFAULT;

    private final PositionCalculator positions;

    public MinimumVarianceCalculator(PositionCalculator positions) {
        this.positions = positions;
    }

    /**
     * @param observations       pairs of changes used; empty when ρ and σ were given
     * @param covariance         Cov(ΔS, ΔF), sample (n − 1); empty when ρ and σ were given
     * @param hedgeRatio         h* = ρ·σ_S/σ_F: units of the hedge instrument per unit of exposure (positive = take the
     *                           opposite side)
     * @param hedgeEffectiveness ρ², the share of the exposure's variance the hedge removes
     * @param residualVolatility σ_S·√(1 − ρ²)
     * @param optimalContracts   N* = h*·Q_A/Q_F, unrounded; empty without an exposure
     * @param contracts          N* rounded half-up to whole contracts
     */
    public record MinimumVarianceView(
            Optional<Integer> observations,
            BigDecimal spotVolatility,
            BigDecimal futuresVolatility,
            Optional<BigDecimal> covariance,
            BigDecimal correlation,
            BigDecimal hedgeRatio,
            BigDecimal hedgeEffectiveness,
            BigDecimal residualVolatility,
            Optional<BigDecimal> optimalContracts,
            Optional<BigDecimal> contracts) {}

    public MinimumVarianceView calculate(MinimumVarianceForm form) {
        boolean series = form.spotChanges() != null || form.futuresChanges() != null;
        boolean given = !Inputs.isBlank(form.correlation())
                || !Inputs.isBlank(form.spotVolatility())
                || !Inputs.isBlank(form.futuresVolatility());
        if (series && given) {
            throw new BadInputException(
                    "spotChanges",
                    "give either spotChanges and futuresChanges, or correlation,"
                            + " spotVolatility and futuresVolatility, not both");
        }
        try {
            if (series) {
                HedgeStatistics s = CALC.statistics(
                        changes("spotChanges", form.spotChanges()),
                        changes("futuresChanges", form.futuresChanges()),
                        Weighting.EQUAL);
                return view(
                        Optional.of(s.observations()),
                        s.basketVolatility(),
                        s.hedgeVolatility(),
                        Optional.of(s.covariance()),
                        s.correlation(),
                        s.hedgeRatio(),
                        form);
            }
            double rho = Inputs.decimal("correlation", form.correlation()).doubleValue();
            if (rho < -1 || rho > 1) {
                throw new BadInputException(
                        "correlation",
                        "correlation must be between -1 and 1, was "
                                + form.correlation().strip());
            }
            double sigmaS =
                    Inputs.nonNegative("spotVolatility", form.spotVolatility()).doubleValue();
            double sigmaF = Inputs.positive("futuresVolatility", form.futuresVolatility())
                    .doubleValue();
            return view(
                    Optional.empty(),
                    sigmaS,
                    sigmaF,
                    Optional.empty(),
                    rho,
                    CALC.minimumVarianceHedgeRatio(rho, sigmaS, sigmaF),
                    form);
        } catch (MismatchedLengthsException e) {
            throw new BadInputException(
                    "futuresChanges", "futuresChanges must pair with spotChanges: " + e.getMessage());
        } catch (ProxyHedgeException e) {
            throw new BadInputException(series ? "spotChanges" : "futuresVolatility", e.getMessage());
        }
    }

    private MinimumVarianceView view(
            Optional<Integer> observations,
            double sigmaS,
            double sigmaF,
            Optional<Double> covariance,
            double rho,
            double h,
            MinimumVarianceForm form) {
        Optional<BigDecimal> n = Optional.empty();
        if (!Inputs.isBlank(form.exposure())) {
            BigDecimal exposure = Inputs.nonNegative("exposure", form.exposure());
            n = Optional.of(CALC.optimalContracts(h, exposure, contractSize(form)));
        } else if (!Inputs.isBlank(form.contractSize()) || !Inputs.isBlank(form.contract())) {
            throw new BadInputException("exposure", "exposure is required to count contracts");
        }
        return new MinimumVarianceView(
                observations,
                exact(sigmaS),
                exact(sigmaF),
                covariance.map(c -> exact(c)),
                exact(rho),
                exact(h),
                exact(CALC.hedgeEffectiveness(rho)),
                exact(CALC.residualVolatility(sigmaS, rho)),
                n,
                n.map(v -> Display.rounded(v, 0)));
    }

    /** A statistic as a plain decimal: the double's shortest exact representation, unrounded. */
    private static BigDecimal exact(double value) {
        return BigDecimal.valueOf(value);
    }

    private BigDecimal contractSize(MinimumVarianceForm form) {
        if (!Inputs.isBlank(form.contractSize())) {
            if (!Inputs.isBlank(form.contract())) {
                throw new BadInputException("contract", "give either contractSize or contract, not both");
            }
            return Inputs.positive("contractSize", form.contractSize());
        }
        if (Inputs.isBlank(form.contract())) {
            throw new BadInputException("contractSize", "contractSize (or contract) is required with an exposure");
        }
        Instrument instrument = positions.contract("contract", form.contract());
        return instrument.contractSize();
    }

    private static double[] changes(String field, List<String> raw) {
        if (raw == null || raw.size() < 2) {
            throw new BadInputException(field, field + " must list at least 2 changes");
        }
        if (raw.size() > MAX_OBSERVATIONS) {
            throw new BadInputException(field, field + " may list at most " + MAX_OBSERVATIONS + " changes");
        }
        double[] values = new double[raw.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Inputs.decimal(field + "[" + i + "]", raw.get(i)).doubleValue();
        }
        return values;
    }
}
