package io.hedgedesk.web.hedge.book;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.portfolio.PortfolioValuation;
import io.hedgedesk.domain.portfolio.ValuedHolding;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.pricing.valuation.AlertThresholds;
import io.hedgedesk.pricing.valuation.AssetCoverage;
import io.hedgedesk.pricing.valuation.HedgeAccount;
import io.hedgedesk.pricing.valuation.HedgeAlert;
import io.hedgedesk.pricing.valuation.HedgeValuer;
import io.hedgedesk.pricing.valuation.HeldCoins;
import io.hedgedesk.pricing.valuation.PortfolioHedges;
import io.hedgedesk.pricing.valuation.Prices;
import io.hedgedesk.web.config.HedgedeskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Values hedges now: loads each portfolio's open hedges, holdings, ledger sums and the team's prices, and lets the
 * pricing module's {@link HedgeValuer} compute coverage per coin (each coin counted once), unrealized PnL,
 * liquidation and close-target distances and alerts; adds the funding expected from stored rates.
 *
 * <p>One price per coin per team ({@link CoinPrices}). Thresholds are configuration: {@code hedgedesk.hedge.stale-after}
 * (default PT6H), {@code hedgedesk.hedge.liquidation-alert} (fraction of the mark, default 0.10),
 * {@code hedgedesk.hedge.coverage-band} (absolute drift, default 0.05).
 */
@ApplicationScoped
@Transactional
public class HedgeTracker {

    private final HedgeBookService book;
    private final PortfolioService portfolios;
    private final ExpectedFunding expectedFunding;
    private final CoinPrices coinPrices;
    private final Clock clock;
    private final AlertThresholds limits;

    HedgeTracker(
            HedgeBookService book,
            PortfolioService portfolios,
            ExpectedFunding expectedFunding,
            CoinPrices coinPrices,
            Clock clock,
            HedgedeskConfig config) {
        this.book = book;
        this.portfolios = portfolios;
        this.expectedFunding = expectedFunding;
        this.coinPrices = coinPrices;
        this.clock = clock;
        this.limits = new AlertThresholds(
                config.hedge().staleAfter(),
                config.hedge().liquidationAlert(),
                config.hedge().coverageBand());
    }

    /** The alert thresholds in force. */
    public AlertThresholds limits() {
        return limits;
    }

    /** The snapshot of one hedge the user may see, valued with the other open hedges of its portfolio. */
    public HedgeSnapshot snapshot(long userId, long hedgeId) {
        HedgeBookService.HedgeAccess access = book.hedge(userId, hedgeId);
        Hedge hedge = access.hedge();
        List<HedgeEvent> events = book.events(userId, hedge.id());
        HedgeBookService.LedgerTotals totals = HedgeSnapshots.totals(events);
        List<HedgeBookService.HedgeAccess> group = hedge.isOpen()
                ? book.openHedges(userId).stream()
                        .filter(a -> a.hedge().portfolioId() == hedge.portfolioId())
                        .toList()
                : List.of(access);
        Map<Long, HedgeBookService.LedgerTotals> sums = new HashMap<>(book.ledgerTotals(group.stream()
                .map(a -> a.hedge().id())
                .filter(id -> id != hedge.id())
                .toList()));
        sums.put(hedge.id(), totals);
        Valued valued = value(access.portfolio(), portfolios.valuation(userId, hedge.portfolioId()), group, sums);
        return snapshot(
                access,
                totals,
                valued,
                (markPrice, now) -> expectedFunding.of(hedge, access.instrument(), events, markPrice, now));
    }

    /**
     * The open hedges of one portfolio valued together (coverage per coin, each hedge), for the planner: what is
     * already hedged and what is left.
     */
    public PortfolioHedges openOf(long userId, long portfolioId) {
        return valuedOf(userId, portfolioId, portfolios.valuation(userId, portfolioId))
                .hedges();
    }

    /**
     * The open hedges of one portfolio valued together against {@code valuation} (its holdings now), with the price of
     * each coin they were valued at: the portfolio page's hedged shares and net exposure. Without open hedges the prices
     * are the holdings' own.
     */
    public Valued valuedOf(long userId, long portfolioId, PortfolioValuation valuation) {
        List<HedgeBookService.HedgeAccess> group = book.openHedges(userId).stream()
                .filter(a -> a.hedge().portfolioId() == portfolioId)
                .toList();
        if (group.isEmpty()) {
            return new Valued(
                    new PortfolioHedges(List.of(), List.of(), List.of()),
                    new Prices(HedgeSnapshots.spot(valuation), Map.of()));
        }
        Map<Long, HedgeBookService.LedgerTotals> totals =
                book.ledgerTotals(group.stream().map(a -> a.hedge().id()).toList());
        return value(group.get(0).portfolio(), valuation, group, totals);
    }

    /** The dashboard's view of open hedges: each hedge, each portfolio's coverage per coin, and all alerts. */
    public record OpenBook(List<HedgeSnapshot> hedges, List<PortfolioCoverage> coverage, List<Alert> alerts) {}

    /** A portfolio's coverage per coin hedged 1:1. */
    public record PortfolioCoverage(PortfolioAccess portfolio, List<AssetCoverage> assets) {}

