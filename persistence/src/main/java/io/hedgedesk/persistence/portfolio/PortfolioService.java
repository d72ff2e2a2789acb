package io.hedgedesk.persistence.portfolio;

import io.hedgedesk.domain.market.PriceQuote;
import io.hedgedesk.domain.portfolio.AuditEvent;
import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.domain.portfolio.HoldingDraft;
import io.hedgedesk.domain.portfolio.InvalidHoldingException;
import io.hedgedesk.domain.portfolio.KnownAssets;
import io.hedgedesk.domain.portfolio.Portfolio;
import io.hedgedesk.domain.portfolio.PortfolioValuation;
import io.hedgedesk.domain.team.Role;
import io.hedgedesk.persistence.Flush;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.NotFoundException;
import io.hedgedesk.persistence.RoleRefusedException;
import io.hedgedesk.persistence.StaleEditException;
import io.hedgedesk.persistence.audit.AuditLog;
import io.hedgedesk.persistence.team.Memberships;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Portfolios, holdings and manual prices. Every object is loaded by (id, teams of the acting user): anything else
 * is a {@link NotFoundException}. Writes need the editor or owner role ({@link RoleRefusedException} otherwise),
 * run in one transaction and write their audit event in it.
 *
 * <p>Reads run in a transaction too, so each call sees the committed state rather than a request-long cache.
 */
@ApplicationScoped
@Transactional
public class PortfolioService {

    private final Memberships memberships;
    private final AuditLog audit;
    private final FormTokens formTokens;
    private final PriceBook prices;
    private final Clock clock;

    public PortfolioService(
            Memberships memberships, AuditLog audit, FormTokens formTokens, PriceBook prices, Clock clock) {
        this.memberships = memberships;
        this.audit = audit;
        this.formTokens = formTokens;
        this.prices = prices;
        this.clock = clock;
    }

    /** The team's portfolios; the user must be a member. */
    public List<Portfolio> list(long userId, long teamId) {
        memberships.roleIn(userId, teamId);
        return em()
                .createQuery(
                        "from PortfolioEntity p where p.teamId = ?1 order by lower(p.name), p.id",
                        PortfolioEntity.class)
                .setParameter(1, teamId)
                .getResultList()
                .stream()
                .map(PortfolioEntity::toDomain)
                .toList();
    }

    /** Every portfolio of every team of the user. */
    public List<PortfolioAccess> listAll(long userId) {
        List<Object[]> rows = em().createQuery(
                        "select p, t.name, m.role from PortfolioEntity p, TeamEntity t, MembershipEntity m "
                                + "where t.id = p.teamId and m.teamId = p.teamId and m.userId = ?1 order by lower(t.name), lower(p.name), p.id",
                        Object[].class)
                .setParameter(1, userId)
                .getResultList();
        return rows.stream()
                .map(r -> new PortfolioAccess(((PortfolioEntity) r[0]).toDomain(), (String) r[1], (Role) r[2]))
                .toList();
    }

    /**
     * Creates a portfolio in a team where the user is editor or owner. The form token is consumed before the name
     * check, so a double submit is a {@link io.hedgedesk.persistence.DuplicateSubmissionException} (the first one
     * stands), not a "name taken" error or, when both arrive together, a unique-index violation.
     */
    @Transactional
    public Portfolio create(long actorId, long teamId, UUID formToken, String name) {
        memberships.requireEditor(actorId, teamId, "create portfolios");
        String valid = Portfolio.requireName(name);
        formTokens.consume(formToken, actorId);
        Long same = em().createQuery(
                        "select count(p) from PortfolioEntity p where p.teamId = ?1 and lower(p.name) = lower(?2)",
                        Long.class)
                .setParameter(1, teamId)
                .setParameter(2, valid)
                .getSingleResult();
        if (same > 0) {
            throw InvalidHoldingException.of("name", "This team already has a portfolio named " + valid + ".");
        }
        PortfolioEntity p = new PortfolioEntity();
        p.teamId = teamId;
        p.name = valid;
        p.createdAt = clock.instant();
        em().persist(p);
        em().flush();
        audit.record(teamId, p.id, actorId, "PORTFOLIO", p.id, "CREATE", null, Map.of("name", valid));
        return p.toDomain();
    }

