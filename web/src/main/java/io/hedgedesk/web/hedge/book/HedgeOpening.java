package io.hedgedesk.web.hedge.book;

import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.hedge.LedgerEntry;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.NotFoundException;
import io.hedgedesk.persistence.RoleRefusedException;
import io.hedgedesk.persistence.audit.AuditLog;
import io.hedgedesk.persistence.hedge.HedgeRepository;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.pricing.ledger.HedgeLedger;
import io.hedgedesk.pricing.ledger.LedgerStep;
import io.hedgedesk.web.view.Display;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The opening of a hedge in the book: typed in a form, or read from the exchange's own records. */
@ApplicationScoped
@Transactional
public class HedgeOpening {

    private final PortfolioService portfolios;
    private final HedgeRepository hedges;
    private final AuditLog audit;
    private final FormTokens formTokens;
    private final Clock clock;
    private final ContractCatalog catalog;

    public HedgeOpening(
            PortfolioService portfolios,
            HedgeRepository hedges,
            AuditLog audit,
            FormTokens formTokens,
            Clock clock,
            ContractCatalog catalog) {
        this.portfolios = portfolios;
        this.hedges = hedges;
        this.audit = audit;
        this.formTokens = formTokens;
        this.clock = clock;
        this.catalog = catalog;
    }

    /**
     * Records an opened hedge: the position and its opening entries as {@link HedgeLedger#open} makes them (OPEN with
     * the fee as a negative cash change, MARGIN_IN of what was sent to the venue), and an audit event, in one
     * transaction.
     *
     * @return the new hedge's id
     * @throws InvalidHedgeException       for an unknown contract, a position the venue would refuse (leverage), an
     *                                     opening in the future, or holdings not in the portfolio
     * @throws NotFoundException           if the portfolio is not in the user's teams
     * @throws RoleRefusedException        for a viewer
     * @throws io.hedgedesk.persistence.DuplicateSubmissionException when the form token was already used
     */
    long record(long actorId, Optional<UUID> formToken, OpenHedge command) {
        PortfolioAccess access = portfolios.writable(actorId, command.portfolioId(), "open hedges");
        Instrument instrument = instrument(catalog, command.contractId());
        LedgerStep step = HedgeLedger.DEFAULT.open(instrument, command, clock.instant());
        List<Long> holdingIds = List.copyOf(new LinkedHashSet<>(command.holdingIds()));
        if (!hedges.holdingsOf(command.portfolioId(), holdingIds)) {
            throw InvalidHedgeException.of("holdingIds", "Choose holdings of this portfolio.");
        }
        formToken.ifPresent(token -> formTokens.consume(token, actorId));
        HedgeRepository.Written written =
                hedges.insert(actorId, command, instrument, step.after(), step.entries(), holdingIds);
        Map<String, Object> after = new LinkedHashMap<>(written.after());
        if ("OUT_OF_BAG".equals(command.marginSource())) {
            // the exposure model's transfer: coins moved from the insured holdings to the venue (still counted in them)
            BigDecimal moved = instrument.isInverse()
                    ? step.entries().stream()
                            .filter(e -> e.type() == HedgeEventType.MARGIN_IN)
                            .map(LedgerEntry::cashChange)
                            .findFirst()
                            .orElse(BigDecimal.ZERO)
                    : command.collateralCoins();
            after.put(
                    "movedFromHoldings",
                    Display.amount(moved, instrument.baseAsset().symbol()) + " to " + instrument.venue()
                            + " as margin");
        }
        audit.record(
                access.portfolio().teamId(),
                command.portfolioId(),
                actorId,
                "HEDGE",
                written.id(),
                "OPEN",
                null,
                after);
        return written.id();
    }

    /** The catalog's contract, or the field's message for an unknown one. */
    static Instrument instrument(ContractCatalog catalog, String contractId) {
        return catalog.find(contractId.strip())
                .orElseThrow(() -> InvalidHedgeException.of("contractId", "Unknown contract " + contractId + "."));
    }
}