    /** An alert with the portfolio it concerns. */
    public record Alert(PortfolioAccess portfolio, HedgeAlert alert) {}

    /**
     * Every open hedge of the user's teams valued per portfolio, in a fixed number of queries per portfolio (hedges,
     * ledger sums and ticks for all, the valuation of each portfolio the caller does not pass in {@code valuations}, by
     * portfolio id). Expected funding is not computed here (it reads each contract's stored history); the tracking page
     * has it.
     */
    public OpenBook openBook(long userId, Map<Long, PortfolioValuation> valuations) {
        List<HedgeBookService.HedgeAccess> open = book.openHedges(userId);
        if (open.isEmpty()) {
            return new OpenBook(List.of(), List.of(), List.of());
        }
        Map<Long, HedgeBookService.LedgerTotals> totals =
                book.ledgerTotals(open.stream().map(a -> a.hedge().id()).toList());
        Map<Long, List<HedgeBookService.HedgeAccess>> byPortfolio = new LinkedHashMap<>();
        open.forEach(a -> byPortfolio
                .computeIfAbsent(a.hedge().portfolioId(), id -> new ArrayList<>())
                .add(a));
        Map<Long, HedgeSnapshot> snapshots = new HashMap<>();
        List<PortfolioCoverage> coverage = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        for (List<HedgeBookService.HedgeAccess> group : byPortfolio.values()) {
            PortfolioAccess portfolio = group.get(0).portfolio();
            long portfolioId = portfolio.portfolio().id();
            PortfolioValuation valuation = Optional.ofNullable(valuations.get(portfolioId))
                    .orElseGet(() -> portfolios.valuation(userId, portfolioId));
            Valued valued = value(portfolio, valuation, group, totals);
            for (HedgeBookService.HedgeAccess a : group) {
                snapshots.put(
                        a.hedge().id(),
                        openSnapshot(
                                a, totals.getOrDefault(a.hedge().id(), HedgeBookService.LedgerTotals.NONE), valued));
            }
            if (!valued.hedges().assets().isEmpty()) {
                coverage.add(new PortfolioCoverage(portfolio, valued.hedges().assets()));
            }
            valued.hedges().alerts().forEach(alert -> alerts.add(new Alert(portfolio, alert)));
        }
        alerts.sort(java.util.Comparator.comparing((Alert a) -> a.alert().kind()));
        return new OpenBook(
                open.stream().map(a -> snapshots.get(a.hedge().id())).toList(), coverage, alerts);
    }

    private static final ExpectedFunding.FundingOrNote NOT_COMPUTED =
            new ExpectedFunding.FundingOrNote(Optional.empty(), "expected funding is computed on the hedge's page");

    /** A portfolio's hedges valued, with the prices used (one per coin, and venue marks where newer). */
    public record Valued(PortfolioHedges hedges, Prices prices) {}

    /**
     * Values a portfolio's open hedges ({@code group}) against its holdings, with the team's price of each coin and the
     * venue ticks of the hedges' contracts where newer.
     */
    private Valued value(
            PortfolioAccess portfolio,
            PortfolioValuation valuation,
            List<HedgeBookService.HedgeAccess> group,
            Map<Long, HedgeBookService.LedgerTotals> totals) {
        return valueAt(
                valuation,
                group,
                totals,
                coinPrices.of(
                        portfolio.portfolio().teamId(),
                        group.stream()
                                .map(HedgeBookService.HedgeAccess::instrument)
                                .toList(),
                        HedgeSnapshots.spot(valuation)));
    }

    /**
     * Values a portfolio's open hedges ({@code group}) against its holdings at {@code prices} ({@link CoinPrices}): the
     * dashboard's valuation, also used by the alert evaluation on prices it read for the whole installation.
     */
    Valued valueAt(
            PortfolioValuation valuation,
            List<HedgeBookService.HedgeAccess> group,
            Map<Long, HedgeBookService.LedgerTotals> totals,
            Prices prices) {
        List<HeldCoins> held = new ArrayList<>();
        for (ValuedHolding line : valuation.lines()) {
            held.add(new HeldCoins(
                    line.holding().id(),
                    line.holding().draft().assetSymbol(),
                    line.holding().draft().quantity()));
        }
        List<HedgeAccount> accounts = group.stream()
                .map(a -> HedgeSnapshots.account(
                        a, totals.getOrDefault(a.hedge().id(), HedgeBookService.LedgerTotals.NONE)))
                .toList();
        return new Valued(HedgeValuer.DEFAULT.value(held, accounts, prices, clock.instant(), limits), prices);
    }

    /** The snapshot of an open hedge of {@code valued} as the dashboard shows it (expected funding not computed). */
    HedgeSnapshot openSnapshot(
            HedgeBookService.HedgeAccess access, HedgeBookService.LedgerTotals totals, Valued valued) {
        return snapshot(access, totals, valued, (markPrice, now) -> NOT_COMPUTED);
    }

    private HedgeSnapshot snapshot(
            HedgeBookService.HedgeAccess access,
            HedgeBookService.LedgerTotals totals,
            Valued valued,
            BiFunction<BigDecimal, Instant, ExpectedFunding.FundingOrNote> expectedFunding) {
        return HedgeSnapshots.snapshot(access, totals, valued, clock.instant(), limits.staleAfter(), expectedFunding);
    }
}
