package io.hedgedesk.persistence;

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
import org.junit.jupiter.api.Test;

/** The migrations apply on an empty database: they run here into a fresh schema of the test database. */
@QuarkusTest
class MigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void allMigrationsApplyOnAnEmptySchema() throws Exception {
        String schema = "migration_check_" + System.nanoTime();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema)
                    .locations("classpath:db/migration")
                    .load();
            var result = flyway.migrate();

            assertThat(result.success).isTrue();
            assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);
            assertThat(tables(schema))
                    .contains(
                            "app_user",
                            "flyway_schema_history",
                            "team",
                            "membership",
                            "invitation",
                            "portfolio",
                            "holding",
                            "manual_price",
                            "audit_event",
                            "used_form_token");
        } finally {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("drop schema " + schema + " cascade");
            }
        }
    }

    private List<String> tables(String schema) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }
}
