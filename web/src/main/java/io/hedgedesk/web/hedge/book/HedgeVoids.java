package io.hedgedesk.web.hedge.book;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.hedge.LedgerPosition;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.StaleEditException;
import io.hedgedesk.persistence.audit.AuditLog;
import io.hedgedesk.persistence.hedge.HedgeRepository;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.pricing.ledger.HedgeLedger;
import io.hedgedesk.pricing.ledger.LedgerStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * "Recorded by mistake": voids a hedge or one of its events by the {@link HedgeLedger}'s rules, as a VOID event of
 * the append-only ledger, in one transaction with its single-use form token, the version check and an audit event.
 * Access as in {@link HedgeBookService}: another team's hedge is a 404, a viewer is refused.
 */
@ApplicationScoped
@Transactional
public class HedgeVoids {

    private final PortfolioService portfolios;
    private final HedgeRepository hedges;
    private final AuditLog audit;
    private final FormTokens formTokens;
    private final Clock clock;

    public HedgeVoids(
            PortfolioService portfolios, HedgeRepository hedges, AuditLog audit, FormTokens formTokens, Clock clock) {
        this.portfolios = portfolios;
        this.hedges = hedges;
        this.audit = audit;
        this.formTokens = formTokens;
        this.clock = clock;
    }

    /**
     * Voids the whole hedge loaded at {@code expectedVersion}, or, with {@code eventId}, only that event of it.
     *
     * @return the VOID event's id
     * @throws InvalidHedgeException when a ledger rule refuses it (a closed hedge, a trade, an event voided already)
     */
    public long voidRecorded(
            long actorId,
            long hedgeId,
            UUID formToken,
            long expectedVersion,
            java.util.Optional<Long> eventId,
            String reason) {
        formTokens.consume(formToken, actorId);
        Hedge hedge = hedges.find(actorId, hedgeId);
        PortfolioAccess access = portfolios.writable(actorId, hedge.portfolioId(), "void hedges");
        if (hedge.version() != expectedVersion) {
            throw new StaleEditException("HEDGE", hedgeId, expectedVersion);
        }
        if (reason != null && reason.length() > 500) {
            throw InvalidHedgeException.of("reason", "At most 500 characters.");
        }
        if (reason != null && io.hedgedesk.domain.Text.hasControlCharacters(reason, true)) {
            throw InvalidHedgeException.of("reason", "No control characters other than tabs and line breaks, please.");
        }
        List<HedgeEvent> events = hedges.events(hedgeId);
        LedgerPosition position = LedgerPosition.of(hedge);
        HedgeRepository.Written written;
        if (eventId.isPresent()) {
            HedgeEvent target = events.stream()
                    .filter(e -> e.id() == eventId.get())
                    .findFirst()
                    .orElseThrow(() -> InvalidHedgeException.of("eventId", "Choose an event of this hedge."));
            LedgerStep step = HedgeLedger.DEFAULT.voidEvent(
                    position,
                    target.id(),
                    target.type(),
                    target.settlementUsd(),
                    target.voided(),
                    clock.instant(),
                    reason);
            written = hedges.append(actorId, hedgeId, expectedVersion, step.after(), step.entries());
        } else {
            LedgerStep step =
                    HedgeLedger.DEFAULT.voidHedge(position, events.get(0).settlementUsd(), clock.instant(), reason);
            written = hedges.voidHedge(actorId, hedgeId, expectedVersion, step.after(), step.entry());
        }
        audit.record(
                access.portfolio().teamId(),
                hedge.portfolioId(),
                actorId,
                "HEDGE",
                hedgeId,
                "VOID",
                written.before(),
                written.after());
        return written.id();
    }
}
