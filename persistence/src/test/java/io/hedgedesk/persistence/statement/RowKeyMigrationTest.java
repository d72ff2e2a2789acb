package io.hedgedesk.persistence.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * V40 re-keys the Bybit funding and transfer rows stored under their file content to the keys a sync gives them
 * ({@code RowKeys}): contract + settlement second, direction + currency + second + amount, each with its occurrence.
 */
@QuarkusTest
class RowKeyMigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void bybitFundingAndTransfersStoredBeforeGetTheKeysASyncGivesThem() throws Exception {
        String schema = "rowkey_check_" + System.nanoTime();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema)
                    .locations("classpath:db/migration")
                    .target(MigrationVersion.fromVersion("39"))
                    .load()
                    .migrate();
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("set search_path to " + schema);
                try {
                    s.execute("insert into team (name) values ('T')");
                    s.execute("insert into portfolio (team_id, name) select id, 'P' from team");
                    // the rows' import and hedge are not what this checks: those foreign keys are left out here
                    s.execute("alter table statement_row drop constraint statement_row_import_id_fkey,"
                            + " drop constraint statement_row_hedge_id_fkey");
                    String insert =
                            "insert into statement_row (portfolio_id, exchange, row_key, import_id, hedge_id, line, kind,"
                                    + " occurred_at, symbol, asset, fee, funding, realized_pnl, cash_change) select id, '%s', '%s',"
                                    + " gen_random_uuid(), 1, 1, '%s', '%s', %s, 'USDT', 0, 0, 0, %s from portfolio";
                    // two equal payments at 16:00 (booked twice), one at 08:00, a transfer, a fill, a Binance row
                    s.execute(insert.formatted(
                            "BYBIT",
                            "BYBIT:row:a#1",
                            "FUNDING",
                            "2025-06-01 16:00:00+00",
                            "'ltcusdt'",
                            "0.174060000000000000"));
                    s.execute(insert.formatted(
                            "BYBIT",
                            "BYBIT:row:a#2",
                            "FUNDING",
                            "2025-06-01 16:00:00+00",
                            "'LTCUSDT'",
                            "0.174060000000000000"));
                    s.execute(insert.formatted(
                            "BYBIT", "BYBIT:row:b#1", "FUNDING", "2025-06-01 08:00:00.456+00", "'LTCUSDT'", "0.08703"));
                    s.execute(insert.formatted(
                            "BYBIT",
                            "BYBIT:row:c#1",
                            "TRANSFER_IN",
                            "2025-06-01 07:00:00+00",
                            "null",
                            "1000.000000000000000000"));
                    s.execute(insert.formatted(
                            "BYBIT", "BYBIT:trade:t-1", "TRADE", "2025-06-01 07:30:00+00", "'LTCUSDT'", "-0.4785"));
                    s.execute(insert.formatted(
                            "BINANCE",
                            "BINANCE:FUNDING_FEE:9",
                            "FUNDING",
                            "2025-06-01 08:00:00+00",
                            "'LTCUSD_PERP'",
                            "0.1"));
                } finally {
                    // the connection goes back to the pool: with the application's schema again
                    s.execute("reset search_path");
                }
            }
            // up to the re-keying only: later migrations add keys these hand-made rows do not satisfy
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema)
                    .locations("classpath:db/migration")
                    .target(MigrationVersion.fromVersion("40"))
                    .load()
                    .migrate();
            // 2025-06-01 16:00:00 UTC = 1748793600 s, 08:00 = 1748764800, 07:00 = 1748761200
            assertThat(keys(schema))
                    .containsExactly(
                            "BYBIT:funding:LTCUSDT:1748793600#1",
                            "BYBIT:funding:LTCUSDT:1748793600#2",
                            "BYBIT:funding:LTCUSDT:1748764800#1",
                            "BYBIT:transfer:IN:USDT:1748761200:1000#1",
                            "BYBIT:trade:t-1",
                            "BINANCE:FUNDING_FEE:9");
        } finally {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("drop schema " + schema + " cascade");
            }
        }
    }

    private List<String> keys(String schema) throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select row_key from " + schema + ".statement_row order by id")) {
            while (r.next()) {
                keys.add(r.getString(1));
            }
        }
        return keys;
    }
}
