package io.hedgedesk.web.hedge.book;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.domain.market.PriceQuote;
import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.domain.portfolio.PortfolioValuation;
import io.hedgedesk.persistence.hedge.HedgeRepository;
import io.hedgedesk.persistence.hedge.OpenHedgeBook;
import io.hedgedesk.persistence.market.MarketTickRepository;
import io.hedgedesk.persistence.portfolio.PriceBook;
import io.hedgedesk.pricing.valuation.Prices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Every open hedge of the installation valued now, for the alert evaluation: the same valuation as the dashboard's
 * ({@link HedgeTracker#valueAt}: each portfolio's hedges together against its holdings, at its team's one price per
 * coin or the contract's newer tick), on inputs read for all portfolios at once — the hedges, their ledger sums and
 * the portfolios' holdings ({@link OpenHedgeBook}), the market and manual prices of every coin involved and the ticks
 * of every contract — instead of a fixed number of queries per portfolio.
 */
@ApplicationScoped
public class InstallationHedges {

    private static final Logger LOG = Logger.getLogger(InstallationHedges.class);

    private final OpenHedgeBook loader;
    private final PriceBook priceBook;
    private final MarketTickRepository ticks;
    private final ContractCatalog catalog;
    private final HedgeTracker tracker;
    private final Clock clock;

    InstallationHedges(
            OpenHedgeBook loader,
            PriceBook priceBook,
            MarketTickRepository ticks,
            ContractCatalog catalog,
            HedgeTracker tracker,
            Clock clock) {
        this.loader = loader;
        this.priceBook = priceBook;
        this.ticks = ticks;
        this.catalog = catalog;
        this.tracker = tracker;
        this.clock = clock;
    }

    /**
     * Snapshots of the open hedges (expected funding not computed, as on the dashboard), oldest first; with
     * {@code contracts} only those of the portfolios with an open hedge on one of them (catalog ids).
     */
    @Transactional
    public List<HedgeSnapshot> open(Optional<Collection<String>> contracts) {
        OpenHedgeBook.Loaded loaded = loader.load(contracts);
        Map<Long, List<HedgeBookService.HedgeAccess>> byPortfolio = new LinkedHashMap<>();
        Set<String> symbols = new HashSet<>();
        Set<Long> teams = new HashSet<>();
        Set<String> contractIds = new HashSet<>();
        for (HedgeRepository.HedgeInPortfolio h : loaded.hedges()) {
            Optional<Instrument> instrument =
                    catalog.find(h.hedge().contractId().strip());
            if (instrument.isEmpty()) { // the dashboard refuses it too; the other hedges still get their alerts
                LOG.warnf(
                        "Alerts: hedge %d is on %s, not in the contract catalog",
                        h.hedge().id(), h.hedge().contractId());
                continue;
            }
            byPortfolio
                    .computeIfAbsent(h.hedge().portfolioId(), id -> new ArrayList<>())
                    .add(new HedgeBookService.HedgeAccess(h.hedge(), h.portfolio(), instrument.get()));
            symbols.add(instrument.get().baseAsset().symbol());
            contractIds.add(instrument.get().id());
            teams.add(h.portfolio().portfolio().teamId());
        }
        if (byPortfolio.isEmpty()) {
            return List.of();
        }
        loaded.holdings()
                .values()
                .forEach(list -> list.forEach(h -> symbols.add(h.draft().assetSymbol())));
        Map<String, PriceQuote> market = priceBook.market(symbols);
        Map<Long, Map<String, PriceQuote>> manual = priceBook.manual(teams, symbols);
        Map<String, MarketTick> latest = ticks.latest(contractIds);
        Instant now = clock.instant();
        List<HedgeSnapshot> out = new ArrayList<>(loaded.hedges().size());
        for (List<HedgeBookService.HedgeAccess> group : byPortfolio.values()) {
            long portfolioId = group.get(0).hedge().portfolioId();
            Map<String, PriceQuote> teamPrices =
                    manual.getOrDefault(group.get(0).portfolio().portfolio().teamId(), Map.of());
            List<Holding> holdings = loaded.holdings().getOrDefault(portfolioId, List.of());
            PortfolioValuation valuation = PortfolioValuation.of(holdings, market, teamPrices, now);
            Prices prices = CoinPrices.of(
                    group.stream().map(HedgeBookService.HedgeAccess::instrument).toList(),
                    HedgeSnapshots.spot(valuation),
                    missing -> PortfolioValuation.latest(missing, market, teamPrices, now),
                    latest);
            Map<Long, HedgeBookService.LedgerTotals> totals = totals(loaded, group);
            HedgeTracker.Valued valued = tracker.valueAt(valuation, group, totals, prices);
            for (HedgeBookService.HedgeAccess a : group) {
                out.add(tracker.openSnapshot(
                        a, totals.getOrDefault(a.hedge().id(), HedgeBookService.LedgerTotals.NONE), valued));
            }
        }
        return out;
    }

    private static Map<Long, HedgeBookService.LedgerTotals> totals(
            OpenHedgeBook.Loaded loaded, List<HedgeBookService.HedgeAccess> group) {
        Map<Long, HedgeBookService.LedgerTotals> totals = new HashMap<>();
        for (HedgeBookService.HedgeAccess a : group) {
            HedgeRepository.LedgerSums s = loaded.sums().get(a.hedge().id());
            if (s != null) {
                totals.put(
                        a.hedge().id(), new HedgeBookService.LedgerTotals(s.funding(), s.fees(), s.cash(), s.margin()));
            }
        }
        return totals;
    }
}
