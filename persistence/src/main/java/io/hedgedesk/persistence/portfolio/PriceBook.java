package io.hedgedesk.persistence.portfolio;

import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.domain.market.PriceQuote;
import io.hedgedesk.persistence.SqlValues;
import io.hedgedesk.persistence.market.MarketTickRepository;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest known prices for valuing holdings and hedges: per coin the newer of the latest stored close and the
 * latest venue tick of its perpetuals (the tick's index price, else its mark), and a team's manual prices.
 */
@ApplicationScoped
public class PriceBook {

    private final PriceHistoryRepository priceHistory;
    private final MarketTickRepository ticks;
    private final Instance<ContractsOfAsset> contracts;

    public PriceBook(
            PriceHistoryRepository priceHistory, MarketTickRepository ticks, Instance<ContractsOfAsset> contracts) {
        this.priceHistory = priceHistory;
        this.ticks = ticks;
        this.contracts = contracts;
    }

    /**
     * Latest market price per asset symbol: the newer of the stored close and the newest venue tick of the coin's
     * perpetuals (symbols without either are absent).
     */
    public Map<String, PriceQuote> market(Collection<String> symbols) {
        if (symbols.isEmpty()) {
            return Map.of();
        }
        Map<String, PriceQuote> quotes = new HashMap<>(priceHistory.latestCloses(symbols));
        if (contracts.isUnsatisfied()) {
            return quotes;
        }
        Map<String, String> assetOf = new HashMap<>();
        for (String symbol : symbols) {
            contracts.get().contracts(symbol).forEach(id -> assetOf.put(id.toUpperCase(java.util.Locale.ROOT), symbol));
        }
        if (assetOf.isEmpty()) {
            return quotes;
        }
        for (MarketTick tick : ticks.latest(assetOf.keySet()).values()) {
            String symbol = assetOf.get(tick.contractId().toUpperCase(java.util.Locale.ROOT));
            PriceQuote known = quotes.get(symbol);
            if (symbol != null && (known == null || tick.fetchedAt().isAfter(known.asOf()))) {
                quotes.put(
                        symbol,
                        new PriceQuote(
                                symbol,
                                tick.indexPrice().orElse(tick.markPrice()),
                                tick.contractId() + (tick.indexPrice().isPresent() ? " index" : " mark") + " ("
                                        + tick.source() + ")",
                                tick.fetchedAt()));
            }
        }
        return quotes;
    }

    /** The latest manual price per asset symbol entered in this team, with who entered it as the source. */
    public Map<String, PriceQuote> manual(long teamId, Collection<String> symbols) {
        return manual(List.of(teamId), symbols).getOrDefault(teamId, Map.of());
    }

    /** {@link #manual(long, Collection)} of several teams in one query, by team id (teams without any are absent). */
    public Map<Long, Map<String, PriceQuote>> manual(Collection<Long> teamIds, Collection<String> symbols) {
        if (symbols.isEmpty() || teamIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("""
            select distinct on (p.team_id, p.asset_symbol) p.team_id, p.asset_symbol, p.price_usd, u.display_name,
                   p.entered_at
            from manual_price p join app_user u on u.id = p.entered_by
            where p.team_id = any(?1) and p.asset_symbol = any(?2)
            order by p.team_id, p.asset_symbol, p.entered_at desc, p.id desc""")
                // arrays, not lists: a list parameter is expanded into the SQL text, which is then parsed on every call
                .setParameter(1, teamIds.toArray(Long[]::new))
                .setParameter(2, symbols.toArray(String[]::new))
                .getResultList();
        Map<Long, Map<String, PriceQuote>> quotes = new HashMap<>();
        for (Object[] r : rows) {
            Instant at = SqlValues.instant(r[4]);
            quotes.computeIfAbsent(((Number) r[0]).longValue(), t -> new HashMap<>())
                    .put((String) r[1], new PriceQuote((String) r[1], (BigDecimal) r[2], "manual (" + r[3] + ")", at));
        }
        return quotes;
    }
}
