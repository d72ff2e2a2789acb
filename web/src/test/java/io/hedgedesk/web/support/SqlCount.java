package io.hedgedesk.web.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Counts rows straight in the database, to check what a request stored. */
public final class SqlCount {

    private SqlCount() {}

    /** The single number answered by {@code sql} (a {@code select count(*) …}) with its {@code ?} parameters. */
    public static long of(DataSource dataSource, String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
