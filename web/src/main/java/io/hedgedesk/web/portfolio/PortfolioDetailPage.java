package io.hedgedesk.web.portfolio;

import io.hedgedesk.domain.portfolio.KnownAssets;
import io.hedgedesk.domain.portfolio.PortfolioValuation;
import io.hedgedesk.domain.portfolio.ValuedHolding;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.pricing.valuation.CostBasisPnl;
import io.hedgedesk.pricing.valuation.HeldCoins;
import io.hedgedesk.pricing.valuation.HoldingCover;
import io.hedgedesk.pricing.valuation.NetExposure;
import io.hedgedesk.web.config.HedgedeskConfig;
import io.hedgedesk.web.hedge.CoinCoverageView;
import io.hedgedesk.web.hedge.HoldingCoverView;
import io.hedgedesk.web.hedge.NetExposureView;
import io.hedgedesk.web.hedge.book.HedgeTracker;
import io.hedgedesk.web.proxy.ProxyHedgeService;
import io.hedgedesk.web.support.StampedCache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The portfolio page's content: holdings with their value, unrealized PnL against cost basis and hedged share
 * ({@link CostBasisPnl}, {@link HoldingCover}), net exposure per coin ({@link NetExposure}), the price grid and the
 * value chart. Its data (the portfolio with the user's role, the valuation, the valued hedges) is kept per user and
 * portfolio while the user's data stamp is unchanged, as the dashboard's is ({@code hedgedesk.page-cache-ttl}).
 */
@Singleton // one instance holds the cache
public class PortfolioDetailPage {

    private record DetailKey(long userId, long portfolioId) {}

    private record DetailData(
            PortfolioAccess access,
            PortfolioValuation valuation,
            List<CoinCoverageView> coins,
            HedgeTracker.Valued hedges,
            PortfolioCharts.ValueChart value) {}

    private final PortfolioService portfolios;
    private final HedgeTracker tracker;
    private final PortfolioCharts charts;
    private final StampedCache<DetailKey, DetailData> details;

    public PortfolioDetailPage(
            PortfolioService portfolios, HedgeTracker tracker, PortfolioCharts charts, HedgedeskConfig config) {
        this.portfolios = portfolios;
        this.tracker = tracker;
        this.charts = charts;
        this.details = new StampedCache<>(config.pageCacheTtl(), System::nanoTime);
    }

    /**
     * The page; {@code grid} holds what was typed in the "update all prices" form by asset, and each refused row's
     * message under {@code price-<ASSET>}.
     */
    Pages.Detail of(
            long userId,
            String dataStamp,
            long portfolioId,
            String priceAsset,
            String price,
            String priceToken,
            Map<String, String> grid,
            String gridToken) {
        // Not found (another team's portfolio) is thrown here and never kept; losing access changes the stamp.
        DetailData data = details.get(
                new DetailKey(userId, portfolioId),
                dataStamp,
                () -> QuarkusTransaction.requiringNew().call(() -> {
                    PortfolioAccess access = portfolios.access(userId, portfolioId);
                    PortfolioValuation valuation = portfolios.valuation(userId, portfolioId);
                    HedgeTracker.Valued hedges = tracker.valuedOf(userId, portfolioId, valuation);
                    return new DetailData(
                            access,
                            valuation,
                            CoinCoverageView.of(access, hedges.hedges()),
                            hedges,
                            charts.of(userId, portfolioId, valuation));
                }));
        PortfolioAccess access = data.access();
        PortfolioValuation valuation = data.valuation();
        TreeSet<String> priceAssets = new TreeSet<>();
        valuation.lines().forEach(l -> priceAssets.add(l.holding().draft().assetSymbol()));
        priceAssets.removeAll(KnownAssets.STABLECOINS);
        // held coins first (the form's default is one of them), then the coins a proxy hedge can be placed in, priced
        // here even when not held (one price per coin per team)
        List<String> choices = new ArrayList<>(priceAssets);
        new TreeSet<>(ProxyHedgeService.PROXY_COINS)
                .stream().filter(c -> !priceAssets.contains(c)).forEach(choices::add);

        List<HeldCoins> held = valuation.lines().stream()
                .map(l -> new HeldCoins(
                        l.holding().id(),
                        l.holding().draft().assetSymbol(),
                        l.holding().draft().quantity()))
                .toList();
        Map<Long, HoldingCoverView> covers =
                HoldingCoverView.of(HoldingCover.of(held, data.hedges().hedges()));
        List<Pages.HoldingLine> lines = new ArrayList<>();
        List<CostBasisPnl.Basis> bases = new ArrayList<>();
        for (ValuedHolding l : valuation.lines()) {
            CostBasisPnl.Basis basis =
                    new CostBasisPnl.Basis(l.valueUsd(), l.holding().draft().costBasisUsd());
            bases.add(basis);
            lines.add(new Pages.HoldingLine(
                    l, CostBasisPnl.of(basis), covers.get(l.holding().id())));
        }
        List<NetExposureView> exposure = NetExposureView.of(
                NetExposure.of(held, data.hedges().hedges(), data.hedges().prices()));
        List<Pages.GridRow> rows = new ArrayList<>();
        for (String asset : choices) {
            String current = valuation.lines().stream()
                    .filter(l -> l.holding().draft().assetSymbol().equals(asset))
                    .flatMap(l -> l.quote().stream())
                    .map(q -> q.priceUsd().stripTrailingZeros().toPlainString())
                    .findFirst()
                    .orElse("");
            rows.add(new Pages.GridRow(
                    asset, current, grid.getOrDefault(asset, ""), grid.getOrDefault("price-" + asset, "")));
        }
        return new Pages.Detail(
                access,
                valuation,
                List.copyOf(choices),
                priceAsset == null ? "" : priceAsset,
                price == null ? "" : price,
                priceToken,
                data.coins(),
                lines,
                CostBasisPnl.total(bases),
                exposure,
                rows,
                gridToken,
                data.value());
    }
}
