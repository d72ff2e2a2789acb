package io.hedgedesk.persistence.market;

import io.agroal.api.AgroalDataSource;
import io.hedgedesk.persistence.market.ShippedMarketDataFile.Kind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Loads the market history shipped in the jar (see {@code market-data/README.md}) into {@code price_history} and
 * {@code funding_rate_history} at start-up, after Flyway has migrated, so the planner works offline on a fresh
 * install.
 *
 * <p>Each file listed in the manifest is loaded once per content: a file whose name and SHA-256 (as the manifest
 * gives it) are recorded in {@code market_data_import} is skipped without being read. A file to load is read and
 * hashed first, and refused when its bytes are not the ones the manifest names. Each file is read by the
 * {@link ShippedSeriesReader} (the market-data module's CSV reader, stopping at the first problem) and written in
 * its own transaction (one batched upsert, then its import record), so a failure leaves no half-loaded file. Two instances starting at once are serialized by a transaction-scoped
 * PostgreSQL advisory lock taken before the "already loaded?" check. Switched off with
 * {@code hedgedesk.market-data.load-shipped=false}.
 */
@ApplicationScoped
public class ShippedMarketDataLoader {

    /** Advisory lock key of the loader ("hdmarket" in ASCII). */
    static final long ADVISORY_LOCK_KEY = 0x68646d61726b6574L;

    private static final Logger LOG = Logger.getLogger(ShippedMarketDataLoader.class);

    private static final String ALREADY_LOADED =
            "select exists (select 1 from market_data_import where file_name = ? and checksum = ?)";

    private static final String RECORD = """
      insert into market_data_import (file_name, checksum, kind, series_key, row_count) values (?, ?, ?, ?, ?)""";

    private final AgroalDataSource dataSource;
    private final PriceHistoryRepository prices;
    private final FundingHistoryRepository funding;
    private final ShippedSeriesReader reader;
    private final boolean enabled;

    @Inject
    public ShippedMarketDataLoader(
            AgroalDataSource dataSource,
            PriceHistoryRepository prices,
            FundingHistoryRepository funding,
            ShippedSeriesReader reader,
            MarketHistoryConfig config) {
        this(dataSource, prices, funding, reader, config.marketData().loadShipped());
    }

    ShippedMarketDataLoader(
            AgroalDataSource dataSource,
            PriceHistoryRepository prices,
            FundingHistoryRepository funding,
            ShippedSeriesReader reader,
            boolean enabled) {
        this.dataSource = dataSource;
        this.prices = prices;
        this.funding = funding;
        this.reader = reader;
        this.enabled = enabled;
    }

    /**
     * What one run did.
     *
     * @param filesLoaded  files parsed and stored in this run
     * @param filesSkipped files already recorded with the same checksum
     * @param filesFailed  files that could not be parsed or stored (logged; their transaction rolled back)
     * @param rowsLoaded   rows read from the loaded files
     * @param elapsed      wall time of the run
     */
    public record Report(int filesLoaded, int filesSkipped, int filesFailed, int rowsLoaded, Duration elapsed) {}

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("loading the shipped market history is switched off (hedgedesk.market-data.load-shipped=false)");
            return;
        }
        loadAll();
    }

    /** Loads every shipped file not loaded yet; see the class comment. */
    public Report loadAll() {
        long start = System.nanoTime();
        List<ShippedMarketDataFile> files = ShippedMarketDataFile.manifest();
        int loaded = 0;
        int failed = 0;
        int rows = 0;
        // One query for what is loaded already, so an ordinary start (everything loaded) opens no transaction per file.
        Set<String> recorded = recordedImports();
        for (ShippedMarketDataFile file : files) {
            if (recorded.contains(file.file() + "\n" + file.sha256())) {
                continue;
            }
            try {
                int fileRows = load(file);
                if (fileRows > 0) {
                    loaded++;
                    rows += fileRows;
                }
            } catch (RuntimeException e) {
                failed++;
                LOG.errorf(e, "cannot load the shipped market data %s; it stays unloaded", file.resource());
            }
        }
        Report report = new Report(
                loaded, files.size() - loaded - failed, failed, rows, Duration.ofNanos(System.nanoTime() - start));
        LOG.infof(
                "shipped market history: %d files loaded (%d rows), %d already loaded, %d failed, in %d ms",
                report.filesLoaded(),
                report.rowsLoaded(),
                report.filesSkipped(),
                report.filesFailed(),
                report.elapsed().toMillis());
        return report;
    }

    /**
     * Loads one file unless already loaded; returns its row count, 0 when skipped.
     *
     * @throws IllegalStateException when the file's bytes do not have the manifest's SHA-256 (nothing is stored)
     */
    int load(ShippedMarketDataFile file) {
        byte[] bytes = file.read();
        String checksum = sha256(bytes);
        if (!checksum.equals(file.sha256())) {
            throw new IllegalStateException(file.resource() + " has SHA-256 " + checksum + " but "
                    + ShippedMarketDataFile.MANIFEST + " says " + file.sha256()
                    + "; update the manifest when a shipped file changes");
        }
        return load(file, bytes, checksum);
    }

    private int load(ShippedMarketDataFile file, byte[] bytes, String checksum) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (lockAndCheckLoaded(file, checksum)) {
                return 0;
            }
            int rows = store(file, bytes);
            record(file, checksum, rows);
            return rows;
        });
    }

    /** "file\nchecksum" of every recorded import. */
    private Set<String> recordedImports() {
        return new HashSet<>(Jdbc.query(
                dataSource,
                "read the recorded market data imports",
                "select file_name, checksum from market_data_import",
                (connection, statement) -> {},
                row -> row.getString(1) + "\n" + row.getString(2)));
    }

    private boolean lockAndCheckLoaded(ShippedMarketDataFile file, String checksum) {
        return Jdbc.withConnection(dataSource, "check whether " + file.file() + " is loaded", connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ADVISORY_LOCK_KEY);
                lock.execute();
            }
            try (PreparedStatement check = connection.prepareStatement(ALREADY_LOADED)) {
                check.setString(1, file.file());
                check.setString(2, checksum);
                try (ResultSet result = check.executeQuery()) {
                    result.next();
                    return result.getBoolean(1);
                }
            }
        });
    }

    private int store(ShippedMarketDataFile file, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (file.kind() == Kind.PRICE) {
            var series = reader.prices(file, text);
            prices.upsert(series);
            return series.size();
        }
        var series = reader.funding(file, text);
        funding.upsert(series);
        return series.size();
    }

    private void record(ShippedMarketDataFile file, String checksum, int rows) {
        Jdbc.withConnection(dataSource, "record the import of " + file.file(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(RECORD)) {
                insert.setString(1, file.file());
                insert.setString(2, checksum);
                insert.setString(3, file.kind().name());
                insert.setString(4, file.series());
                insert.setInt(5, rows);
                return insert.executeUpdate();
            }
        });
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
