package io.hedgedesk.persistence.statement;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rows of a file put aside in a temporary table of the caller's transaction and read back in (time, line) order: a
 * file that is not in time order is sorted by PostgreSQL, and the application holds only a chunk of it at a time.
 * The table is dropped when read, and at the transaction's end in any case.
 */
@ApplicationScoped
public class RowStage {

    /** One row: when it happened, its line in the file and the caller's text of it. */
    public record Staged(Instant time, int line, String text) {}

    private static final String CREATE = "create temp table if not exists statement_stage (occurred_at timestamptz "
            + "not null, line integer not null, payload text not null) on commit drop";

    private final AgroalDataSource dataSource;

    public RowStage(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds {@code rows} to the stage (created by the first call of the transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(List<Staged> rows) {
        if (rows.isEmpty()) {
            return;
        }
        CopyText copy = new CopyText();
        for (Staged r : rows) {
            copy.add(r.time()).add(r.line()).add(r.text()).end();
        }
        try (Connection connection = dataSource.getConnection();
                Statement s = connection.createStatement()) {
            s.execute(CREATE);
            copy.copyInto(connection, "statement_stage (occurred_at, line, payload)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot stage the statement rows: " + e.getMessage(), e);
        }
    }

    /** Hands the staged rows' texts to {@code rows} in (time, line) order, a chunk at a time, and empties the stage. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void readInOrder(Consumer<String> rows) {
        try (Connection connection = dataSource.getConnection();
                Statement s = connection.createStatement()) {
            s.execute(CREATE);
            s.execute("set local work_mem = '64MB'");
            try (PreparedStatement q =
                    connection.prepareStatement("select payload from statement_stage order by occurred_at, line")) {
                q.setFetchSize(5000);
                try (ResultSet result = q.executeQuery()) {
                    while (result.next()) {
                        rows.accept(result.getString(1));
                    }
                }
            }
            s.execute("drop table statement_stage");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the staged statement rows: " + e.getMessage(), e);
        }
    }
}
