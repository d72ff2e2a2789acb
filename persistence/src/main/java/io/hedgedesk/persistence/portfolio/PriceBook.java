package io.hedgedesk.persistence.portfolio;

import io.hedgedesk.domain.market.PriceQuote;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The latest known prices for valuing holdings: market closes and a team's manual prices. */
@ApplicationScoped
public class PriceBook {

  private final PriceHistoryRepository priceHistory;

  public PriceBook(PriceHistoryRepository priceHistory) {
    this.priceHistory = priceHistory;
  }

  /** Latest stored market close per asset symbol (symbols without history are absent). */
  public Map<String, PriceQuote> market(Collection<String> symbols) {
    return symbols.isEmpty() ? Map.of() : priceHistory.latestCloses(symbols);
  }

  /** The latest manual price per asset symbol entered in this team, with who entered it as the source. */
  public Map<String, PriceQuote> manual(long teamId, Collection<String> symbols) {
    if (symbols.isEmpty()) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
            select distinct on (p.asset_symbol) p.asset_symbol, p.price_usd, u.display_name, p.entered_at
            from manual_price p join app_user u on u.id = p.entered_by
            where p.team_id = ?1 and p.asset_symbol in (?2)
            order by p.asset_symbol, p.entered_at desc, p.id desc""")
        .setParameter(1, teamId)
        .setParameter(2, List.copyOf(symbols))
        .getResultList();
    Map<String, PriceQuote> quotes = new HashMap<>();
    for (Object[] r : rows) {
      Instant at = r[3] instanceof Instant i ? i : ((java.time.OffsetDateTime) r[3]).toInstant();
      quotes.put((String) r[0], new PriceQuote((String) r[0], (BigDecimal) r[1], "manual (" + r[2] + ")", at));
    }
    return quotes;
  }
}
