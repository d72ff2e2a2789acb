package io.hedgedesk.web.backtest;

import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.domain.portfolio.KnownAssets;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.pricing.backtest.BacktestEngine;
import io.hedgedesk.pricing.backtest.BacktestMarket;
import io.hedgedesk.pricing.backtest.BacktestPolicy;
import io.hedgedesk.pricing.backtest.BacktestResult;
import io.hedgedesk.pricing.backtest.LegPolicy;
import io.hedgedesk.pricing.backtest.Rebalancing;
import io.hedgedesk.pricing.hedge.MarginSource;
import io.hedgedesk.web.api.BadInputException;
import io.hedgedesk.web.api.Inputs;
import io.hedgedesk.web.funding.FundingCalculator;
import io.hedgedesk.web.proxy.BetaCalculator;
import io.hedgedesk.web.support.CoverageInput;
import io.hedgedesk.web.view.Display;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the backtest page of a portfolio: binds the inputs into a {@link BacktestPolicy}, loads the stored closes
 * and funding of the bag and the legs, and replays it with {@link BacktestEngine}. Input that cannot be used becomes a
 * message naming its field; nothing is stored.
 */
@ApplicationScoped
public class BacktestService {

    static final int DEFAULT_DAYS = 365;

    private final PortfolioService portfolios;
    private final ContractCatalog catalog;
    private final BetaCalculator betas;
    private final FundingCalculator funding;

    public BacktestService(
            PortfolioService portfolios, ContractCatalog catalog, BetaCalculator betas, FundingCalculator funding) {
        this.portfolios = portfolios;
        this.catalog = catalog;
        this.betas = betas;
        this.funding = funding;
    }

    /** The bag chosen on the page: its holdings, coins per asset and the legs' inputs. */
    private record Bag(
            PortfolioAccess access,
            List<BacktestPage.HoldingChoice> choices,
            Map<String, BigDecimal> coins,
            List<BacktestPage.LegInput> legs,
            List<String> notes) {}

    /** The page; a portfolio outside the user's teams is a 404. */
    public BacktestPage page(long userId, long portfolioId, BacktestForm form) {
        Bag bag = bag(userId, portfolioId, form);
        Map<String, String> errors = new LinkedHashMap<>();
        String problem = "";
        Optional<BacktestView> result = Optional.empty();
        try {
            result = Optional.of(BacktestView.of(run(form, bag), "the bag"));
        } catch (BadInputException e) {
            errors.put(e.field(), e.getMessage());
            problem = e.getMessage();
        }
        List<String> all = catalog.all().stream().map(Instrument::id).toList();
        return new BacktestPage(
                bag.access(), form, bag.choices(), bag.legs(), all, problem, errors, bag.notes(), result);
    }

    /** The replay for the CSV export: bad input is a {@link BadInputException} (a 400 naming the field). */
    public BacktestResult result(long userId, long portfolioId, BacktestForm form) {
        return run(form, bag(userId, portfolioId, form));
    }

    private Bag bag(long userId, long portfolioId, BacktestForm form) {
        PortfolioAccess access = portfolios.access(userId, portfolioId);
        List<String> picked = form.all("holding");
        List<BacktestPage.HoldingChoice> choices = new ArrayList<>();
        Map<String, BigDecimal> coins = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        for (Holding h : portfolios.holdings(userId, portfolioId)) {
            boolean selected = picked.isEmpty() || picked.contains(String.valueOf(h.id()));
            String asset = h.draft().assetSymbol();
            choices.add(new BacktestPage.HoldingChoice(
                    h.id(), asset, Display.amount(h.draft().quantity(), asset), selected));
            if (selected && KnownAssets.STABLECOINS.contains(asset)) {
                notes.add(asset + " is a stablecoin: it is left out of the bag.");
            } else if (selected) {
                coins.merge(asset, h.draft().quantity(), BigDecimal::add);
            }
        }
        List<BacktestPage.LegInput> legs = new ArrayList<>();
        for (String asset : coins.keySet()) {
            List<String> contracts = catalog.forBaseAsset(Asset.of(asset)).stream()
                    .map(Instrument::id)
                    .toList();
            String contract = form.get("contract." + asset, contracts.isEmpty() ? "" : contracts.get(0));
            boolean inverse = catalog.find(contract).map(Instrument::isInverse).orElse(true);
            legs.add(new BacktestPage.LegInput(
                    asset,
                    contract,
                    contracts,
                    form.get("leverage." + asset, "2"),
                    form.get("margin." + asset, inverse ? "OUT_OF_BAG" : "STABLECOIN"),
                    form.get("coverage." + asset, "100")));
        }
        return new Bag(access, choices, coins, legs, notes);
    }

    private BacktestResult run(BacktestForm form, Bag bag) {
        if (bag.coins().isEmpty()) {
            throw new BadInputException(
                    "holding",
                    "Select at least one holding that is not a stablecoin: there is nothing" + " to backtest.");
        }
        return Guarded.run("input", () -> replay(form, bag.coins(), bag.legs(), bag.notes()));
    }

