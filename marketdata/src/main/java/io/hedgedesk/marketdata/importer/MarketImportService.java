package io.hedgedesk.marketdata.importer;

import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.market.MarketImport;
import io.hedgedesk.persistence.market.MarketImportRepository;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import io.hedgedesk.persistence.market.ShippedMarketDataFile.Kind;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * The market-history CSV import: {@link #preview} reads and validates a file and keeps it (nothing stored in the
 * history); {@link #confirm} claims it once and stores it in the background, all rows in one transaction, while
 * {@link #status} reports rows processed of total. Imports run one after another on a single worker thread, so two
 * imports of the same series never interleave.
 */
@ApplicationScoped
public class MarketImportService {

    private static final Logger LOG = Logger.getLogger(MarketImportService.class);
    private static final int SAMPLE_ROWS = 5;

    /** A rejected file: the messages to show, "line N: …" first. */
    public static final class InvalidImportException extends RuntimeException {
        private final List<String> errors;
        private final int count;

        public InvalidImportException(List<String> errors, int count) {
            super(count + " problem(s) in the file");
            this.errors = List.copyOf(errors);
            this.count = count;
        }

        public List<String> errors() {
            return errors;
        }

        public int count() {
            return count;
        }
    }

    private final MarketImportRepository imports;
    private final PriceHistoryRepository prices;
    private final FundingHistoryRepository funding;
    private final Clock clock;
    private final int chunkRows;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "market-import");
        thread.setDaemon(true);
        return thread;
    });

    public MarketImportService(
            MarketImportRepository imports,
            PriceHistoryRepository prices,
            FundingHistoryRepository funding,
            Clock clock,
            MarketImportConfig config) {
        this.imports = imports;
        this.prices = prices;
        this.funding = funding;
        this.clock = clock;
        this.chunkRows = config.chunkRows();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * Validates {@code text} and, when every row is valid, keeps it for confirmation and says what it would change.
     *
     * @param series the asset or contract typed into the form, blank for "from the file"
     * @param source the source text typed into the form, blank for a default naming the format and file
     * @throws InvalidImportException listing the problems (with line numbers); nothing is kept
     */
    public ImportPreview preview(long userId, String fileName, String text, String series, String source) {
        MarketCsv.Parsed parsed = MarketCsv.parse(text, fileName, series, clock.instant());
        if (!parsed.valid()) {
            throw new InvalidImportException(parsed.errors(), Math.max(1, parsed.errorCount()));
        }
        String name = safeName(fileName);
        String storedSource = source == null || source.isBlank()
                ? parsed.format().orElseThrow().label() + " CSV import (" + name + ")"
                : source.strip();
        if (storedSource.length() > 200) {
            throw new InvalidImportException(List.of("the source text is longer than 200 characters"), 1);
        }
        Map<Object, String> effects = effects(parsed, storedSource);
        int newRows = (int) effects.values().stream().filter("new"::equals).count();
        int overwrites = (int)
                effects.values().stream().filter(e -> e.startsWith("replaces")).count();
        UUID id = UUID.randomUUID();
        imports.stage(
                id,
                userId,
                parsed.kind(),
                parsed.format().get().label(),
                parsed.seriesKey().get(),
                storedSource,
                name,
                text,
                parsed.rows().size());
        List<MarketCsv.Row> rows = parsed.rows();
        List<ImportPreview.Sample> samples = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (i < SAMPLE_ROWS || i >= rows.size() - SAMPLE_ROWS) {
                MarketCsv.Row r = rows.get(i);
                samples.add(new ImportPreview.Sample(
                        r.line(), key(r.key()), r.value().toPlainString(), effects.get(r.key())));
            }
        }
        return new ImportPreview(
                id,
                parsed.format().get().label(),
                parsed.seriesKey().get(),
                storedSource,
                rows.size(),
                key(rows.get(0).key()),
                key(rows.get(rows.size() - 1).key()),
                newRows,
                overwrites,
                rows.size() - newRows - overwrites,
                samples);
    }

    /**
     * Starts a previewed import in the background. Only the first confirmation of an import starts it.
     *
     * @return the running task, or empty when the import is unknown, someone else's or already confirmed
     */
    public Optional<Future<?>> confirm(long userId, UUID id) {
        Optional<String> text = imports.claim(id, userId);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        MarketImport staged = imports.find(id, userId).orElseThrow();
        return Optional.of(worker.submit(() -> run(staged, text.get())));
    }

    /** The import {@code id} of {@code userId}, if it exists. */
    public Optional<MarketImport> status(long userId, UUID id) {
        return imports.find(id, userId);
    }

    private void run(MarketImport staged, String text) {
        try {
            // the kept text is read again with the series and source fixed at preview; the rules are the same
            MarketCsv.Parsed parsed = MarketCsv.parse(text, staged.fileName(), staged.seriesKey(), clock.instant());
            if (!parsed.valid()) {
                throw new IllegalStateException("the file no longer validates: " + String.join("; ", parsed.errors()));
            }
            int changed = imports.store(staged.id(), parsed.series(staged.source()), chunkRows);
            LOG.infof(
                    "market import %s: %d rows of %s stored (%d inserted or changed) for user %d",
                    staged.id(), parsed.rows().size(), staged.seriesKey(), changed, staged.userId());
        } catch (RuntimeException e) {
            LOG.warnf(e, "market import %s of %s failed; nothing was stored", staged.id(), staged.seriesKey());
            imports.fail(staged.id(), e);
        }
    }

    /** Per row key: "new", "replaces <old value> (<old source>)" or "unchanged", against what is stored now. */
    private Map<Object, String> effects(MarketCsv.Parsed parsed, String source) {
        List<MarketCsv.Row> rows = parsed.rows();
        Map<Object, BigDecimal> storedValue = new HashMap<>();
        String storedSource;
        if (parsed.kind() == Kind.PRICE) {
            Optional<PriceSeries> stored = prices.series(
                    parsed.seriesKey().get(), (LocalDate) rows.get(0).key(), (LocalDate)
                            rows.get(rows.size() - 1).key());
            stored.ifPresent(s -> s.points().forEach(p -> storedValue.put(p.date(), p.close())));
            storedSource = stored.map(PriceSeries::source).orElse("");
        } else {
            Instant last = (Instant) rows.get(rows.size() - 1).key();
            Optional<FundingRateSeries> stored = funding.series(
                    parsed.seriesKey().get(), (Instant) rows.get(0).key(), last.plusMillis(1));
            stored.ifPresent(s -> s.rates().forEach(r -> storedValue.put(r.time(), r.rate())));
            storedSource = stored.map(FundingRateSeries::source).orElse("");
        }
        // a stored range has one source in practice; when several are joined ("a; b"), any row counts as replaced
        boolean sameSource = storedSource.equals(source);
        Map<Object, String> effects = new HashMap<>();
        for (MarketCsv.Row row : rows) {
            BigDecimal old = storedValue.get(row.key());
            if (old == null) {
                effects.put(row.key(), "new");
            } else if (old.compareTo(row.value()) == 0 && sameSource) {
                effects.put(row.key(), "unchanged");
            } else {
                effects.put(row.key(), "replaces " + old.stripTrailingZeros().toPlainString());
            }
        }
        return effects;
    }

    private static String key(Comparable<?> key) {
        return key instanceof Instant time ? time.atOffset(ZoneOffset.UTC).toString() : key.toString();
    }

    /** The file name as shown and stored: letters, digits, ". _ -" and spaces, at most 100 characters. */
    static String safeName(String fileName) {
        String name = fileName == null
                ? ""
                : fileName.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        name = name.length() > 100 ? name.substring(0, 100) : name;
        return name.isEmpty() ? "upload.csv" : name;
    }
}
