package io.hedgedesk.persistence.hedge;

import io.agroal.api.AgroalDataSource;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The hedge history summed per calendar year (UTC) and settlement asset, for the history page: what a tax return
 * asks for. Voided hedges and events count nowhere; the portfolio filter applies (access checked).
 */
@ApplicationScoped
public class HedgeYears {

    /**
     * One year and asset; amounts in the settlement asset and in USD at each event's own price.
     *
     * @param realizedPnl     Σ realized PnL of reduces and closes, fees excluded (positive = profit)
     * @param fees            Σ fees paid (negative = rebates)
     * @param fundingPaid     Σ funding paid, a positive amount
     * @param fundingReceived Σ funding received
     */
    public record Year(
            int year,
            String asset,
            BigDecimal realizedPnl,
            BigDecimal realizedPnlUsd,
            BigDecimal fees,
            BigDecimal feesUsd,
            BigDecimal fundingPaid,
            BigDecimal fundingPaidUsd,
            BigDecimal fundingReceived,
            BigDecimal fundingReceivedUsd) {}

    private static final String SUMS = """
      select extract(year from e.occurred_at at time zone 'UTC')::int, e.settlement_asset,
             coalesce(sum(e.realized_pnl), 0), coalesce(sum(e.realized_pnl_usd), 0),
             coalesce(sum(e.fee), 0), coalesce(sum(e.fee * e.settlement_usd), 0),
             coalesce(-sum(e.cash_change) filter (where e.event_type = 'FUNDING' and e.cash_change < 0), 0),
             coalesce(-sum(e.cash_change_usd) filter (where e.event_type = 'FUNDING' and e.cash_change < 0), 0),
             coalesce(sum(e.cash_change) filter (where e.event_type = 'FUNDING' and e.cash_change > 0), 0),
             coalesce(sum(e.cash_change_usd) filter (where e.event_type = 'FUNDING' and e.cash_change > 0), 0)
      from hedge_event e
      join hedge_position h on h.id = e.hedge_id and h.portfolio_id = e.portfolio_id
      join portfolio p on p.id = e.portfolio_id
      join membership m on m.team_id = p.team_id and m.user_id = ?
      where h.voided_at is null and e.event_type <> 'VOID' and %s and (?::bigint is null or p.id = ?::bigint)
      group by 1, 2
      order by 1 desc, 2""".formatted(HedgeRepository.NOT_VOIDED);

    private final AgroalDataSource dataSource;
    private final PortfolioService portfolios;

    public HedgeYears(AgroalDataSource dataSource, PortfolioService portfolios) {
        this.dataSource = dataSource;
        this.portfolios = portfolios;
    }

    /** Newest year first, assets alphabetically. */
    public List<Year> of(long userId, HedgeHistoryFilter filter) {
        filter.portfolioId().ifPresent(id -> portfolios.access(userId, id));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SUMS)) {
            statement.setLong(1, userId);
            Long portfolio = filter.portfolioId().orElse(null);
            statement.setObject(2, portfolio);
            statement.setObject(3, portfolio);
            List<Year> years = new ArrayList<>();
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    years.add(new Year(
                            r.getInt(1),
                            r.getString(2),
                            r.getBigDecimal(3),
                            r.getBigDecimal(4),
                            r.getBigDecimal(5),
                            r.getBigDecimal(6),
                            r.getBigDecimal(7),
                            r.getBigDecimal(8),
                            r.getBigDecimal(9),
                            r.getBigDecimal(10)));
                }
            }
            return years;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot sum the hedge history: " + e.getMessage(), e);
        }
    }
}