    /** The portfolio with the user's role; {@link NotFoundException} unless it belongs to one of their teams. */
    public PortfolioAccess access(long userId, long portfolioId) {
        List<Object[]> rows = em().createQuery(
                        "select p, t.name, m.role from PortfolioEntity p, TeamEntity t, MembershipEntity m "
                                + "where p.id = ?1 and t.id = p.teamId and m.teamId = p.teamId and m.userId = ?2",
                        Object[].class)
                .setParameter(1, portfolioId)
                .setParameter(2, userId)
                .getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("portfolio", portfolioId);
        }
        Object[] r = rows.get(0);
        return new PortfolioAccess(((PortfolioEntity) r[0]).toDomain(), (String) r[1], (Role) r[2]);
    }

    /** The portfolio, if the user may change it: another team's is a {@link NotFoundException}, a viewer a {@link RoleRefusedException}. */
    public PortfolioAccess writable(long userId, long portfolioId, String action) {
        PortfolioAccess access = access(userId, portfolioId);
        if (!access.role().canEdit()) {
            throw new RoleRefusedException(access.role(), action);
        }
        return access;
    }

    /** The portfolio's holdings, ordered by asset then venue. */
    public List<Holding> holdings(long userId, long portfolioId) {
        access(userId, portfolioId);
        return holdingsOf(HOLDINGS_OF_PORTFOLIO, portfolioId).getOrDefault(portfolioId, List.of());
    }

    private static final String HOLDINGS =
            "select h, u.displayName from HoldingEntity h, AppUserEntity u " + "where u.id = h.updatedBy and ";
    private static final String HOLDINGS_ORDER = " order by h.portfolioId, h.assetSymbol, lower(h.venue), h.id";
    /** Parameter: the portfolio id (access already checked). */
    private static final String HOLDINGS_OF_PORTFOLIO = HOLDINGS + "h.portfolioId = ?1" + HOLDINGS_ORDER;
    /**
     * Parameter: the user id; every portfolio of the user's teams. A join rather than {@code in (list)}: Hibernate
     * re-translates a query with a list parameter on every execution (a third of the dashboard's time),
     * while a query with scalar parameters is translated once.
     */
    private static final String HOLDINGS_OF_USER = HOLDINGS + "h.portfolioId in (select p.id from PortfolioEntity p, "
            + "MembershipEntity m where m.teamId = p.teamId and m.userId = ?1)" + HOLDINGS_ORDER;

    /** The holdings that {@code query} selects with {@code parameter}, by portfolio id, ordered by asset then venue. */
    private Map<Long, List<Holding>> holdingsOf(String query, long parameter) {
        List<Object[]> rows = em().createQuery(query, Object[].class)
                .setParameter(1, parameter)
                .getResultList();
        Map<Long, List<Holding>> byPortfolio = new HashMap<>();
        for (Object[] r : rows) {
            HoldingEntity h = (HoldingEntity) r[0];
            byPortfolio.computeIfAbsent(h.portfolioId, id -> new ArrayList<>()).add(h.toDomain((String) r[1]));
        }
        return byPortfolio;
    }

    /** One holding of the portfolio; {@link NotFoundException} otherwise. */
    public Holding holding(long userId, long portfolioId, long holdingId) {
        access(userId, portfolioId);
        HoldingEntity h = holdingEntity(portfolioId, holdingId);
        return h.toDomain(userName(h.updatedBy));
    }

    /** Values the portfolio from the latest market and manual prices known to its team. */
    public PortfolioValuation valuation(long userId, long portfolioId) {
        PortfolioAccess access = access(userId, portfolioId);
        return valuations(List.of(access), holdingsOf(HOLDINGS_OF_PORTFOLIO, portfolioId))
                .get(portfolioId);
    }

    /**
     * The team's price of each of {@code symbols} — the one its holdings are valued at ({@link PortfolioValuation#latest}:
     * the newer of the stored close and the team's manual price; stablecoins at 1 USD) — for coins it may not hold,
     * such as the coin of a proxy hedge. Symbols without any price are absent.
     */
    public Map<String, PriceQuote> prices(long teamId, Collection<String> symbols) {
        return PortfolioValuation.latest(
                symbols, prices.market(symbols), prices.manual(teamId, symbols), clock.instant());
    }

    /**
     * Every portfolio of every team of the user ({@link #listAll} order) with its valuation: four queries however
     * many portfolios there are (the dashboard).
     */
    public Map<PortfolioAccess, PortfolioValuation> listAllValued(long userId) {
        List<PortfolioAccess> accesses = listAll(userId);
        Map<Long, PortfolioValuation> valuations =
                accesses.isEmpty() ? Map.of() : valuations(accesses, holdingsOf(HOLDINGS_OF_USER, userId));
        Map<PortfolioAccess, PortfolioValuation> valued = new LinkedHashMap<>();
        accesses.forEach(a -> valued.put(a, valuations.get(a.portfolio().id())));
        return valued;
    }

    /**
     * Valuations of portfolios the user was found to access, by portfolio id, from their {@code holdings} (by
     * portfolio id) and the market and manual prices.
     */
    private Map<Long, PortfolioValuation> valuations(
            List<PortfolioAccess> accesses, Map<Long, List<Holding>> holdings) {
        Set<String> symbols = new TreeSet<>();
        holdings.values()
                .forEach(list -> list.forEach(h -> symbols.add(h.draft().assetSymbol())));
        Map<String, PriceQuote> market = prices.market(symbols);
        Map<Long, Map<String, PriceQuote>> manual =
                prices.manual(accesses.stream().map(a -> a.portfolio().teamId()).collect(Collectors.toSet()), symbols);
        Instant now = clock.instant();
        Map<Long, PortfolioValuation> valuations = new HashMap<>();
        for (PortfolioAccess a : accesses) {
            long id = a.portfolio().id();
            valuations.put(
                    id,
                    PortfolioValuation.of(
                            holdings.getOrDefault(id, List.of()),
                            market,
                            manual.getOrDefault(a.portfolio().teamId(), Map.of()),
                            now));
        }
        return valuations;
    }

    /**
     * Adds a holding. The form token makes a double submit harmless: the second one is a
     * {@link io.hedgedesk.persistence.DuplicateSubmissionException} and saves nothing.
     */
    @Transactional
    public Holding addHolding(long actorId, long portfolioId, UUID formToken, HoldingDraft draft) {
        PortfolioAccess access = writable(actorId, portfolioId, "add holdings");
        formTokens.consume(formToken, actorId);
        HoldingEntity h = insert(actorId, access.portfolio(), draft);
        return h.toDomain(userName(actorId));
    }

    private HoldingEntity insert(long actorId, Portfolio portfolio, HoldingDraft draft) {
        HoldingEntity h = new HoldingEntity();
        h.portfolioId = portfolio.id();
        h.apply(draft);
        h.updatedBy = actorId;
        h.updatedAt = clock.instant();
        em().persist(h);
        em().flush();
        audit.record(portfolio.teamId(), portfolio.id(), actorId, "HOLDING", h.id, "CREATE", null, h.state());
        return h;
    }

    /**
     * Replaces a holding's content. {@code expectedVersion} is the version the form was loaded with; when someone
     * saved in between, a {@link StaleEditException} is thrown and nothing is saved.
     */
    @Transactional
    public Holding updateHolding(
            long actorId, long portfolioId, long holdingId, long expectedVersion, HoldingDraft draft) {
        PortfolioAccess access = writable(actorId, portfolioId, "edit holdings");
        HoldingEntity h = holdingEntity(portfolioId, holdingId);
        if (h.version != expectedVersion) {
            throw new StaleEditException("HOLDING", holdingId, expectedVersion);
        }
        Map<String, Object> before = h.state();
        h.apply(draft);
        h.updatedBy = actorId;
        h.updatedAt = clock.instant();
        Flush.orStale(em(), "HOLDING", holdingId, expectedVersion);
        audit.record(
                access.portfolio().teamId(), portfolioId, actorId, "HOLDING", holdingId, "UPDATE", before, h.state());
        return h.toDomain(userName(actorId));
    }

    /** Deletes a holding loaded at {@code expectedVersion}; a newer version is a {@link StaleEditException}. */
    @Transactional
    public void deleteHolding(long actorId, long portfolioId, long holdingId, long expectedVersion) {
        PortfolioAccess access = writable(actorId, portfolioId, "delete holdings");
        HoldingEntity h = holdingEntity(portfolioId, holdingId);
        if (h.version != expectedVersion) {
            throw new StaleEditException("HOLDING", holdingId, expectedVersion);
        }
        Map<String, Object> before = h.state();
        em().remove(h);
        Flush.orStale(em(), "HOLDING", holdingId, expectedVersion);
        audit.record(access.portfolio().teamId(), portfolioId, actorId, "HOLDING", holdingId, "DELETE", before, null);
    }

    /**
     * Changes a holding's quantity by {@code change} coins because a hedge's margin taken out of it came back at the
     * hedge's close, in the caller's transaction, with the holding's audit event carrying {@code reason} (e.g. "hedge
     * #9 closed: 447.3 AVAX returned from BINANCE; the holding changes by −2.7 AVAX"). A change that would leave the
     * holding at zero or less is not applied (the holding was edited since), and the event says so.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void marginReturned(long actorId, long portfolioId, long holdingId, BigDecimal change, String reason) {
        HoldingEntity h = holdingEntity(portfolioId, holdingId);
        Map<String, Object> before = h.state();
        BigDecimal after = h.quantity.add(change);
        boolean applied = after.signum() > 0;
        if (applied) {
            h.quantity = after;
            h.updatedBy = actorId;
            h.updatedAt = clock.instant();
            em().flush();
        }
        Map<String, Object> state = h.state();
        state.put("reason", applied ? reason : reason + " (not applied: the holding would be empty)");
        audit.record(
                em().find(PortfolioEntity.class, portfolioId).teamId,
                portfolioId,
                actorId,
                "HOLDING",
                holdingId,
                "HEDGE_MARGIN_RETURN",
                before,
                state);
    }

    /**
     * Adds all rows in one transaction: either every row is saved (each with its audit event) or none is. The
     * form token prevents a second confirmation of the same preview from importing twice.
     */
    @Transactional
    public int importHoldings(long actorId, long portfolioId, UUID formToken, List<HoldingDraft> rows) {
        PortfolioAccess access = writable(actorId, portfolioId, "import holdings");
        if (rows.isEmpty()) {
            throw InvalidHoldingException.of("file", "There are no valid rows to import.");
        }
        formTokens.consume(formToken, actorId);
        for (HoldingDraft row : rows) {
            insert(actorId, access.portfolio(), row);
        }
        audit.record(
                access.portfolio().teamId(),
                portfolioId,
                actorId,
                "PORTFOLIO",
                portfolioId,
                "IMPORT",
                null,
                Map.of("rows", rows.size()));
        return rows.size();
    }

    /**
     * Records a manual USD price for an asset in the portfolio's team. Each entry is a new row, so only the form's
     * single-use token tells a double submit from a second price: the second is a
     * {@link io.hedgedesk.persistence.DuplicateSubmissionException} and saves nothing.
     */
    @Transactional
    public void enterPrice(long actorId, long portfolioId, UUID formToken, String assetSymbol, BigDecimal priceUsd) {
        PortfolioAccess access = writable(actorId, portfolioId, "enter prices");
        if (assetSymbol == null || !assetSymbol.matches("[A-Z0-9]{1,15}")) {
            throw InvalidHoldingException.of("priceAsset", "Choose an asset.");
        }
        if (KnownAssets.STABLECOINS.contains(assetSymbol)) {
            throw InvalidHoldingException.of("priceAsset", assetSymbol + " is always valued at 1 USD.");
        }
        if (priceUsd == null || priceUsd.signum() <= 0) {
            throw InvalidHoldingException.of("price", "The price must be greater than zero.");
        }
        formTokens.consume(formToken, actorId);
        storePrice(access, actorId, assetSymbol, priceUsd);
    }

    /**
     * Records manual USD prices for several assets at once, all or nothing: every asset and price is checked first, and
     * one refusal saves none. The errors are keyed {@code price-<ASSET>} and name the asset. One single-use token
     * covers the whole form (a double submit saves the prices once).
     *
     * @param prices price per asset symbol, in the order shown; at least one
     */
    @Transactional
    public void enterPrices(long actorId, long portfolioId, UUID formToken, Map<String, BigDecimal> prices) {
        PortfolioAccess access = writable(actorId, portfolioId, "enter prices");
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (prices.isEmpty()) {
            errors.put("prices", "Type at least one price.");
        }
        prices.forEach((asset, price) -> {
            if (asset == null || !asset.matches("[A-Z0-9]{1,15}")) {
                errors.put("prices", "Choose assets of this portfolio.");
            } else if (KnownAssets.STABLECOINS.contains(asset)) {
                errors.put("price-" + asset, asset + " is always valued at 1 USD.");
            } else if (price == null || price.signum() <= 0) {
                errors.put("price-" + asset, asset + ": the price must be greater than zero.");
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidHoldingException(errors);
        }
        formTokens.consume(formToken, actorId);
        prices.forEach((asset, price) -> storePrice(access, actorId, asset, price));
    }

    private void storePrice(PortfolioAccess access, long actorId, String assetSymbol, BigDecimal priceUsd) {
        ManualPriceEntity p = new ManualPriceEntity();
        p.teamId = access.portfolio().teamId();
        p.assetSymbol = assetSymbol;
        p.priceUsd = priceUsd;
        p.enteredBy = actorId;
        p.enteredAt = clock.instant();
        em().persist(p);
        em().flush();
        audit.record(
                p.teamId,
                access.portfolio().id(),
                actorId,
                "MANUAL_PRICE",
                p.id,
                "CREATE",
                null,
                Map.of("asset", assetSymbol, "priceUsd", priceUsd));
    }

    /** The portfolio's audit trail, newest first. */
    public List<AuditEvent> auditTrail(long userId, long portfolioId) {
        access(userId, portfolioId);
        return audit.portfolioTrail(portfolioId);
    }

    private HoldingEntity holdingEntity(long portfolioId, long holdingId) {
        HoldingEntity h = em().find(HoldingEntity.class, holdingId);
        if (h == null || h.portfolioId != portfolioId) {
            throw new NotFoundException("holding", holdingId);
        }
        return h;
    }

    private String userName(long userId) {
        return em().createQuery("select u.displayName from AppUserEntity u where u.id = ?1", String.class)
                .setParameter(1, userId)
                .getSingleResult();
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
