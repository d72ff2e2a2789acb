package io.hedgedesk.web.hedge.book;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.pricing.ledger.HedgeLedger;
import io.hedgedesk.web.view.Display;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Comparator;

/** The coins of a hedge's margin taken out of the bag, back in the bag at the close. */
@ApplicationScoped
class BagReturn {

    private final PortfolioService portfolios;

    BagReturn(PortfolioService portfolios) {
        this.portfolios = portfolios;
    }

    /**
     * The margin of an inverse hedge taken out of the bag comes back to it at the close: the largest linked holding of
     * the coin changes by {@link HedgeLedger#bagChange}, with its own audit event.
     */
    void close(long actorId, HedgeBookService.HedgeAccess access, BigDecimal returned, BigDecimal taken) {
        Hedge hedge = access.hedge();
        if (!hedge.marginFromHoldings() || access.instrument().settlementAsset().isDollar()) {
            return;
        }
        String coin = access.instrument().baseAsset().symbol();
        portfolios.holdings(actorId, hedge.portfolioId()).stream()
                .filter(h -> hedge.holdingIds().contains(h.id())
                        && h.draft().assetSymbol().equals(coin))
                .max(Comparator.comparing(h -> h.draft().quantity()))
                .ifPresent(holding -> {
                    BigDecimal change = HedgeLedger.bagChange(returned, taken);
                    portfolios.marginReturned(
                            actorId,
                            hedge.portfolioId(),
                            holding.id(),
                            change,
                            "hedge #" + hedge.id()
                                    + " closed: " + plain(returned) + " " + coin + " returned from "
                                    + access.instrument().venue()
                                    + "; the holding changes by " + plain(change) + " " + coin);
                });
    }

    private static String plain(BigDecimal value) {
        return Display.coinsTrimmed(value).toPlainString().replace("-", "\u2212");
    }
}
