package io.hedgedesk.persistence.market;

import io.agroal.api.AgroalDataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Plain JDBC on the Agroal pool. Inside a JTA transaction the pool hands out the transaction's connection, so
 * writes made here commit or roll back with it.
 */
final class Jdbc {

    /** Work on a connection that may throw {@link SQLException}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Bounds that cover every stored day or time (PostgreSQL cannot store Java's MIN/MAX). */
    static final LocalDate EARLIEST_DAY = LocalDate.of(1, 1, 1);

    static final LocalDate LATEST_DAY = LocalDate.of(9999, 12, 31);
    static final Instant EARLIEST_TIME =
            EARLIEST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    static final Instant LATEST_TIME = LATEST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();

    /** Sets a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    /** A mapped row together with the source text stored with it. */
    record Sourced<T>(T value, String source) {}

    private Jdbc() {}

    /** Runs {@code sql} with the parameters {@code binder} sets and maps every row, in order. */
    static <T> List<T> query(AgroalDataSource dataSource, String what, String sql, Binder binder, RowMapper<T> mapper) {
        return withConnection(dataSource, what, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(4096);
                binder.bind(connection, statement);
                List<T> mapped = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        mapped.add(mapper.map(rows));
                    }
                }
                return mapped;
            }
        });
    }

    /**
     * Runs {@code sql}, whose only parameter is a text[] of keys, for the normalized {@code keys} and maps each row;
     * returns the mapped rows keyed by {@code keyOf} in the order of the keys, skipping keys without a row. No query
     * for no keys.
     */
    static <T> Map<String, T> byKeys(
            AgroalDataSource dataSource,
            String what,
            String sql,
            Collection<String> keys,
            RowMapper<T> mapper,
            Function<T, String> keyOf) {
        List<String> normalized = normalizedKeys(keys);
        if (normalized.isEmpty()) {
            return Map.of();
        }
        List<T> rows = query(
                dataSource,
                what + " " + normalized,
                sql,
                (connection, statement) -> statement.setArray(1, textArray(connection, normalized)),
                mapper);
        Map<String, T> found = new HashMap<>();
        rows.forEach(row -> found.put(keyOf.apply(row), row));
        return inOrder(normalized, found);
    }

    /** The values of {@code rows}, in order. */
    static <T> List<T> values(List<Sourced<T>> rows) {
        return rows.stream().map(Sourced::value).toList();
    }

    /** The distinct sources of {@code rows} in order of appearance, joined with "; ". */
    static String sources(List<? extends Sourced<?>> rows) {
        return String.join(
                "; ", new LinkedHashSet<>(rows.stream().map(Sourced::source).toList()));
    }

    static <T> T withConnection(AgroalDataSource dataSource, String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new MarketDataStoreException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs an upsert statement whose parameters are (series key, source, writer's user id or null, text[] of row keys,
     * text[] of values), i.e. one round trip for a whole series. Returns the update count.
     */
    static int upsertSeries(
            AgroalDataSource dataSource,
            String sql,
            String key,
            String source,
            OptionalLong writtenBy,
            List<String> rowKeys,
            List<String> values) {
        return withConnection(dataSource, "store the history of " + key, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, key);
                statement.setString(2, source);
                setWriter(statement, 3, writtenBy);
                statement.setArray(4, textArray(connection, rowKeys));
                statement.setArray(5, textArray(connection, values));
                return statement.executeUpdate();
            }
        });
    }

    /**
     * The query behind {@link #writers}: per series key of {@code table}, the display names of the users who wrote
     * rows by hand (its {@code written_by}), sorted and joined with ", ". Table and column are constants of the callers.
     */
    static String writersQuery(String table, String keyColumn) {
        return "select w." + keyColumn + ", string_agg(u.display_name, ', ' order by u.display_name)"
                + " from (select distinct " + keyColumn + ", written_by from " + table
                + " where written_by is not null) w"
                + " join app_user u on u.id = w.written_by group by w." + keyColumn;
    }

    /** Runs a {@link #writersQuery}: series key → the names of its writers. */
    static Map<String, String> writers(AgroalDataSource dataSource, String what, String sql) {
        Map<String, String> writers = new LinkedHashMap<>();
        for (String[] pair : query(dataSource, what, sql, (connection, statement) -> {}, row ->
                new String[] {row.getString(1), row.getString(2)})) {
            writers.put(pair[0], pair[1]);
        }
        return writers;
    }

    /** Binds the user who wrote a row by hand, or SQL null for the application's own writes. */
    static void setWriter(PreparedStatement statement, int index, OptionalLong writtenBy) throws SQLException {
        if (writtenBy.isPresent()) {
            statement.setLong(index, writtenBy.getAsLong());
        } else {
            statement.setNull(index, java.sql.Types.BIGINT);
        }
    }

    static Array textArray(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    static OffsetDateTime utc(Instant value) {
        return value.atOffset(ZoneOffset.UTC);
    }

    static LocalDate requireOrder(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " must not be after to " + to);
        }
        return from;
    }

    static Instant requireOrder(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " must be before to " + to);
        }
        return from;
    }

    /** Upper-cased, trimmed, de-duplicated keys in their given order. */
    static List<String> normalizedKeys(Collection<String> keys) {
        Objects.requireNonNull(keys, "keys");
        Set<String> normalized = new LinkedHashSet<>();
        for (String key : keys) {
            normalized.add(normalizedKey(key));
        }
        return new ArrayList<>(normalized);
    }

    static String normalizedKey(String key) {
        Objects.requireNonNull(key, "key");
        return key.strip().toUpperCase(Locale.ROOT);
    }

    /** The entries of {@code found} in the order of {@code keys}, skipping keys not found. */
    static <V> Map<String, V> inOrder(List<String> keys, Map<String, V> found) {
        Map<String, V> ordered = new LinkedHashMap<>();
        for (String key : keys) {
            V value = found.get(key);
            if (value != null) {
                ordered.put(key, value);
            }
        }
        return ordered;
    }
}
