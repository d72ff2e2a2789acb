package io.hedgedesk.web.hedge.book;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeAction;
import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.HedgeMark;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.hedge.LedgerPosition;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.NotFoundException;
import io.hedgedesk.persistence.RoleRefusedException;
import io.hedgedesk.persistence.StaleEditException;
import io.hedgedesk.persistence.audit.AuditLog;
import io.hedgedesk.persistence.hedge.HedgeRepository;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.pricing.ledger.HedgeLedger;
import io.hedgedesk.pricing.ledger.LedgerStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Hedge positions held as insurance of a portfolio's holdings, and their append-only event ledger.
 *
 * <p>Access exactly like {@link PortfolioService}: a hedge is loaded by (id, teams of the acting user), anything
 * else is a {@link NotFoundException}; actions need the editor or owner role ({@link RoleRefusedException}). Every
 * action runs in one transaction that consumes its single-use form token, checks the position's version
 * ({@link StaleEditException}), applies the {@link HedgeLedger}'s rules, stores the position and its ledger entries
 * ({@link HedgeRepository}) and writes an audit event. Spot holdings change only when the margin of an inverse hedge
 * taken out of the bag comes back at its close.
 */
@ApplicationScoped
@Transactional
public class HedgeBookService {

    private final PortfolioService portfolios;
    private final HedgeRepository hedges;
    private final AuditLog audit;
    private final FormTokens formTokens;
    private final CoinPrices prices;
    private final Clock clock;
    private final ContractCatalog catalog;
    private final BagReturn bagReturn;
    private final HedgeOpening opening;
    private final HedgeTargets targets;

    public HedgeBookService(
            PortfolioService portfolios,
            HedgeRepository hedges,
            AuditLog audit,
            FormTokens formTokens,
            CoinPrices prices,
            Clock clock,
            ContractCatalog catalog,
            BagReturn bagReturn,
            HedgeOpening opening,
            HedgeTargets targets) {
        this.portfolios = portfolios;
        this.hedges = hedges;
        this.audit = audit;
        this.formTokens = formTokens;
        this.prices = prices;
        this.clock = clock;
        this.catalog = catalog;
        this.bagReturn = bagReturn;
        this.opening = opening;
        this.targets = targets;
    }

    /** A hedge with the portfolio access it was loaded through. */
    public record HedgeAccess(Hedge hedge, PortfolioAccess portfolio, Instrument instrument) {
        public boolean canAct() {
            return portfolio.role().canEdit();
        }
    }

    /**
     * Sums over a hedge's ledger, settlement asset: FUNDING cash changes, fees, all cash changes, and margin moved in
     * less margin moved out.
     */
    record LedgerTotals(BigDecimal funding, BigDecimal fees, BigDecimal cash, BigDecimal margin) {
        static final LedgerTotals NONE =
                new LedgerTotals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** Records an opened hedge typed in a form: {@link HedgeOpening#record}. */
    public long open(long actorId, UUID formToken, OpenHedge command) {
        return opening.record(actorId, Optional.of(formToken), command);
    }

    /**
     * Records a hedge read from an exchange's own records (a statement import or a sync): as {@link #open}, inside
     * the import's transaction, without a form token (the import's job is claimed once).
     */
    public long openImported(long actorId, OpenHedge command) {
        return opening.record(actorId, Optional.empty(), command);
    }

    /** The hedge, if it belongs to a portfolio of one of the user's teams; {@link NotFoundException} otherwise. */
    public HedgeAccess hedge(long userId, long hedgeId) {
        Hedge hedge = hedges.find(userId, hedgeId);
        return new HedgeAccess(hedge, portfolios.access(userId, hedge.portfolioId()), instrument(hedge.contractId()));
    }

    /** The hedges of a portfolio, newest first. */
    public List<Hedge> hedges(long userId, long portfolioId) {
        portfolios.access(userId, portfolioId);
        return hedges.ofPortfolio(portfolioId);
    }

    /** Every OPEN hedge in every team of the user, oldest first (two queries whatever their number). */
    public List<HedgeAccess> openHedges(long userId) {
        return hedges.open(userId).stream()
                .map(h -> new HedgeAccess(
                        h.hedge(), h.portfolio(), instrument(h.hedge().contractId())))
                .toList();
    }

    /**
     * {@link LedgerTotals} of hedges already loaded through the user's access ({@link #openHedges}), by hedge id, in
     * one query, summed by the database rather than loading every event.
     */
    Map<Long, LedgerTotals> ledgerTotals(List<Long> hedgeIds) {
        return hedges.ledgerSums(hedgeIds).entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        e -> new LedgerTotals(
                                e.getValue().funding(),
                                e.getValue().fees(),
                                e.getValue().cash(),
                                e.getValue().margin())));
    }

