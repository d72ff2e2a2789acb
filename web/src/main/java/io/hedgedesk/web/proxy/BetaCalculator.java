package io.hedgedesk.web.proxy;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import io.hedgedesk.pricing.proxy.BasketBeta;
import io.hedgedesk.pricing.proxy.BasketComponent;
import io.hedgedesk.pricing.proxy.ComponentBeta;
import io.hedgedesk.pricing.proxy.HedgeEstimate;
import io.hedgedesk.pricing.proxy.HedgeStatistics;
import io.hedgedesk.pricing.proxy.ProxyHedgeCalculator;
import io.hedgedesk.pricing.proxy.ReturnType;
import io.hedgedesk.pricing.proxy.Weighting;
import io.hedgedesk.web.api.BadInputException;
import io.hedgedesk.web.api.Inputs;
import io.hedgedesk.web.sizing.HedgeView;
import io.hedgedesk.web.view.Display;
import io.hedgedesk.web.view.Words;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * β of a basket on BTC or ETH from the stored daily closes (USDT-quoted), with every statistic from
 * {@link ProxyHedgeCalculator}; this class only loads the history, checks the window against it and rounds for
 * display.
 */
@ApplicationScoped
public class BetaCalculator {

    /** The windows offered: days of history ending on the last stored close of the hedge asset. */
    public static final List<Integer> WINDOWS = List.of(30, 90, 180, 365);

    static final int MAX_COMPONENTS = 50;

    private final PriceHistoryRepository prices;

    public BetaCalculator(PriceHistoryRepository prices) {
        this.prices = prices;
    }

    /** One basket member as typed: an asset symbol and its USD value. */
    public record Member(String asset, BigDecimal valueUsd) {}

    /** A history window {@code [from, to]}, both days inclusive. */
    public record Window(LocalDate from, LocalDate to) {

        public long days() {
            return to.toEpochDay() - from.toEpochDay() + 1;
        }
    }

    /** The stored closes of an asset, or a 400 naming the field when none are stored. */
    public PriceSeries history(String field, String asset) {
        return prices.series(asset)
                .orElseThrow(() -> new BadInputException(
                        field, "no stored price history for " + asset + ": β cannot be estimated for it"));
    }

    /**
     * The window: {@code windowDays} (30, 90, 180 or 365 days ending on the hedge asset's last stored close) or, when
     * {@code from} is given, the custom dates {@code from..to} ({@code to} blank = that last close).
     */
    public Window window(String windowDays, String from, String to, PriceSeries hedge) {
        Optional<LocalDate> start = Inputs.isBlank(from) ? Optional.empty() : Optional.of(date("from", from));
        Optional<LocalDate> end =
                start.isEmpty() || Inputs.isBlank(to) ? Optional.empty() : Optional.of(date("to", to));
        int days = start.isPresent() ? 365 : Inputs.wholeNumber("windowDays", windowDays, 2, 5000, 365);
        return window(days, start, end, hedge);
    }

    /** {@link #window(String, String, String, PriceSeries)} of bound values. */
    public Window window(int windowDays, Optional<LocalDate> from, Optional<LocalDate> to, PriceSeries hedge) {
        LocalDate last = hedge.last().date();
        if (from.isPresent()) {
            LocalDate end = to.orElse(last);
            if (!from.get().isBefore(end)) {
                throw new BadInputException("from", "from " + from.get() + " must be before to " + end);
            }
            return new Window(from.get(), end);
        }
        return new Window(last.minusDays(windowDays - 1L), last);
    }

