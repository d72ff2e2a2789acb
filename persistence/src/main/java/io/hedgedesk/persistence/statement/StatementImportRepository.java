package io.hedgedesk.persistence.statement;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Statement imports ({@code statement_import}): staged at preview, claimed once at confirmation (PREVIEWED → RUNNING
 * in one statement, so one worker runs it), their progress committed on the side while the rows stay uncommitted,
 * then DONE in the rows' transaction or FAILED with nothing stored. Private to the user who uploaded them.
 */
@ApplicationScoped
public class StatementImportRepository {

    private static final Logger LOG = Logger.getLogger(StatementImportRepository.class);

    private static final String COLUMNS = """
      id, portfolio_id, user_id, exchange, format, file_name, hedge_id, status, total_rows, processed_rows,
      imported_rows, hedges_created, message, created_at, finished_at""";

    private final AgroalDataSource dataSource;

    public StatementImportRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** After a restart no import is running any more; previews never confirmed within a day are dropped. */
    void onStart(@Observes StartupEvent event) {
        int interrupted = Sql.update(dataSource, """
        update statement_import set status = 'FAILED', content = '', finished_at = now(),
          message = 'interrupted by a restart of the application; nothing was stored'
        where status = 'RUNNING'""", (c, s) -> {});
        Sql.update(
                dataSource,
                "delete from statement_import where status = 'PREVIEWED' and created_at < now() - "
                        + "interval '1 day' and not exists (select 1 from statement_row r where r.import_id = statement_import.id)",
                (c, s) -> {});
        if (interrupted > 0) {
            LOG.warnf("%d statement imports were interrupted by the restart and marked failed", interrupted);
        }
    }

    /** Keeps an uploaded, read file until its import is confirmed. */
    @Transactional
    public void stage(
            UUID id,
            long portfolioId,
            long userId,
            String exchange,
            String format,
            String fileName,
            String content,
            Optional<Long> hedgeId,
            int totalRows) {
        insert(id, portfolioId, userId, exchange, format, fileName, content, hedgeId, "PREVIEWED", totalRows);
    }

    /**
     * Records a sync run of an exchange connection as an import without a file, RUNNING in the caller's transaction
     * (which stores its rows and {@link #finish}es it, or leaves nothing).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void startSync(
            UUID id, long portfolioId, long userId, String exchange, String format, String name, int totalRows) {
        insert(id, portfolioId, userId, exchange, format, name, "", Optional.empty(), "RUNNING", totalRows);
    }

    private void insert(
            UUID id,
            long portfolioId,
            long userId,
            String exchange,
            String format,
            String fileName,
            String content,
            Optional<Long> hedgeId,
            String status,
            int totalRows) {
        Sql.update(dataSource, """
        insert into statement_import (id, portfolio_id, user_id, exchange, format, file_name, content, hedge_id,
          status, total_rows) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", (c, s) -> {
            s.setObject(1, id);
            s.setLong(2, portfolioId);
            s.setLong(3, userId);
            s.setString(4, exchange);
            s.setString(5, format);
            s.setString(6, fileName);
            s.setString(7, content);
            if (hedgeId.isPresent()) {
                s.setLong(8, hedgeId.get());
            } else {
                s.setNull(8, Types.BIGINT);
            }
            s.setString(9, status);
            s.setInt(10, totalRows);
        });
    }

    /** The import {@code id} if {@code userId} uploaded it. */
    public Optional<StatementImport> find(UUID id, long userId) {
        return Sql.query(
                        dataSource,
                        "select " + COLUMNS + " from statement_import where id = ? and user_id = ?",
                        (c, s) -> {
                            s.setObject(1, id);
                            s.setLong(2, userId);
                        },
                        StatementImportRepository::map)
                .stream()
                .findFirst();
    }

    /** The uploaded text of the import {@code id} while it waits for confirmation, if {@code userId} uploaded it. */
    public Optional<String> previewedContent(UUID id, long userId) {
        return Sql.query(
                        dataSource,
                        "select content from statement_import where id = ? and user_id = ? "
                                + "and status = 'PREVIEWED'",
                        (c, s) -> {
                            s.setObject(1, id);
                            s.setLong(2, userId);
                        },
                        row -> row.getString(1))
                .stream()
                .findFirst();
    }

    /**
     * Claims a previewed import for running, with the hedge chosen at confirmation (empty = automatic). Empty when the
     * import is unknown, someone else's or already claimed.
     *
     * @return the uploaded text
     */
    @Transactional
    public Optional<String> claim(UUID id, long userId, Optional<Long> hedgeId) {
        return Sql.query(
                        dataSource,
                        """
        update statement_import set status = 'RUNNING', hedge_id = ? where id = ? and user_id = ?
          and status = 'PREVIEWED' returning content""",
                        (c, s) -> {
                            if (hedgeId.isPresent()) {
                                s.setLong(1, hedgeId.get());
                            } else {
                                s.setNull(1, Types.BIGINT);
                            }
                            s.setObject(2, id);
                            s.setLong(3, userId);
                        },
                        row -> row.getString(1))
                .stream()
                .findFirst();
    }

    /** Records rows handled so far, committed on its own so the progress page sees it while the rows are not. */
    public void progress(UUID id, int processed) {
        QuarkusTransaction.requiringNew()
                .run(() -> Sql.update(
                        dataSource,
                        "update statement_import set processed_rows = least(?, total_rows) where id = ?",
                        (c, s) -> {
                            s.setInt(1, processed);
                            s.setObject(2, id);
                        }));
    }

    /**
     * Marks the import DONE; call inside the transaction that stored its rows.
     *
     * @param account the account its rows name, if any
     */
    public void finish(UUID id, int importedRows, int hedgesCreated, Optional<String> account) {
        Sql.update(dataSource, """
        update statement_import set status = 'DONE', processed_rows = total_rows, imported_rows = ?,
          hedges_created = ?, account = ?, content = '', finished_at = now() where id = ?""", (c, s) -> {
            s.setInt(1, importedRows);
            s.setInt(2, hedgesCreated);
            Sql.text(s, 3, account);
            s.setObject(4, id);
        });
    }

    /** Marks an import FAILED (nothing of it is stored) with a message for the user, in a transaction of its own. */
    public void fail(UUID id, String reason) {
        String message = reason == null || reason.isBlank() ? "the import failed" : reason;
        QuarkusTransaction.requiringNew()
                .run(() -> Sql.update(dataSource, """
        update statement_import set status = 'FAILED', message = ?, content = '', finished_at = now()
        where id = ?""", (c, s) -> {
                    s.setString(1, message.length() > 500 ? message.substring(0, 500) : message);
                    s.setObject(2, id);
                }));
    }

    private static StatementImport map(ResultSet row) throws SQLException {
        return new StatementImport(
                row.getObject(1, UUID.class),
                row.getLong(2),
                row.getLong(3),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                Optional.ofNullable(row.getObject(7, Long.class)),
                StatementImport.Status.valueOf(row.getString(8)),
                row.getInt(9),
                row.getInt(10),
                Optional.ofNullable(row.getObject(11, Integer.class)),
                Optional.ofNullable(row.getObject(12, Integer.class)),
                Optional.ofNullable(row.getString(13)),
                row.getObject(14, OffsetDateTime.class).toInstant(),
                Optional.ofNullable(row.getObject(15, OffsetDateTime.class)).map(OffsetDateTime::toInstant));
    }
}