    /** The hedge's ledger in recording order. */
    public List<HedgeEvent> events(long userId, long hedgeId) {
        hedges.find(userId, hedgeId);
        return hedges.events(hedgeId);
    }

    /**
     * What {@code action} would record on the hedge now, by the same rules {@link #act} applies; nothing is saved.
     *
     * @throws InvalidHedgeException when a ledger rule refuses the action
     */
    public LedgerStep preview(HedgeAccess access, HedgeAction action) {
        return HedgeLedger.DEFAULT.apply(
                LedgerPosition.of(access.hedge()),
                access.instrument(),
                action,
                clock.instant(),
                () -> mark(access).map(HedgeMark::price));
    }

    /**
     * Applies an action to the hedge loaded at {@code expectedVersion}: appends its ledger entry, stores the position
     * it leaves and writes an audit event, in one transaction.
     *
     * @return the id of the event appended
     */
    public long act(long actorId, long hedgeId, UUID formToken, long expectedVersion, HedgeAction action) {
        // The token first: a second submit of the same confirmation is a duplicate (the first one stands), not a stale
        // version. Any refusal below rolls the token back with everything else.
        formTokens.consume(formToken, actorId);
        HedgeAccess access = writable(actorId, hedgeId, "act on hedges", expectedVersion);
        LedgerStep step = preview(access, action);
        action.correctsEventId().ifPresent(id -> {
            if (!hedges.hasEvent(hedgeId, id)) {
                throw InvalidHedgeException.of("correctsEventId", "Choose an event of this hedge.");
            }
        });
        HedgeRepository.LedgerSums sums = step.entry().type() == HedgeEventType.CLOSE
                ? hedges.ledgerSums(List.of(hedgeId)).get(hedgeId)
                : null;
        if (sums != null) {
            step = HedgeLedger.DEFAULT.withMarginReturn(step, sums.cash());
        }
        HedgeRepository.Written written =
                hedges.append(actorId, hedgeId, expectedVersion, step.after(), step.entries());
        audit.record(
                access.portfolio().portfolio().teamId(),
                access.hedge().portfolioId(),
                actorId,
                "HEDGE",
                hedgeId,
                step.entry().type().name(),
                written.before(),
                written.after());
        if (sums != null && step.entries().size() > 1) {
            bagReturn.close(actorId, access, step.entries().get(1).cashChange().negate(), sums.margin());
        }
        formTokens.created(formToken, "event", List.of(written.id()), "/hedges/" + hedgeId);
        return written.id();
    }

    /**
     * The margin's return to the bag at a close recorded by a statement import ({@link #act} does the same for a close
     * typed in): see {@link BagReturn#close}.
     *
     * @param returned the balance returned at the close (the MARGIN_OUT's amount), settlement asset
     * @param taken    Σ MARGIN_IN − Σ MARGIN_OUT before the return, settlement asset
     */
    public void marginReturnedAtImportedClose(long actorId, HedgeAccess access, BigDecimal returned, BigDecimal taken) {
        bagReturn.close(actorId, access, returned, taken);
    }

    /** Sets or clears the close targets: {@link HedgeTargets#set}. */
    public void setTargets(
            long actorId,
            long hedgeId,
            long expectedVersion,
            Optional<BigDecimal> stopPrice,
            Optional<BigDecimal> takeProfitPrice,
            Optional<BigDecimal> maxFundingCostUsd) {
        HedgeAccess access = writable(actorId, hedgeId, "set close targets", expectedVersion);
        targets.set(
                actorId,
                access,
                stopPrice,
                takeProfitPrice,
                maxFundingCostUsd,
                () -> mark(access).map(HedgeMark::price));
    }

    /** Records the price of the hedge's coin now: {@link HedgeTargets#enterMark}. */
    public void enterMark(long actorId, long hedgeId, long expectedVersion, BigDecimal price) {
        targets.enterMark(actorId, writable(actorId, hedgeId, "enter prices", expectedVersion), price);
    }

    /** The hedge's mark: its team's price of the coin, or its contract's venue tick when newer ({@link CoinPrices}). */
    public Optional<HedgeMark> mark(HedgeAccess access) {
        return CoinPrices.mark(
                prices.of(access.portfolio().portfolio().teamId(), access.instrument()), access.instrument());
    }

    private HedgeAccess writable(long actorId, long hedgeId, String action, long expectedVersion) {
        Hedge hedge = hedges.find(actorId, hedgeId);
        PortfolioAccess access = portfolios.writable(actorId, hedge.portfolioId(), action);
        if (hedge.version() != expectedVersion) {
            throw new StaleEditException("HEDGE", hedgeId, expectedVersion);
        }
        return new HedgeAccess(hedge, access, instrument(hedge.contractId()));
    }

    private Instrument instrument(String contractId) {
        return HedgeOpening.instrument(catalog, contractId);
    }
}
