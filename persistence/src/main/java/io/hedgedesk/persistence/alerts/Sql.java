package io.hedgedesk.persistence.alerts;

import io.agroal.api.AgroalDataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC on the Agroal pool for the alert tables. Inside a JTA transaction the pool hands out the transaction's
 * connection, so these statements commit or roll back with it (and row locks are held until then).
 */
final class Sql {

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rows) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    Sql(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> List<T> query(String sql, Binder binder, Row<T> row) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(4096);
            binder.bind(s);
            List<T> out = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    out.add(row.map(rows));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("alert store: " + e.getMessage(), e);
        }
    }

    int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("alert store: " + e.getMessage(), e);
        }
    }

    /** Binds a bigint[] of {@code ids}. */
    static void ids(PreparedStatement s, int index, Collection<Long> ids) throws SQLException {
        Array array = s.getConnection().createArrayOf("bigint", ids.toArray(Long[]::new));
        s.setArray(index, array);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Optional<Instant> instant(ResultSet rows, int column) throws SQLException {
        return Optional.ofNullable(rows.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    static Optional<Boolean> bool(ResultSet rows, int column) throws SQLException {
        boolean v = rows.getBoolean(column);
        return rows.wasNull() ? Optional.empty() : Optional.of(v);
    }

    static Optional<Integer> integer(ResultSet rows, int column) throws SQLException {
        int v = rows.getInt(column);
        return rows.wasNull() ? Optional.empty() : Optional.of(v);
    }

    /** {@code text} cut to {@code max} characters, the last one an ellipsis when cut. */
    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