    public static LocalDate date(String field, String raw) {
        String text = Inputs.requiredText(field, raw);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInputException(
                    field,
                    field + " must be a date such as 2025-01-31, was \"" + text.replaceAll("\\p{Cntrl}", "?") + "\"");
        }
    }

    /** The weighting named by {@code raw} (EQUAL or EWMA with {@code lambda}, default 0.94). */
    public static Weighting weighting(String raw, String lambda) {
        String text = Inputs.isBlank(raw) ? "EQUAL" : raw.strip().toUpperCase(Locale.ROOT);
        return switch (text) {
            case "EQUAL" -> Weighting.EQUAL;
            case "EWMA" -> {
                BigDecimal l = Inputs.isBlank(lambda) ? new BigDecimal("0.94") : Inputs.positive("lambda", lambda);
                if (l.compareTo(BigDecimal.ONE) > 0) {
                    throw new BadInputException("lambda", "lambda must lie in (0, 1], was " + l.toPlainString());
                }
                yield Weighting.ewma(l.doubleValue());
            }
            default ->
                throw new BadInputException(
                        "weighting",
                        "weighting must be one of EQUAL, EWMA, was \"" + text.replaceAll("\\p{Cntrl}", "?") + "\"");
        };
    }

    /**
     * β of the basket on {@code hedgeAsset} over {@code window}. Checks, each a 400 naming the field: a member or the
     * hedge asset without stored history; a window starting before the first stored close of any of them; fewer
     * than three dates the basket and the hedge asset share inside the window.
     */
    public BasketBeta basketBeta(
            String hedgeAsset,
            PriceSeries hedge,
            List<Member> members,
            Window window,
            ReturnType returnType,
            Weighting weighting,
            String basketField) {
        if (members.isEmpty()) {
            throw new BadInputException(basketField, basketField + " must list at least one asset");
        }
        if (members.size() > MAX_COMPONENTS) {
            throw new BadInputException(basketField, basketField + " may list at most " + MAX_COMPONENTS + " assets");
        }
        PriceSeries hedgeWindow = inWindow("hedgeAsset", hedge, window);
        List<BasketComponent> components = new ArrayList<>();
        Set<LocalDate> common = new HashSet<>(hedgeWindow.dates());
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            String field = basketField + "[" + i + "].asset";
            PriceSeries series = inWindow(field, history(field, m.asset()), window);
            common.retainAll(Set.copyOf(series.dates()));
            components.add(new BasketComponent(series, m.valueUsd()));
        }
        if (common.size() < 3) {
            throw new BadInputException(
                    basketField,
                    "the basket's stored closes share " + Words.count(common.size(), "date") + " with "
                            + hedgeAsset + "'s between " + window.from() + " and " + window.to()
                            + ": at least 3 are needed for two returns");
        }
        return ProxyHedgeCalculator.DEFAULT.basketBeta(components, hedgeWindow, returnType, weighting);
    }

    private static PriceSeries inWindow(String field, PriceSeries series, Window window) {
        if (window.from().isBefore(series.first().date())) {
            throw new BadInputException(
                    field,
                    "the window from " + window.from() + " is longer than the stored history of " + series.assetSymbol()
                            + ", which starts on " + series.first().date());
        }
        if (window.from().isAfter(series.last().date())) {
            throw new BadInputException(
                    field,
                    "the window from " + window.from() + " starts after the last stored close of "
                            + series.assetSymbol() + " on " + series.last().date());
        }
        return series.between(window.from(), window.to());
    }

    /**
     * Statistics of one series: β, ρ and R² at full precision (pages round them), volatilities in percent (daily and
     * annualized).
     */
    public record StatsView(
            int observations,
            BigDecimal beta,
            BigDecimal correlation,
            BigDecimal rSquared,
            BigDecimal volatilityPercent,
            BigDecimal annualizedVolatilityPercent,
            BigDecimal residualVolatilityPercent,
            BigDecimal annualizedResidualVolatilityPercent) {

        public static StatsView of(HedgeStatistics s) {
            return new StatsView(
                    s.observations(),
                    ratio(s.hedgeRatio()),
                    ratio(s.correlation()),
                    ratio(s.hedgeEffectiveness()),
                    percent(s.basketVolatility()),
                    percent(s.annualizedBasketVolatility()),
                    percent(s.residualVolatility()),
                    percent(s.annualizedResidualVolatility()));
        }
    }

    /** One row of the per-asset β table. */
    public record ComponentView(String asset, BigDecimal weightPercent, StatsView statistics) {

        public static ComponentView of(ComponentBeta c) {
            return new ComponentView(c.assetSymbol(), percent(c.weight()), StatsView.of(c.statistics()));
        }
    }

    /**
     * The basket's β as shown.
     *
     * @param weightedBeta Σ wᵢ·βᵢ
     * @param seriesBeta   β of the basket's own return series (equal to weightedBeta up to rounding)
     * @param hedgeNotionalUsd β × basket value, USD at cents (positive = short the hedge asset)
     */
    public record BetaView(
            String hedgeAsset,
            LocalDate firstReturn,
            LocalDate lastReturn,
            String returnType,
            String weighting,
            BigDecimal basketValueUsd,
            List<ComponentView> components,
            BigDecimal weightedBeta,
            BigDecimal seriesBeta,
            StatsView basket,
            BigDecimal hedgeNotionalUsd) {

        public static BetaView of(String hedgeAsset, BasketBeta beta, ReturnType returnType, Weighting weighting) {
            HedgeEstimate basket = beta.basket();
            BigDecimal notional = ProxyHedgeCalculator.DEFAULT.hedgeNotional(beta.seriesBeta(), beta.basketValue());
            return new BetaView(
                    hedgeAsset,
                    basket.firstReturnDate(),
                    basket.lastReturnDate(),
                    returnType.name(),
                    describe(weighting),
                    HedgeView.usd(beta.basketValue()),
                    beta.components().stream().map(ComponentView::of).toList(),
                    ratio(beta.weightedBeta()),
                    ratio(beta.seriesBeta()),
                    StatsView.of(basket.statistics()),
                    HedgeView.usd(notional));
        }
    }

    static String describe(Weighting weighting) {
        return weighting instanceof Weighting.Ewma e ? "EWMA λ=" + e.lambda() : "EQUAL";
    }

    /**
     * Contracts for a hedge notional: {@code N* = h*·basketValue / contractValue} with contractValue the face value
     * (inverse) or {@code contractSize × price} (linear), rounded half-up to whole quantity steps.
     */
    public static BigDecimal contracts(double beta, BigDecimal basketValue, Instrument instrument, BigDecimal price) {
        BigDecimal perContract = instrument.isInverse()
                ? instrument.contractSize()
                : instrument.contractSize().multiply(price, MathContext.DECIMAL128);
        BigDecimal raw = ProxyHedgeCalculator.DEFAULT.optimalContracts(Math.abs(beta), basketValue, perContract);
        BigDecimal step = instrument.quantityStep();
        BigDecimal steps = raw.divide(step, 0, RoundingMode.HALF_UP);
        return Display.exactAt(
                steps.multiply(step), Math.max(0, step.stripTrailingZeros().scale()));
    }

    /** A statistic as the API gives it: the double's shortest exact decimal, unrounded. */
    public static BigDecimal ratio(double value) {
        return BigDecimal.valueOf(value);
    }

    static BigDecimal percent(double fraction) {
        return Display.percentPoints(fraction);
    }

    static BigDecimal percent(BigDecimal fraction) {
        return Display.percentPoints(fraction);
    }
}
