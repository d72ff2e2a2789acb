package io.hedgedesk.web.planner;

import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.portfolio.KnownAssets;
import io.hedgedesk.domain.portfolio.PortfolioValuation;
import io.hedgedesk.domain.portfolio.ValuedHolding;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.pricing.valuation.PortfolioHedges;
import io.hedgedesk.web.api.BadInputException;
import io.hedgedesk.web.funding.FundingCalculator;
import io.hedgedesk.web.hedge.book.HedgeTracker;
import io.hedgedesk.web.view.Display;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The hedge plan of a portfolio for a bound {@link PlanRequest}: loads the selected holdings with their prices and
 * the open hedges, plans a 1:1 leg per coin ({@link LegPlanner}) and one proxy hedge of the basket
 * ({@link ProxyPlanner}), and says in words what cannot be planned. Used by the planner page, its confirmation and
 * its recording.
 */
@ApplicationScoped
public class PlanService {

    private final PortfolioService portfolios;
    private final ContractCatalog catalog;
    private final FundingCalculator funding;
    private final HedgeTracker tracker;
    private final LegPlanner legs;
    private final ProxyPlanner proxies;

    public PlanService(
            PortfolioService portfolios,
            ContractCatalog catalog,
            FundingCalculator funding,
            HedgeTracker tracker,
            LegPlanner legs,
            ProxyPlanner proxies) {
        this.portfolios = portfolios;
        this.catalog = catalog;
        this.funding = funding;
        this.tracker = tracker;
        this.legs = legs;
        this.proxies = proxies;
    }

    public PlanPage plan(long userId, long portfolioId, PlanRequest request) {
        PortfolioAccess access = portfolios.access(userId, portfolioId);
        PortfolioValuation valuation = portfolios.valuation(userId, portfolioId);
        PortfolioHedges open = tracker.openOf(userId, portfolioId);
        List<String> picked = request.holdings();
        List<PlanPage.HoldingChoice> choices = new ArrayList<>();
        Map<String, Bag> bags = new TreeMap<>();
        for (ValuedHolding line : valuation.lines()) {
            long id = line.holding().id();
            boolean selected = picked.isEmpty() || picked.contains(String.valueOf(id));
            String asset = line.holding().draft().assetSymbol();
            choices.add(new PlanPage.HoldingChoice(
                    id,
                    asset,
                    line.holding().draft().quantity(),
                    line.holding().draft().venue(),
                    line.valueUsd().map(Display::cents),
                    selected));
            if (!selected) {
                continue;
            }
            Optional<BigDecimal> price = line.quote().map(quote -> quote.priceUsd());
            String note = line.quote()
                    .map(quote -> quote.source() + " as of "
                            + quote.asOf().atZone(ZoneOffset.UTC).toLocalDate())
                    .orElse("no price known");
            Bag before = bags.get(asset);
            BigDecimal coins = line.holding().draft().quantity().add(before == null ? BigDecimal.ZERO : before.coins());
            bags.put(asset, new Bag(asset, coins, price, note));
        }

        Map<String, String> errors = new LinkedHashMap<>(request.errors());
        List<String> notes = new ArrayList<>();
        List<PlanPage.AssetInput> inputs = new ArrayList<>();
        List<PlanPage.AssetLeg> planned = new ArrayList<>();
        FundingCalculator.StoredSeries stored = funding.storedSeries();
        for (Bag bag : bags.values()) {
            if (KnownAssets.STABLECOINS.contains(bag.asset())) {
                notes.add(bag.asset() + " is a stablecoin: it needs no hedge and is left out of both plans.");
                continue;
            }
            List<String> contracts = catalog.forBaseAsset(Asset.of(bag.asset())).stream()
                    .map(Instrument::id)
                    .toList();
            PlanRequest.AssetRequest typed = request.asset(bag.asset());
            String contract = typed.contract().orElse(contracts.isEmpty() ? "" : contracts.get(0));
            OpenShare share = OpenShare.of(open, bag.asset());
            PlanPage.AssetInput input = new PlanPage.AssetInput(
                    bag.asset(),
                    contract,
                    PlanRequest.or(
                            request.get("leverage." + bag.asset()), PlanRequest.DEFAULT_LEVERAGE.toPlainString()),
                    PlanRequest.or(request.get("margin." + bag.asset()), "OUT_OF_BAG"),
                    PlanRequest.or(request.get("coverage." + bag.asset()), "100"),
                    contracts,
                    share.words(),
                    typed.whole());
            inputs.add(input);
            Optional<BigDecimal> left = typed.whole() ? Optional.empty() : share.coinsLeft(typed.coverage());
            if (left.isPresent() && left.get().signum() <= 0) {
                planned.add(LegPlanner.problem(
                        bag,
                        "Already insured by open hedges (" + share.words() + "): nothing is left"
                                + " to hedge at this target. Tick \"plan the whole bag\" to plan it anyway."));
            } else {
                Bag toPlan = left.map(c -> bag.withCoins(c.min(bag.coins()))).orElse(bag);
                planned.add(legs.leg(toPlan, contracts.isEmpty() ? "" : contract, typed, request, stored, errors));
            }
        }

        PlanPage.PlanForm form = new PlanPage.PlanForm(
                String.valueOf(request.horizonDays()),
                PlanRequest.or(request.get("windowDays"), String.valueOf(PlanRequest.DEFAULT_WINDOW)),
                request.get("from"),
                request.get("to"),
                PlanRequest.or(request.get("returnType"), "SIMPLE"),
                PlanRequest.or(request.get("weighting"), "EQUAL"),
                request.proxyAsset(),
                request.proxyContract(),
                PlanRequest.or(request.get("proxyLeverage"), PlanRequest.DEFAULT_LEVERAGE.toPlainString()),
                inputs);
        Optional<PlanPage.ProxyPlan> proxy = Optional.empty();
        Optional<String> proxyProblem = Optional.empty();
        List<Bag> basket = bags.values().stream()
                .filter(b -> !KnownAssets.STABLECOINS.contains(b.asset())
                        && b.price().isPresent())
                .map(b -> OpenShare.of(open, b.asset()).unhedged(b))
                .filter(b -> b.coins().signum() > 0)
                .toList();
        Optional<String> openProxy = OpenShare.proxyWords(open);
        Optional<String> typo = request.historyProblem()
                .or(() -> Optional.ofNullable(request.errors().get("proxyLeverage")));
        if (openProxy.isPresent() && !request.wholeProxy()) {
            proxyProblem = Optional.of("A proxy hedge is already open on this portfolio (" + openProxy.get()
                    + "): resize it " + "from its page rather than adding a second one.");
        } else if (basket.isEmpty()) {
            proxyProblem =
                    Optional.of("Select at least one priced, non-stablecoin holding that is not already hedged to "
                            + "plan a proxy hedge.");
        } else if (typo.isPresent()) {
            proxyProblem = typo;
        } else {
            try {
                proxy = Optional.of(proxies.plan(
                        basket,
                        request,
                        stored,
                        portfolios.prices(access.portfolio().teamId(), Set.of(request.proxyAsset()))));
            } catch (BadInputException e) {
                errors.put(e.field(), e.getMessage());
                proxyProblem = Optional.of(e.getMessage());
            } catch (IllegalArgumentException e) {
                if (!RuleRefusals.isRule(e)) {
                    throw e;
                }
                proxyProblem = Optional.of(e.getMessage());
            }
        }
        List<String> allContracts = catalog.all().stream().map(Instrument::id).toList();
        return new PlanPage(access, choices, form, planned, proxy, proxyProblem, notes, errors, allContracts);
    }
}
