package io.hedgedesk.persistence.hedge;

import io.agroal.api.AgroalDataSource;
import io.hedgedesk.domain.instrument.ContractType;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * The ledger events of the hedges in a user's teams, filtered, for the history page and its exports. Read with a
 * server-side cursor (pgjdbc fetches {@link #FETCH_SIZE} rows at a time inside the transaction), so an export of
 * millions of rows uses constant memory; voided hedges and events are left out. A portfolio filter outside the
 * user's teams is a {@link io.hedgedesk.persistence.NotFoundException}.
 */
@ApplicationScoped
public class HedgeEvents {

    /** Rows fetched per round trip. */
    public static final int FETCH_SIZE = 2000;

    // "h.portfolio_id = e.portfolio_id" always holds (foreign key, migration V20); saying so lets PostgreSQL reach a
    // user's hedges through their portfolios' index rather than hash-join all hedges.
    private static final String SELECT = """
      select e.id, e.occurred_at, p.id, p.name, u.display_name, e.event_type, h.id, h.contract_id, h.contract_type,
             h.side, h.status, e.quantity, e.price, e.fee, e.funding_rate, e.realized_pnl, e.settlement_asset,
             e.settlement_usd, e.cash_change, e.cash_change_usd, e.corrects_event_id, e.note
      from hedge_event e
      join hedge_position h on h.id = e.hedge_id and h.portfolio_id = e.portfolio_id
      join portfolio p on p.id = e.portfolio_id
      join membership m on m.team_id = p.team_id and m.user_id = ?
      join app_user u on u.id = e.actor_id
      where h.voided_at is null and e.event_type <> 'VOID' and %s
        and (?::bigint is null or p.id = ?::bigint)
        and (?::text[] is null or h.contract_id = any(?::text[]))
        and (?::timestamptz is null or e.occurred_at >= ?::timestamptz)
        and (?::timestamptz is null or e.occurred_at < ?::timestamptz)
        and (?::text is null or h.status = ?::text)
      order by e.occurred_at %2$s, e.id %2$s""";

    private static final String OLDEST_FIRST = SELECT.formatted(HedgeRepository.NOT_VOIDED, "");
    private static final String NEWEST_FIRST = SELECT.formatted(HedgeRepository.NOT_VOIDED, "desc");

    private final AgroalDataSource dataSource;
    private final PortfolioService portfolios;

    public HedgeEvents(AgroalDataSource dataSource, PortfolioService portfolios) {
        this.dataSource = dataSource;
        this.portfolios = portfolios;
    }

    /**
     * Hands at most {@code limit} matching rows to {@code sink} without holding them: one cursor, {@link #FETCH_SIZE}
     * rows at a time.
     *
     * @param catalog     the contracts an asset filter selects from (by base asset)
     * @param newestFirst newest first (the history page) or oldest first (the exports)
     * @return the number of rows
     */
    @Transactional
    public long stream(
            long userId,
            HedgeHistoryFilter filter,
            List<Instrument> catalog,
            long limit,
            boolean newestFirst,
            Consumer<HedgeEventRow> sink) {
        filter.portfolioId().ifPresent(id -> portfolios.access(userId, id));
        Optional<String[]> contracts = filter.asset()
                .map(asset -> catalog.stream()
                        .filter(i -> i.baseAsset().symbol().equals(asset))
                        .map(Instrument::id)
                        .toArray(String[]::new));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(newestFirst ? NEWEST_FIRST : OLDEST_FIRST)) {
            statement.setFetchSize(FETCH_SIZE);
            int i = 1;
            statement.setLong(i++, userId);
            Long portfolio = filter.portfolioId().orElse(null);
            statement.setObject(i++, portfolio);
            statement.setObject(i++, portfolio);
            java.sql.Array array = contracts.isEmpty() ? null : connection.createArrayOf("text", contracts.get());
            statement.setArray(i++, array);
            statement.setArray(i++, array);
            OffsetDateTime from = filter.from()
                    .map(d -> d.atStartOfDay().atOffset(ZoneOffset.UTC))
                    .orElse(null);
            statement.setObject(i++, from);
            statement.setObject(i++, from);
            OffsetDateTime to = filter.to()
                    .map(d -> d.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                    .orElse(null);
            statement.setObject(i++, to);
            statement.setObject(i++, to);
            String status = filter.status().map(Enum::name).orElse(null);
            statement.setString(i++, status);
            statement.setString(i, status);
            long count = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (count < limit && rows.next()) {
                    sink.accept(map(rows));
                    count++;
                }
            }
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the hedge history: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the matching rows in the native export format (the columns of {@code LedgerCsv.NATIVE_HEADER} in the web
     * module, without the header) straight from PostgreSQL: {@code COPY (…) TO STDOUT (FORMAT csv)} through pgjdbc's
     * copy API, so the database formats the CSV and the application only passes the bytes on. Same rows and order as
     * {@link #stream} oldest first; the catalog columns come from a {@code VALUES} list of {@code catalog}: venue,
     * quantity unit, face value, and a trade's USD notional — {@code quantity × face value} (inverse) or
     * {@code quantity × coins per unit × price} (linear), exact numeric products as the pricer computes them, rounded
     * to cents. Numbers are PostgreSQL's numeric text (plain, never exponent form); timestamps ISO-8601 UTC as
     * {@link java.time.Instant#toString()} writes them; the text a user typed (portfolio, member, note) gets a leading
     * {@code '} when it begins with {@code = + - @ TAB CR}, as the web module's CSV writer does. Line ends are LF.
     * COPY takes no bind parameters, so the statement holds only numbers, dates, enum names and catalog strings, each
     * checked by {@link #literal} — nothing the user typed.
     *
     * @return the number of rows written
     */
    @Transactional
    public long copyNative(long userId, HedgeHistoryFilter filter, List<Instrument> catalog, OutputStream out) {
        filter.portfolioId().ifPresent(id -> portfolios.access(userId, id));
        String sql = "copy (" + nativeQuery(userId, filter, catalog) + ") to stdout (format csv)";
        try (Connection connection = dataSource.getConnection()) {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot export the hedge history: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String nativeQuery(long userId, HedgeHistoryFilter filter, List<Instrument> instruments) {
        String catalog = instruments.stream()
                .map(i -> "(" + literal(i.id()) + ", " + literal(i.venue()) + ", "
                        + literal(
                                i.type() == ContractType.INVERSE
                                        ? "CONTRACTS"
                                        : i.baseAsset().symbol()) + ", "
                        + i.contractSize().toPlainString() + "::numeric, " + (i.type() == ContractType.INVERSE) + ")")
                .collect(Collectors.joining(", "));
        StringBuilder where = new StringBuilder("true");
        filter.portfolioId().ifPresent(id -> where.append(" and p.id = ").append((long) id));
        filter.asset()
                .ifPresent(asset -> where.append(" and h.contract_id in (")
                        .append(instruments.stream()
                                .filter(i -> i.baseAsset().symbol().equals(asset))
                                .map(i -> literal(i.id()))
                                .reduce((a, b) -> a + ", " + b)
                                .orElse("null"))
                        .append(")"));
        filter.from()
                .ifPresent(
                        d -> where.append(" and e.occurred_at >= timestamptz ").append(literal(d + "T00:00:00Z")));
        filter.to()
                .ifPresent(d -> where.append(" and e.occurred_at < timestamptz ")
                        .append(literal(d.plusDays(1) + "T00:00:00Z")));
        filter.status().ifPresent(status -> where.append(" and h.status = ").append(literal(status.name())));
        return """
        select e.id,
               to_char(t.utc, 'YYYY-MM-DD"T"HH24:MI:SS') || case
                 when t.micros %% 1000000 = 0 then ''
                 when t.micros %% 1000 = 0 then to_char(t.utc, '.MS')
                 else to_char(t.utc, '.US') end || 'Z',
               %s, %s, c.venue, e.event_type, h.id, h.contract_id, h.contract_type, h.side,
               trim_scale(e.quantity), case when e.quantity is not null then c.unit end, trim_scale(c.face_value),
               trim_scale(e.price),
               case when e.quantity is not null and e.price is not null then round(
                 case when c.inverse then e.quantity * c.face_value else e.quantity * c.face_value * e.price end, 2)
               end,
               trim_scale(round(e.fee, 8)), case when e.fee is not null then e.settlement_asset end,
               trim_scale(e.funding_rate),
               case when e.event_type = 'FUNDING' then trim_scale(round(e.cash_change, 8)) end,
               trim_scale(round(e.realized_pnl, 8)), case when e.realized_pnl is not null then e.settlement_asset end,
               trim_scale(round(e.cash_change, 8)), e.settlement_asset, round(e.cash_change_usd, 2),
               trim_scale(e.settlement_usd), e.corrects_event_id, %s,
               round(e.realized_pnl_usd, 2),
               to_char(h.opened_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               case when e.realized_pnl is not null then
                 floor(extract(epoch from e.occurred_at - h.opened_at) / 86400)::bigint end
        from hedge_event e
        cross join lateral (select e.occurred_at at time zone 'UTC' as utc,
                                   extract(microseconds from e.occurred_at at time zone 'UTC')::bigint as micros) t
        join hedge_position h on h.id = e.hedge_id
        left join (values %s) c (contract_id, venue, unit, face_value, inverse) on c.contract_id = h.contract_id
        join portfolio p on p.id = e.portfolio_id
        join membership m on m.team_id = p.team_id and m.user_id = %d
        join app_user u on u.id = e.actor_id
        where %s and h.voided_at is null and e.event_type <> 'VOID' and %s
        order by e.occurred_at, e.id""".formatted(
                        neutralized("p.name"),
                        neutralized("u.display_name"),
                        neutralized("e.note"),
                        catalog,
                        userId,
                        where,
                        HedgeRepository.NOT_VOIDED);
    }

    /** SQL for a text column as the web module's CSV cell makes of it: neutralized, empty for null. */
    private static String neutralized(String column) {
        return "case when left(" + column + ", 1) in ('=', '+', '-', '@', chr(9), chr(13)) then '''' || " + column
                + " else nullif(" + column + ", '') end";
    }

    private static final Pattern SAFE_LITERAL = Pattern.compile("[A-Za-z0-9 _.:/-]{1,100}");

    /** A SQL string literal of a value the application chose (catalog, enum, date); refuses anything else. */
    static String literal(String value) {
        if (!SAFE_LITERAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not a safe SQL literal: " + value);
        }
        return "'" + value + "'";
    }

    private static HedgeEventRow map(ResultSet r) throws SQLException {
        Long corrects = r.getObject(21, Long.class);
        return new HedgeEventRow(
                r.getLong(1),
                r.getObject(2, OffsetDateTime.class).toInstant(),
                r.getLong(3),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                r.getLong(7),
                r.getString(8),
                r.getString(9),
                r.getString(10),
                r.getString(11),
                Optional.ofNullable(r.getBigDecimal(12)),
                Optional.ofNullable(r.getBigDecimal(13)),
                Optional.ofNullable(r.getBigDecimal(14)),
                Optional.ofNullable(r.getBigDecimal(15)),
                Optional.ofNullable(r.getBigDecimal(16)),
                r.getString(17),
                r.getBigDecimal(18),
                r.getBigDecimal(19),
                r.getBigDecimal(20),
                Optional.ofNullable(corrects),
                r.getString(22) == null ? "" : r.getString(22));
    }
}
