package io.hedgedesk.persistence.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.hedgedesk.persistence.market.ShippedMarketDataFile.Kind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The loader on the real database. The tests remove the shipped history (committed) and load it again, as on a
 * fresh install; they leave the database fully loaded.
 */
@QuarkusTest
class ShippedMarketDataLoaderTest {

    @Inject
    ShippedMarketDataLoader loader;

    @Inject
    AgroalDataSource dataSource;

    private final List<ShippedMarketDataFile> manifest = ShippedMarketDataFile.manifest();

    @Test
    void theManifestListsEveryShippedCsvAndOnlyThose() throws Exception {
        Set<String> onDisk =
                Stream.concat(csvFiles("prices"), csvFiles("funding")).collect(Collectors.toSet());
        Set<String> listed = manifest.stream().map(ShippedMarketDataFile::file).collect(Collectors.toSet());

        assertThat(listed).hasSize(20).isEqualTo(onDisk);
        assertThat(manifest.stream().filter(f -> f.kind() == Kind.PRICE)).hasSize(12);
        assertThat(manifest.stream().filter(f -> f.kind() == Kind.FUNDING).map(ShippedMarketDataFile::series))
                .containsExactlyInAnyOrder(
                        "BITMEX:XBTUSD",
                        "BINANCE:BTCUSDT",
                        "BINANCE:ETHUSDT",
                        "BINANCE:SOLUSDT",
                        "BINANCE:XRPUSDT",
                        "BINANCE:BNBUSDT",
                        "BYBIT:BTCUSDT",
                        "BYBIT:ETHUSDT");
    }

    @Test
    void theManifestGivesEachFilesSha256() throws Exception {
        // A start skips the files recorded under the manifest's checksum without reading them, so it must be the
        // files'.
        for (ShippedMarketDataFile file : manifest) {
            assertThat(file.sha256())
                    .as("%s: the manifest's SHA-256 (update it when the file changes)", file.file())
                    .isEqualTo(sha256(file.resource()));
        }
    }

    @Test
    void aFileWhoseBytesAreNotTheManifestsIsRefusedAndNothingIsStored() throws Exception {
        int records = importRecords();
        ShippedMarketDataFile btc = manifest.stream()
                .filter(f -> f.series().equals("BTC"))
                .findFirst()
                .orElseThrow();
        String wrong = "0".repeat(64);
        ShippedMarketDataFile stale =
                new ShippedMarketDataFile(Kind.PRICE, btc.file(), "SHA-TEST", wrong, btc.source());

        assertThatThrownBy(() -> loader.load(stale))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("market-data/prices/BTC-USDT-1d.csv has SHA-256 " + sha256(btc.resource())
                        + " but market-data/manifest.csv says " + wrong
                        + "; update the manifest when a shipped file changes");
        assertThat(storedRows(stale)).isZero();
        assertThat(importRecords()).isEqualTo(records);
    }

    @Test
    void aManifestChecksumMustBeSha256Hex() {
        assertThatThrownBy(() -> new ShippedMarketDataFile(Kind.PRICE, "prices/BTC-USDT-1d.csv", "BTC", "ABC", "s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sha256 of prices/BTC-USDT-1d.csv must be 64 lower-case hex digits, was ABC");
    }

    @Test
    void aFreshDatabaseGetsEveryFileWithItsRowCountAndASecondRunLoadsNothing() throws Exception {
        removeShippedHistory();
        int expectedRows = manifest.stream()
                .mapToInt(f -> ShippedCsv.dataRows(f.resource()))
                .sum();

        ShippedMarketDataLoader.Report first = loader.loadAll();

        System.out.printf(
                "ShippedMarketDataLoaderTest: loaded %d files, %d rows in %d ms%n",
                first.filesLoaded(), first.rowsLoaded(), first.elapsed().toMillis());
        assertThat(first.filesLoaded()).isEqualTo(20);
        assertThat(first.filesFailed()).isZero();
        assertThat(first.rowsLoaded()).isEqualTo(expectedRows).isEqualTo(68_077);
        assertThat(first.elapsed()).isLessThan(Duration.ofSeconds(30));
        for (ShippedMarketDataFile file : manifest) {
            int csvRows = ShippedCsv.dataRows(file.resource());
            assertThat(storedRows(file)).as(file.file()).isEqualTo(csvRows);
            assertThat(importRecord(file))
                    .as(file.file())
                    .isEqualTo(List.of(sha256(file.resource()), String.valueOf(csvRows)));
        }

        ShippedMarketDataLoader.Report second = loader.loadAll();

        assertThat(second.filesLoaded()).isZero();
        assertThat(second.filesSkipped()).isEqualTo(20);
        assertThat(second.rowsLoaded()).isZero();
        assertThat(importRecords()).isEqualTo(20);
    }

    @Test
    void twoInstancesStartingAtOnceLoadEachFileExactlyOnce() throws Exception {
        removeShippedHistory();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ShippedMarketDataLoader.Report> a = pool.submit(loader::loadAll);
            Future<ShippedMarketDataLoader.Report> b = pool.submit(loader::loadAll);
            ShippedMarketDataLoader.Report ra = a.get();
            ShippedMarketDataLoader.Report rb = b.get();

            assertThat(ra.filesFailed() + rb.filesFailed()).isZero();
            assertThat(ra.filesLoaded() + rb.filesLoaded()).isEqualTo(20);
            assertThat(ra.filesSkipped() + rb.filesSkipped()).isEqualTo(20);
            assertThat(importRecords()).isEqualTo(20);
        } finally {
            pool.shutdown();
        }
        for (ShippedMarketDataFile file : manifest) {
            assertThat(storedRows(file)).as(file.file()).isEqualTo(ShippedCsv.dataRows(file.resource()));
        }
    }

    private void removeShippedHistory() {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                for (ShippedMarketDataFile file : manifest) {
                    String sql = file.kind() == Kind.PRICE
                            ? "delete from price_history where asset_symbol = ?"
                            : "delete from funding_rate_history where series_id = ?";
                    try (PreparedStatement s = c.prepareStatement(sql)) {
                        s.setString(1, file.series());
                        s.executeUpdate();
                    }
                }
                try (PreparedStatement s = c.prepareStatement("delete from market_data_import")) {
                    s.executeUpdate();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private int storedRows(ShippedMarketDataFile file) throws Exception {
        String sql = file.kind() == Kind.PRICE
                ? "select count(*) from price_history where asset_symbol = ?"
                : "select count(*) from funding_rate_history where series_id = ?";
        return Integer.parseInt(queryOne(sql, file.series()).get(0));
    }

    private List<String> importRecord(ShippedMarketDataFile file) throws Exception {
        return queryOne("select checksum, row_count from market_data_import where file_name = ?", file.file());
    }

    private int importRecords() throws Exception {
        return Integer.parseInt(
                queryOne("select count(*) from market_data_import").get(0));
    }

    private List<String> queryOne(String sql, String... parameters) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                int columns = rs.getMetaData().getColumnCount();
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                assertThat(rs.next()).as(sql + " returns one row").isFalse();
                return row;
            }
        }
    }

    private static String sha256(String resource) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ShippedCsv.bytes(resource)));
    }

    private static Stream<String> csvFiles(String folder) throws Exception {
        URL url = Thread.currentThread().getContextClassLoader().getResource(ShippedMarketDataFile.ROOT + folder);
        assertThat(url).as(folder).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files
                    .map(p -> folder + "/" + p.getFileName())
                    .filter(name -> name.endsWith(".csv"))
                    .toList()
                    .stream();
        }
    }
}
