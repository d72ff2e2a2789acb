package io.hedgedesk.web.hedge.book;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.persistence.audit.AuditLog;
import io.hedgedesk.persistence.hedge.HedgeRepository;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.pricing.ledger.CloseTargets;
import io.hedgedesk.web.support.MarkStored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** A hedge's close targets and the price of its coin typed on its page; neither is a ledger event. */
@ApplicationScoped
@Transactional
public class HedgeTargets {

    private final PortfolioService portfolios;
    private final HedgeRepository hedges;
    private final AuditLog audit;
    private final Event<MarkStored> markStored;

    public HedgeTargets(
            PortfolioService portfolios, HedgeRepository hedges, AuditLog audit, Event<MarkStored> markStored) {
        this.portfolios = portfolios;
        this.hedges = hedges;
        this.audit = audit;
        this.markStored = markStored;
    }

    /**
     * Sets (or clears, with empty values) the close targets of the hedge, loaded at the version its form showed. A new
     * stop or take-profit on the wrong side of the current {@code mark} is refused
     * ({@link CloseTargets#requireOnTheRightSide}); without a known mark the targets are accepted. No ledger event: targets are not money movements; the change is
     * audited.
     */
    void set(
            long actorId,
            HedgeBookService.HedgeAccess access,
            Optional<BigDecimal> stopPrice,
            Optional<BigDecimal> takeProfitPrice,
            Optional<BigDecimal> maxFundingCostUsd,
            Supplier<Optional<BigDecimal>> mark) {
        Hedge hedge = access.hedge();
        CloseTargets targets = new CloseTargets(stopPrice, takeProfitPrice, maxFundingCostUsd);
        CloseTargets stored = new CloseTargets(hedge.stopPrice(), hedge.takeProfitPrice(), hedge.maxFundingCostUsd());
        targets.requireOnTheRightSide(
                hedge.side(),
                stored,
                stopPrice.isPresent() || takeProfitPrice.isPresent() ? mark.get() : Optional.empty());
        long hedgeId = hedge.id();
        HedgeRepository.Written written =
                hedges.setTargets(hedgeId, hedge.version(), stopPrice, takeProfitPrice, maxFundingCostUsd);
        audit.record(
                access.portfolio().portfolio().teamId(),
                hedge.portfolioId(),
                actorId,
                "HEDGE",
                hedgeId,
                "TARGETS",
                written.before(),
                written.after());
    }

    /**
     * Records the price of the hedge's coin now as the team's manual price (the one price per coin its holdings and
     * hedges use), for a hedge loaded at the version its form showed.
     */
    void enterMark(long actorId, HedgeBookService.HedgeAccess access, BigDecimal price) {
        if (price == null) {
            throw InvalidHedgeException.of("mark", "Enter the price.");
        }
        if (price.signum() <= 0) {
            throw InvalidHedgeException.of("mark", "Must be greater than zero.");
        }
        // A new row per entry, like the portfolio's price form; the page's version check keeps stale forms out.
        portfolios.enterPrice(
                actorId,
                access.hedge().portfolioId(),
                UUID.randomUUID(),
                access.instrument().baseAsset().symbol(),
                price);
        markStored.fire(
                new MarkStored("price of " + access.instrument().baseAsset().symbol()));
    }
}
