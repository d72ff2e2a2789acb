package io.hedgedesk.web.planner;

import io.hedgedesk.pricing.hedge.MarginSource;
import io.hedgedesk.pricing.proxy.ReturnType;
import io.hedgedesk.pricing.proxy.Weighting;
import io.hedgedesk.web.api.BadInputException;
import io.hedgedesk.web.api.Inputs;
import io.hedgedesk.web.binding.NumberBinder;
import io.hedgedesk.web.binding.NumberBinder.Field;
import io.hedgedesk.web.proxy.BetaCalculator;
import io.hedgedesk.web.support.CoverageInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The planner's query bound once into values: every field read by {@link NumberBinder} or the choice binders, a bad
 * one kept as a message under its query name (worded with the page's label) and replaced by its default, so the
 * rest of the plan is still computed.
 *
 * @param query      the query as typed (stored with a recorded plan, echoed into the form)
 * @param windowDays days of history ending on the last stored close, used unless {@code from} is given
 * @param errors     messages keyed by the query field they are about
 */
public record PlanRequest(
        Map<String, List<String>> query,
        List<String> holdings,
        int horizonDays,
        int windowDays,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        ReturnType returnType,
        Weighting weighting,
        String proxyAsset,
        String proxyContract,
        Optional<BigDecimal> proxyLeverage,
        boolean wholeProxy,
        Map<String, AssetRequest> assets,
        Map<String, String> errors) {

    static final BigDecimal DEFAULT_LEVERAGE = BigDecimal.valueOf(2);
    static final int DEFAULT_HORIZON = 30;
    static final int DEFAULT_WINDOW = 365;
    private static final List<String> HISTORY_FIELDS =
            List.of("windowDays", "from", "to", "returnType", "weighting", "lambda");
    private static final Set<String> ASSET_FIELDS = Set.of("contract", "leverage", "margin", "coverage", "whole");

    /**
     * The inputs of one asset's leg.
     *
     * @param contract catalog id; empty = the asset's first catalog contract
     * @param leverage empty when typed wrong (the message is in {@link #errors})
     * @param coverage target coverage as a fraction (1 = 100 %); empty when typed wrong
     * @param whole    plan the whole bag regardless of open hedges
     */
    public record AssetRequest(
            Optional<String> contract,
            Optional<BigDecimal> leverage,
            Optional<MarginSource> margin,
            Optional<BigDecimal> coverage,
            boolean whole) {}

    /** Binds the query (field name → values, in order). */
    public static PlanRequest bind(Map<String, List<String>> query) {
        Map<String, String> errors = new LinkedHashMap<>();
        Binder b = new Binder(query, errors);
        int horizon = b.or("horizonDays", DEFAULT_HORIZON, () -> (int) NumberBinder.whole(
                Field.labelled("horizonDays", "Funding and scenario horizon"), b.get("horizonDays"), 1, 3650));
        int window = b.or("windowDays", DEFAULT_WINDOW, () -> (int)
                NumberBinder.whole(Field.labelled("windowDays", "β and funding window"), b.get("windowDays"), 2, 5000));
        Optional<LocalDate> from =
                b.or("from", Optional.empty(), () -> Optional.of(BetaCalculator.date("from", b.get("from"))));
        Optional<LocalDate> to =
                b.or("to", Optional.empty(), () -> Optional.of(BetaCalculator.date("to", b.get("to"))));
        ReturnType returnType = b.or(
                "returnType",
                ReturnType.SIMPLE,
                () -> Inputs.choice("returnType", b.get("returnType"), ReturnType.class));
        Weighting weighting =
                b.or("weighting", Weighting.EQUAL, () -> BetaCalculator.weighting(b.get("weighting"), b.get("lambda")));
        String proxyAsset = or(b.get("proxyAsset"), "BTC").toUpperCase(Locale.ROOT);
        String proxyContract = or(b.get("proxyContract"), proxyAsset.equals("ETH") ? "BYBIT:ETHUSD" : "BYBIT:BTCUSD");
        Optional<BigDecimal> proxyLeverage = b.number("proxyLeverage", "Proxy hedge leverage", DEFAULT_LEVERAGE);
        Map<String, AssetRequest> assets = new LinkedHashMap<>();
        for (String name : query.keySet()) {
            int dot = name.indexOf('.');
            if (dot > 0 && ASSET_FIELDS.contains(name.substring(0, dot))) {
                assets.computeIfAbsent(name.substring(dot + 1), a -> b.asset(a));
            }
        }
        return new PlanRequest(
                query,
                query.getOrDefault("holding", List.of()),
                horizon,
                window,
                from,
                to,
                returnType,
                weighting,
                proxyAsset,
                proxyContract,
                proxyLeverage,
                "true".equals(b.get("wholeProxy")),
                assets,
                errors);
    }

    /** The inputs of {@code asset}'s leg: as typed in {@code contract.ETH}, {@code leverage.ETH}, … or the defaults. */
    public AssetRequest asset(String asset) {
        return assets.getOrDefault(
                asset,
                new AssetRequest(
                        Optional.empty(),
                        Optional.of(DEFAULT_LEVERAGE),
                        Optional.of(MarginSource.OUT_OF_BAG),
                        Optional.of(BigDecimal.ONE),
                        false));
    }

    /**
     * The first message about the history the plan reads (window, dates, returns, weighting): without it neither β nor
     * funding can be estimated as asked.
     */
    public Optional<String> historyProblem() {
        return HISTORY_FIELDS.stream().map(errors::get).filter(m -> m != null).findFirst();
    }

    /** The first message about one of {@code asset}'s fields. */
    public Optional<String> assetProblem(String asset) {
        return errors.entrySet().stream()
                .filter(e -> e.getKey().endsWith("." + asset))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** A field's first value as typed ("" when absent). */
    public String get(String field) {
        return new Binder(query, Map.of()).get(field);
    }

    static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** Reads fields of the query; a refusal is kept under the field it names and the default used. */
    private record Binder(Map<String, List<String>> query, Map<String, String> errors) {

        String get(String field) {
            List<String> all = query.get(field);
            return all == null || all.isEmpty() || all.get(0) == null ? "" : all.get(0);
        }

        /** A number greater than zero; blank = {@code fallback}; empty when refused. */
        Optional<BigDecimal> number(String field, String label, BigDecimal fallback) {
            return or(
                    "",
                    Optional.empty(),
                    () -> Optional.of(NumberBinder.positive(
                            Field.labelled(field, label), PlanRequest.or(get(field), fallback.toPlainString()))));
        }

        /** A target coverage typed in percent ("100", "80 %"; a bare fraction up to 2 still reads as one), as a fraction. */
        Optional<BigDecimal> coverage(String field, String label) {
            return or(
                    "",
                    Optional.empty(),
                    () -> Optional.of(NumberBinder.positive(
                            Field.labelled(field, label), CoverageInput.fraction(PlanRequest.or(get(field), "100")))));
        }

        AssetRequest asset(String asset) {
            String contract = get("contract." + asset);
            return new AssetRequest(
                    contract.isBlank() ? Optional.empty() : Optional.of(contract.strip()),
                    number("leverage." + asset, "Leverage (" + asset + ")", DEFAULT_LEVERAGE),
                    or(
                            "",
                            Optional.empty(),
                            () -> Optional.of(Inputs.choice(
                                    "margin." + asset,
                                    get("margin." + asset),
                                    MarginSource.class,
                                    MarginSource.OUT_OF_BAG))),
                    coverage("coverage." + asset, "Target coverage (" + asset + ")"),
                    "true".equals(get("whole." + asset)));
        }

        <T> T or(String blankName, T fallback, Supplier<T> bind) {
            if (!blankName.isEmpty() && get(blankName).isBlank()) {
                return fallback;
            }
            try {
                return bind.get();
            } catch (BadInputException e) {
                errors.put(e.field(), e.getMessage());
                return fallback;
            }
        }
    }
}
