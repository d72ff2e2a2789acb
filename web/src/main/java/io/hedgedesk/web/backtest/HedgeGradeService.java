package io.hedgedesk.web.backtest;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.domain.portfolio.KnownAssets;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.pricing.backtest.BacktestResult;
import io.hedgedesk.pricing.backtest.HedgeGrader;
import io.hedgedesk.web.api.BadInputException;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.proxy.BetaCalculator;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The grade of a real hedge: its ledger replayed against the stored daily closes of the holdings it insures
 * ({@link HedgeGrader}). A hedge outside the user's teams is a 404.
 */
@ApplicationScoped
public class HedgeGradeService {

    private final HedgeBookService book;
    private final PortfolioService portfolios;
    private final BetaCalculator betas;

    public HedgeGradeService(HedgeBookService book, PortfolioService portfolios, BetaCalculator betas) {
        this.book = book;
        this.portfolios = portfolios;
        this.betas = betas;
    }

    /** The grade page: the result, or a message saying why it cannot be graded. */
    public record GradePage(
            HedgeBookService.HedgeAccess access,
            Map<String, BigDecimal> insured,
            String problem,
            Optional<BacktestView> result) {}

    public GradePage page(long userId, long hedgeId) {
        HedgeBookService.HedgeAccess access = book.hedge(userId, hedgeId);
        Map<String, BigDecimal> insured =
                insured(userId, access.hedge(), access.instrument().baseAsset().symbol());
        try {
            return new GradePage(
                    access,
                    insured,
                    "",
                    Optional.of(BacktestView.of(grade(userId, access, insured), "the insured holdings")));
        } catch (BadInputException e) {
            return new GradePage(access, insured, e.getMessage(), Optional.empty());
        }
    }

    /** The grade itself, for the CSV; what cannot be graded is a {@link BadInputException}. */
    public BacktestResult result(long userId, long hedgeId) {
        HedgeBookService.HedgeAccess access = book.hedge(userId, hedgeId);
        return grade(
                userId,
                access,
                insured(userId, access.hedge(), access.instrument().baseAsset().symbol()));
    }

    private BacktestResult grade(long userId, HedgeBookService.HedgeAccess access, Map<String, BigDecimal> insured) {
        if (insured.isEmpty()) {
            throw new BadInputException(
                    "hedge",
                    "The hedge insures no holding that is still in the portfolio: there is"
                            + " nothing to grade it against.");
        }
        String coin = access.instrument().baseAsset().symbol();
        List<PriceSeries> closes = new ArrayList<>();
        for (String asset : insured.keySet()) {
            closes.add(betas.history("hedge", asset));
        }
        if (!insured.containsKey(coin)) {
            closes.add(betas.history("hedge", coin));
        }
        LocalDate last = closes.stream()
                .map(s -> s.last().date())
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate opened = access.hedge().openedAt().atZone(ZoneOffset.UTC).toLocalDate();
        if (!last.isAfter(opened)) {
            throw new BadInputException(
                    "hedge",
                    "The stored daily closes end on " + last + ", before this hedge's second"
                            + " day (it was opened on " + opened + "): import newer closes to grade it.");
        }
        return Guarded.run(
                "hedge",
                () -> HedgeGrader.DEFAULT.grade(
                        access.instrument(),
                        access.hedge().side(),
                        book.events(userId, access.hedge().id()),
                        insured,
                        closes,
                        last));
    }

    /**
     * The coins insured per asset: the hedge's holdings (all of the portfolio's when it names none) — of the contract's
     * coin for a same-coin hedge, every coin but stablecoins for a proxy hedge (one recorded with a β).
     */
    private Map<String, BigDecimal> insured(long userId, Hedge hedge, String coin) {
        Map<String, BigDecimal> coins = new TreeMap<>();
        for (Holding h : portfolios.holdings(userId, hedge.portfolioId())) {
            String asset = h.draft().assetSymbol();
            boolean linked = hedge.holdingIds().isEmpty() || hedge.holdingIds().contains(h.id());
            boolean counted = hedge.beta().isPresent() ? !KnownAssets.STABLECOINS.contains(asset) : asset.equals(coin);
            if (linked && counted) {
                coins.merge(asset, h.draft().quantity(), BigDecimal::add);
            }
        }
        return coins;
    }
}