    private BacktestResult replay(
            BacktestForm form, Map<String, BigDecimal> bag, List<BacktestPage.LegInput> legs, List<String> notes) {
        boolean proxy = Inputs.choice("strategy", form.strategy(), Strategy.class) == Strategy.PROXY;
        Map<String, LegPolicy> perAsset = new TreeMap<>();
        Optional<BacktestPolicy.ProxyPolicy> proxyPolicy = Optional.empty();
        List<Instrument> instruments = new ArrayList<>();
        int lookback = 0;
        if (proxy) {
            String asset = form.proxyAsset().toUpperCase(java.util.Locale.ROOT);
            if (!asset.equals("BTC") && !asset.equals("ETH")) {
                throw new BadInputException("proxyAsset", "proxyAsset must be BTC or ETH");
            }
            Instrument instrument = instrument("proxyContract", form.proxyContract());
            lookback = Inputs.wholeNumber("betaWindow", form.betaWindow(), 2, 1000, 90);
            proxyPolicy = Optional.of(new BacktestPolicy.ProxyPolicy(
                    new LegPolicy(
                            instrument,
                            Inputs.positive("proxyLeverage", form.proxyLeverage()),
                            instrument.isInverse() ? MarginSource.EXTRA_COIN : MarginSource.STABLECOIN,
                            BigDecimal.ONE),
                    Inputs.choice("betaMode", form.betaMode(), BacktestPolicy.BetaMode.class),
                    lookback));
            instruments.add(instrument);
        } else {
            for (BacktestPage.LegInput leg : legs) {
                if (leg.contracts().isEmpty()) {
                    notes.add("The catalog has no " + leg.asset() + " perpetual: " + leg.asset() + " stays unhedged.");
                    continue;
                }
                Instrument instrument = instrument("contract." + leg.asset(), leg.contract());
                perAsset.put(
                        leg.asset(),
                        new LegPolicy(
                                instrument,
                                Inputs.positive("leverage." + leg.asset(), leg.leverage()),
                                Inputs.choice("margin." + leg.asset(), leg.margin(), MarginSource.class),
                                Inputs.positive("coverage." + leg.asset(), CoverageInput.fraction(leg.coverage()))));
                instruments.add(instrument);
            }
        }
        BacktestPolicy policy = new BacktestPolicy(bag, perAsset, proxyPolicy, rebalancing(form), topUp(form));
        List<PriceSeries> prices = new ArrayList<>();
        for (String asset : bag.keySet()) {
            prices.add(betas.history("holding", asset));
        }
        if (proxy && !bag.containsKey(form.proxyAsset().toUpperCase(java.util.Locale.ROOT))) {
            prices.add(betas.history("proxyAsset", proxyPolicy.get().asset()));
        }
        LocalDate last = prices.stream()
                .map(p -> p.last().date())
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate to = Inputs.isBlank(form.to()) ? last : BetaCalculator.date("to", form.to());
        LocalDate from = Inputs.isBlank(form.from())
                ? to.minusDays(DEFAULT_DAYS - 1L)
                : BetaCalculator.date("from", form.from());
        BacktestMarket market = BacktestMarket.of(prices, from, to, lookback, fundingOf(instruments, notes));
        return BacktestEngine.DEFAULT.run(market, policy);
    }

    /** The stored funding of each contract, or the closest stored series of its coin (named in a note). */
    private Map<String, FundingRateSeries> fundingOf(List<Instrument> instruments, List<String> notes) {
        FundingCalculator.StoredSeries stored = funding.storedSeries();
        Map<String, FundingRateSeries> series = new LinkedHashMap<>();
        for (Instrument instrument : instruments) {
            FundingCalculator.SeriesChoice choice = funding.seriesFor(instrument, stored);
            if (choice.seriesId().isEmpty()) {
                notes.add("No funding history is stored for " + instrument.baseAsset()
                        + " perpetuals: no funding is booked" + " on " + instrument.id() + ".");
                continue;
            }
            String id = choice.seriesId().get();
            if (!id.equals(instrument.id())) {
                notes.add("Funding of " + instrument.id() + " replayed from the stored settlements of " + id + ".");
            }
            series.put(instrument.id(), funding.series("contract", id));
        }
        return series;
    }

    private Instrument instrument(String field, String id) {
        return catalog.find(id)
                .orElseThrow(() -> new BadInputException(
                        field, field + ": no contract \"" + id.replaceAll("\\p{Cntrl}", "?") + "\" in the catalog"));
    }

    private static Rebalancing rebalancing(BacktestForm form) {
        return switch (Inputs.choice("rebalance", form.rebalance(), Rebalancing.Kind.class)) {
            case NEVER -> Rebalancing.never();
            case BAND -> Rebalancing.band(Inputs.positive("band", form.band()));
            case EVERY_N_DAYS -> Rebalancing.everyDays(Inputs.wholeNumber("everyDays", form.everyDays(), 1, 3650, 30));
        };
    }

    private static Optional<BigDecimal> topUp(BacktestForm form) {
        return Inputs.isBlank(form.topUp()) ? Optional.empty() : Optional.of(Inputs.positive("topUp", form.topUp()));
    }

    /** Per-asset 1:1 legs or one proxy leg. */
    enum Strategy {
        PER_ASSET,
        PROXY
    }
}
