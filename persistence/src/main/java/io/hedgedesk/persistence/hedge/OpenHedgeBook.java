package io.hedgedesk.persistence.hedge;

import io.agroal.api.AgroalDataSource;
import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.domain.portfolio.HoldingDraft;
import io.hedgedesk.domain.team.Role;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioEntity;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every open hedge of the installation with what valuing it needs (the alert evaluation): the hedges with their
 * portfolio, team and opener, their insured holdings, their ledger sums (summed by the database, voided records left
 * out as in {@link HedgeRepository#ledgerSums}) and the holdings of their portfolios — five queries for any number of
 * teams. What was read is kept per team while the team's data version (V19: moved by every write of its portfolios,
 * holdings, hedges, ledger, prices) stays the same, so a cycle reads again only the teams whose data changed; market
 * data is not in it. No user's access is involved: the portfolios are given as seen by a {@link Role#VIEWER}.
 */
@ApplicationScoped
@Transactional
public class OpenHedgeBook {

    /**
     * What was loaded.
     *
     * @param hedges   the open hedges, oldest first
     * @param sums     their ledger sums by hedge id (a hedge without events is absent)
     * @param holdings the holdings of their portfolios by portfolio id, ordered as the portfolio page orders them
     */
    public record Loaded(
            List<HedgeRepository.HedgeInPortfolio> hedges,
            Map<Long, HedgeRepository.LedgerSums> sums,
            Map<Long, List<Holding>> holdings) {}

    /** A team's part, read at its data version. */
    private record TeamPart(
            long version,
            List<HedgeRepository.HedgeInPortfolio> hedges,
            Map<Long, HedgeRepository.LedgerSums> sums,
            Map<Long, List<Holding>> holdings) {}

    private static final Comparator<HedgeRepository.HedgeInPortfolio> OLDEST_FIRST = Comparator.comparing(
                    (HedgeRepository.HedgeInPortfolio h) -> h.hedge().openedAt())
            .thenComparingLong(h -> h.hedge().id());

    /** SQL: the portfolios with an open hedge in the teams bound as the statement's one bigint[]. */
    private static final String OPEN_IN_TEAMS = "select o.portfolio_id from hedge_position o join portfolio op"
            + " on op.id = o.portfolio_id where o.status = 'OPEN' and op.team_id = any(?)";

    private final AgroalDataSource dataSource;
    private final Map<Long, TeamPart> teams = new ConcurrentHashMap<>();

    public OpenHedgeBook(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The open hedges of every portfolio that has one; with {@code contracts} (catalog ids, any case) only of the
     * portfolios with an open hedge on one of them — all their open hedges, as coverage is counted per portfolio.
     */
    public Loaded load(Optional<Collection<String>> contracts) {
        // the versions first: under READ COMMITTED the data read after them is at least as new (see V19)
        Map<Long, Long> versions = new HashMap<>();
        query(
                "select t.id, t.data_version from team t where exists (select 1 from portfolio p join hedge_position h"
                        + " on h.portfolio_id = p.id where p.team_id = t.id and h.status = 'OPEN')",
                null,
                r -> versions.put(r.getLong(1), r.getLong(2)));
        teams.keySet().retainAll(versions.keySet());
        List<Long> changed = versions.entrySet().stream()
                .filter(e -> Optional.ofNullable(teams.get(e.getKey()))
                        .map(t -> t.version() != e.getValue())
                        .orElse(true))
                .map(Map.Entry::getKey)
                .toList();
        if (!changed.isEmpty()) {
            read(changed, versions);
        }
        Set<String> wanted = contracts
                .map(c -> c.stream().map(id -> id.toUpperCase(Locale.ROOT)).collect(Collectors.toSet()))
                .orElse(null);
        List<HedgeRepository.HedgeInPortfolio> hedges = new ArrayList<>();
        Map<Long, HedgeRepository.LedgerSums> sums = new HashMap<>();
        Map<Long, List<Holding>> holdings = new HashMap<>();
        for (long teamId : versions.keySet()) {
            TeamPart part = teams.get(teamId);
            Set<Long> portfolios = part.hedges().stream()
                    .filter(h -> wanted == null
                            || wanted.contains(h.hedge().contractId().toUpperCase(Locale.ROOT)))
                    .map(h -> h.hedge().portfolioId())
                    .collect(Collectors.toSet());
            part.hedges().stream()
                    .filter(h -> portfolios.contains(h.hedge().portfolioId()))
                    .forEach(h -> {
                        hedges.add(h);
                        Optional.ofNullable(part.sums().get(h.hedge().id()))
                                .ifPresent(x -> sums.put(h.hedge().id(), x));
                    });
            portfolios.forEach(id -> holdings.put(id, part.holdings().getOrDefault(id, List.of())));
        }
        hedges.sort(OLDEST_FIRST);
        return new Loaded(hedges, sums, holdings);
    }

    /** Reads the open hedges, ledger sums and holdings of {@code teamIds} and keeps them at {@code versions}. */
    private void read(List<Long> teamIds, Map<Long, Long> versions) {
        Long[] bound = teamIds.toArray(Long[]::new);
        List<Object[]> rows = Panache.getEntityManager()
                .createQuery(
                        "select h, p, t.name, u.displayName "
                                + "from HedgePositionEntity h, PortfolioEntity p, TeamEntity t, AppUserEntity u "
                                + "where p.id = h.portfolioId and t.id = p.teamId and u.id = h.openedBy and h.status = ?1 "
                                + "and p.teamId in ?2 order by h.openedAt, h.id",
                        Object[].class)
                .setParameter(1, HedgeStatus.OPEN)
                .setParameter(2, teamIds)
                .setHint("org.hibernate.readOnly", true)
                .getResultList();
        Map<Long, List<Long>> insured = new HashMap<>();
        query(
                "select hh.hedge_id, hh.holding_id from hedge_holding hh join hedge_position h on h.id = hh.hedge_id"
                        + " where h.status = 'OPEN' and h.portfolio_id in (" + OPEN_IN_TEAMS + ") order by 1, 2",
                bound,
                r -> insured.computeIfAbsent(r.getLong(1), id -> new ArrayList<>())
                        .add(r.getLong(2)));
        Map<Long, HedgeRepository.LedgerSums> sums = new HashMap<>();
        query(
                "select e.hedge_id, coalesce(sum(e.cash_change) filter (where e.event_type = 'FUNDING'), 0),"
                        + " coalesce(sum(e.fee), 0), coalesce(sum(e.cash_change), 0),"
                        + " coalesce(sum(e.cash_change) filter (where e.event_type in ('MARGIN_IN', 'MARGIN_OUT')), 0)"
                        + " from hedge_event e join hedge_position h on h.id = e.hedge_id where h.status = 'OPEN'"
                        + " and h.portfolio_id in (" + OPEN_IN_TEAMS + ") and " + HedgeRepository.NOT_VOIDED
                        + " group by e.hedge_id",
                bound,
                r -> sums.put(
                        r.getLong(1),
                        new HedgeRepository.LedgerSums(
                                r.getBigDecimal(2), r.getBigDecimal(3), r.getBigDecimal(4), r.getBigDecimal(5))));
        Map<Long, List<Holding>> holdings = new HashMap<>();
        query(
                "select h.id, h.portfolio_id, h.asset_symbol, h.custom_asset, h.quantity, h.venue, h.cost_basis_usd,"
                        + " h.acquired_on, h.note, h.updated_at, u.display_name, h.version from holding h"
                        + " join app_user u on u.id = h.updated_by where h.portfolio_id in (" + OPEN_IN_TEAMS + ")"
                        + " order by h.portfolio_id, h.asset_symbol, lower(h.venue), h.id",
                bound,
                r -> holdings.computeIfAbsent(r.getLong(2), id -> new ArrayList<>())
                        .add(holding(r)));
        Map<Long, List<HedgeRepository.HedgeInPortfolio>> byTeam = new HashMap<>();
        for (Object[] r : rows) {
            HedgePositionEntity h = (HedgePositionEntity) r[0];
            PortfolioAccess access =
                    new PortfolioAccess(((PortfolioEntity) r[1]).toDomain(), (String) r[2], Role.VIEWER);
            byTeam.computeIfAbsent(access.portfolio().teamId(), id -> new ArrayList<>())
                    .add(new HedgeRepository.HedgeInPortfolio(
                            h.toDomain(insured.getOrDefault(h.id, List.of()), (String) r[3]), access));
        }
        for (long teamId : teamIds) {
            List<HedgeRepository.HedgeInPortfolio> hedges = byTeam.getOrDefault(teamId, List.of());
            Map<Long, HedgeRepository.LedgerSums> teamSums = new HashMap<>();
            Map<Long, List<Holding>> teamHoldings = new HashMap<>();
            for (HedgeRepository.HedgeInPortfolio h : hedges) {
                Optional.ofNullable(sums.get(h.hedge().id()))
                        .ifPresent(x -> teamSums.put(h.hedge().id(), x));
                teamHoldings.put(
                        h.hedge().portfolioId(), holdings.getOrDefault(h.hedge().portfolioId(), List.of()));
            }
            teams.put(teamId, new TeamPart(versions.get(teamId), List.copyOf(hedges), teamSums, teamHoldings));
        }
    }

    private static Holding holding(ResultSet r) throws SQLException {
        HoldingDraft draft = new HoldingDraft(
                r.getString(3),
                r.getBoolean(4),
                r.getBigDecimal(5),
                r.getString(6),
                Optional.ofNullable(r.getBigDecimal(7)),
                Optional.ofNullable(r.getObject(8, LocalDate.class)),
                Optional.ofNullable(r.getString(9)).orElse(""));
        return new Holding(
                r.getLong(1),
                r.getLong(2),
                draft,
                r.getObject(10, OffsetDateTime.class).toInstant(),
                r.getString(11),
                r.getLong(12));
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    /** Runs {@code sql} on the transaction's connection, binding {@code teamIds} (if any) as its one bigint[]. */
    private void query(String sql, Long[] teamIds, Row row) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(4096);
            if (teamIds != null) {
                s.setArray(1, c.createArrayOf("bigint", teamIds));
            }
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    row.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("open hedges: " + e.getMessage(), e);
        }
    }
}
