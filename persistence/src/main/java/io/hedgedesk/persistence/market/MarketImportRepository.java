package io.hedgedesk.persistence.market;

import io.agroal.api.AgroalDataSource;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.persistence.market.ShippedMarketDataFile.Kind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * CSV imports of market history ({@code market_import}): staged at preview, claimed once at confirmation, then
 * stored all-or-nothing by {@link #store}. Imports are private to the user who uploaded them.
 */
@ApplicationScoped
public class MarketImportRepository {

    private static final Logger LOG = Logger.getLogger(MarketImportRepository.class);

    private static final String COLUMNS = """
      id, user_id, kind, format, series_key, source, file_name, status, total_rows, processed_rows, changed_rows,
      message, created_at, finished_at""";

    private final AgroalDataSource dataSource;
    private final PriceHistoryRepository prices;
    private final FundingHistoryRepository funding;

    public MarketImportRepository(
            AgroalDataSource dataSource, PriceHistoryRepository prices, FundingHistoryRepository funding) {
        this.dataSource = dataSource;
        this.prices = prices;
        this.funding = funding;
    }

    /** After a restart no import is running any more; uploads never confirmed within a day are dropped. */
    void onStart(@Observes StartupEvent event) {
        int interrupted = update("mark interrupted imports", """
        update market_import set status = 'FAILED', content = '', finished_at = now(),
          message = 'interrupted by a restart of the application; nothing was stored'
        where status = 'RUNNING'""", statement -> {});
        update(
                "drop old previews",
                "delete from market_import where status = 'PREVIEWED' and created_at < now() - interval '1 day'",
                statement -> {});
        if (interrupted > 0) {
            LOG.warnf("%d market-history imports were interrupted by the restart and marked failed", interrupted);
        }
    }

    /** Keeps an uploaded, validated file until its import is confirmed. */
    @Transactional
    public void stage(
            UUID id,
            long userId,
            Kind kind,
            String format,
            String seriesKey,
            String source,
            String fileName,
            String content,
            int totalRows) {
        update("stage the import " + id, """
        insert into market_import (id, user_id, kind, format, series_key, source, file_name, content, status,
          total_rows) values (?, ?, ?, ?, ?, ?, ?, ?, 'PREVIEWED', ?)""", statement -> {
            statement.setObject(1, id);
            statement.setLong(2, userId);
            statement.setString(3, kind.name());
            statement.setString(4, format);
            statement.setString(5, seriesKey);
            statement.setString(6, source);
            statement.setString(7, fileName);
            statement.setString(8, content);
            statement.setInt(9, totalRows);
        });
    }

    /** The import {@code id} if {@code userId} uploaded it. */
    public Optional<MarketImport> find(UUID id, long userId) {
        return Jdbc.query(
                        dataSource,
                        "read the import " + id,
                        "select " + COLUMNS + " from market_import where id = ? and user_id = ?",
                        (connection, statement) -> {
                            statement.setObject(1, id);
                            statement.setLong(2, userId);
                        },
                        MarketImportRepository::map)
                .stream()
                .findFirst();
    }

    /**
     * Claims a previewed import for running: PREVIEWED → RUNNING in one statement, so only the first of several
     * confirmations gets the text. Empty when the import is unknown, someone else's, or already claimed.
     */
    @Transactional
    public Optional<String> claim(UUID id, long userId) {
        return Jdbc.query(
                        dataSource,
                        "claim the import " + id,
                        """
        update market_import set status = 'RUNNING' where id = ? and user_id = ? and status = 'PREVIEWED'
        returning content""",
                        (connection, statement) -> {
                            statement.setObject(1, id);
                            statement.setLong(2, userId);
                        },
                        row -> row.getString(1))
                .stream()
                .findFirst();
    }

    /**
     * Stores a claimed import's rows in one transaction, {@code chunkRows} rows per statement, committing the
     * progress after each chunk in a transaction of its own (so the page can show it while the data stays
     * uncommitted). The import is marked DONE in the data's transaction; any failure rolls every row back and marks
     * it FAILED with the reason. The rows it inserts or changes record its uploader as their writer.
     *
     * @param series a {@link PriceSeries} or a {@link FundingRateSeries}
     * @return the rows inserted or changed
     */
    public int store(UUID id, Object series, int chunkRows) {
        Objects.requireNonNull(series, "series");
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be positive, was " + chunkRows);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                OptionalLong writer = uploader(id);
                int changed = 0;
                if (series instanceof PriceSeries price) {
                    for (int from = 0; from < price.size(); from += chunkRows) {
                        int to = Math.min(price.size(), from + chunkRows);
                        changed += prices.upsert(
                                new PriceSeries(
                                        price.assetSymbol(),
                                        price.source(),
                                        price.points().subList(from, to)),
                                writer);
                        progress(id, to);
                    }
                } else if (series instanceof FundingRateSeries rates) {
                    for (int from = 0; from < rates.size(); from += chunkRows) {
                        int to = Math.min(rates.size(), from + chunkRows);
                        changed += funding.upsert(
                                new FundingRateSeries(
                                        rates.contractId(),
                                        rates.source(),
                                        rates.rates().subList(from, to)),
                                writer);
                        progress(id, to);
                    }
                } else {
                    throw new IllegalArgumentException("not a price or funding series: "
                            + series.getClass().getName());
                }
                int stored = changed;
                update("finish the import " + id, """
            update market_import set status = 'DONE', changed_rows = ?, content = '', finished_at = now()
            where id = ?""", statement -> {
                    statement.setInt(1, stored);
                    statement.setObject(2, id);
                });
                return changed;
            });
        } catch (RuntimeException e) {
            fail(id, e);
            throw e;
        }
    }

    /** Marks an import FAILED (nothing of it is stored), with a message for the user. */
    public void fail(UUID id, Throwable cause) {
        String reason = cause instanceof MarketDataStoreException
                ? "the database refused the rows: " + rootMessage(cause)
                : rootMessage(cause);
        QuarkusTransaction.requiringNew()
                .run(() -> update("mark the import " + id + " failed", """
        update market_import set status = 'FAILED', message = ?, content = '', finished_at = now() where id = ?""", statement -> {
                    statement.setString(1, reason.length() > 500 ? reason.substring(0, 500) : reason);
                    statement.setObject(2, id);
                }));
    }

    private OptionalLong uploader(UUID id) {
        return Jdbc.query(
                        dataSource,
                        "read the uploader of " + id,
                        "select user_id from market_import where id = ?",
                        (connection, statement) -> statement.setObject(1, id),
                        row -> OptionalLong.of(row.getLong(1)))
                .stream()
                .findFirst()
                .orElse(OptionalLong.empty());
    }

    private void progress(UUID id, int processed) {
        QuarkusTransaction.requiringNew()
                .run(() -> update(
                        "record the progress of " + id,
                        "update market_import set processed_rows = ? where id = ?",
                        statement -> {
                            statement.setInt(1, processed);
                            statement.setObject(2, id);
                        }));
    }

    @FunctionalInterface
    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private int update(String what, String sql, Parameters parameters) {
        return Jdbc.withConnection(dataSource, what, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.set(statement);
                return statement.executeUpdate();
            }
        });
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // the first line of a PostgreSQL error (no "Where:" context, no SQL)
        return message.lines().findFirst().orElse(message).replaceFirst("^ERROR: ", "");
    }

    private static MarketImport map(ResultSet row) throws SQLException {
        return new MarketImport(
                row.getObject(1, UUID.class),
                row.getLong(2),
                Kind.valueOf(row.getString(3)),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                MarketImport.Status.valueOf(row.getString(8)),
                row.getInt(9),
                row.getInt(10),
                Optional.ofNullable(row.getObject(11, Integer.class)),
                Optional.ofNullable(row.getString(12)),
                row.getObject(13, OffsetDateTime.class).toInstant(),
                Optional.ofNullable(row.getObject(14, OffsetDateTime.class)).map(OffsetDateTime::toInstant));
    }
}
