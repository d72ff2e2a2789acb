package io.hedgedesk.persistence.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/** The V3 market-data schema: column types and the constraints that refuse bad rows, on the real database. */
@QuarkusTest
class MarketDataSchemaTest {

    private static final String CHECK = "23514";
    private static final String UNIQUE = "23505";
    private static final String NOT_NULL = "23502";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theMigrationIsApplied() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select success from flyway_schema_history where version = '3' and script like '%V3__market_data.sql'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }

    @Test
    void pricesAndRatesAreExactDecimals() throws Exception {
        Map<String, String> types = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
             select table_name || '.' || column_name, data_type, numeric_precision, numeric_scale
             from information_schema.columns where table_schema = current_schema()
             and table_name in ('price_history', 'funding_rate_history', 'market_tick', 'market_data_import')""")) {
            while (rs.next()) {
                String type = rs.getString(2)
                        + (rs.getObject(3) == null ? "" : "(" + rs.getInt(3) + "," + rs.getInt(4) + ")");
                types.put(rs.getString(1), type);
            }
        }
        assertThat(types)
                .containsEntry("price_history.close", "numeric(38,18)")
                .containsEntry("price_history.day", "date")
                .containsEntry("funding_rate_history.rate", "numeric")
                .containsEntry("funding_rate_history.funding_time", "timestamp with time zone")
                .containsEntry("market_tick.mark_price", "numeric(38,18)")
                .containsEntry("market_tick.index_price", "numeric(38,18)")
                .containsEntry("market_tick.last_price", "numeric(38,18)")
                .containsEntry("market_tick.funding_rate", "numeric")
                .containsEntry("market_tick.next_funding_time", "timestamp with time zone")
                .containsEntry("market_data_import.checksum", "text")
                .containsKey("market_data_import.loaded_at");
    }

    @Test
    void badRowsAreRefused() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                String price = "insert into price_history (asset_symbol, day, close, source) values ";
                refused(c, price + "('ZZX', date '2024-01-01', 0, 's')", CHECK, "price_history_close_ck");
                refused(c, price + "('ZZX', date '2024-01-01', -1, 's')", CHECK, "price_history_close_ck");
                refused(c, price + "('ZZX', date '2024-01-01', null, 's')", NOT_NULL, null);
                refused(c, price + "('btc', date '2024-01-01', 1, 's')", CHECK, "price_history_symbol_ck");
                refused(c, price + "('ZZX', date '2024-01-01', 1, ' ')", CHECK, "price_history_source_ck");
                accepted(c, price + "('ZZX', date '2024-01-01', 1, 's')");
                refused(c, price + "('ZZX', date '2024-01-01', 2, 's')", UNIQUE, "price_history_pk");

                String rate = "insert into funding_rate_history (series_id, funding_time, rate, source) values ";
                refused(
                        c,
                        rate + "('ZZ:X', timestamptz '2024-01-01T00:00Z', 1, 's')",
                        CHECK,
                        "funding_rate_history_rate_ck");
                refused(
                        c,
                        rate + "('ZZ:X', timestamptz '2024-01-01T00:00Z', -1, 's')",
                        CHECK,
                        "funding_rate_history_rate_ck");
                refused(
                        c,
                        rate + "('XBTUSD', timestamptz '2024-01-01T00:00Z', 0, 's')",
                        CHECK,
                        "funding_rate_history_series_ck");
                accepted(c, rate + "('ZZ:X', timestamptz '2024-01-01T00:00Z', -0.02, 's')");
                refused(
                        c,
                        rate + "('ZZ:X', timestamptz '2024-01-01T01:00+01:00', 0, 's')",
                        UNIQUE,
                        "funding_rate_history_pk");

                String tick = "insert into market_tick (contract_id, mark_price, index_price, last_price, funding_rate,"
                        + " next_funding_time, funding_interval_hours, source, fetched_at) values ";
                refused(
                        c,
                        tick + "('ZZ:X', 0, null, null, null, null, null, 's', now())",
                        CHECK,
                        "market_tick_mark_ck");
                refused(c, tick + "('ZZ:X', 1, -1, null, null, null, null, 's', now())", CHECK, "market_tick_index_ck");
                refused(c, tick + "('ZZ:X', 1, null, 0, null, null, null, 's', now())", CHECK, "market_tick_last_ck");
                refused(
                        c,
                        tick + "('ZZ:X', 1, null, null, 1.5, null, null, 's', now())",
                        CHECK,
                        "market_tick_funding_ck");
                refused(
                        c,
                        tick + "('ZZ:X', 1, null, null, null, null, 0, 's', now())",
                        CHECK,
                        "market_tick_interval_ck");
                accepted(c, tick + "('ZZ:X', 1, null, null, null, null, 8, 's', now())");
                refused(c, tick + "('ZZ:X', 2, null, null, null, null, 8, 's', now())", UNIQUE, "market_tick_pk");

                String load =
                        "insert into market_data_import (file_name, checksum, kind, series_key, row_count) values ";
                String sha = "'" + "a".repeat(64) + "'";
                refused(c, load + "('f.csv', " + sha + ", 'PRICE', 'ZZX', 0)", CHECK, "market_data_import_rows_ck");
                refused(c, load + "('f.csv', 'abc', 'PRICE', 'ZZX', 1)", CHECK, "market_data_import_checksum_ck");
                refused(c, load + "('f.csv', " + sha + ", 'OTHER', 'ZZX', 1)", CHECK, "market_data_import_kind_ck");
                accepted(c, load + "('zz-test.csv', " + sha + ", 'PRICE', 'ZZX', 1)");
                refused(
                        c,
                        load + "('zz-test.csv', " + sha + ", 'PRICE', 'ZZX', 2)",
                        UNIQUE,
                        "market_data_import_file_uk");
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static void accepted(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(sql)).as(sql).isEqualTo(1);
        }
    }

    private static void refused(Connection c, String sql, String sqlState, String constraint) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
            fail("accepted: " + sql);
        } catch (PSQLException e) {
            assertThat(e.getSQLState()).as(sql + ": " + e.getMessage()).isEqualTo(sqlState);
            if (constraint != null) {
                assertThat(e.getServerErrorMessage().getConstraint()).as(sql).isEqualTo(constraint);
            }
        } finally {
            c.rollback(savepoint);
        }
    }
}
