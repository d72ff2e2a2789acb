package io.hedgedesk.marketdata.refresh;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.InvalidMarketDataException;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.domain.market.feed.MarketDataException;
import io.hedgedesk.domain.market.feed.MarketDataSource;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.market.MarketDataStoreException;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * History backfills from the live source, in the background (two worker threads), storing each page as it arrives
 * with the idempotent upserts, so a failed or repeated backfill leaves only whole, correct rows. At most one backfill
 * per stored series is queued or running at a time.
 */
@ApplicationScoped
public class BackfillService {

    /** No perpetual has funding or candles before this day. */
    static final LocalDate EARLIEST = LocalDate.of(2016, 1, 1);
    /** The longest range one request may ask for (about ten years). */
    static final int MAX_DAYS = 3660;

    private static final Logger LOG = Logger.getLogger(BackfillService.class);

    private final MarketDataSource source;
    private final ContractCatalog catalog;
    private final FundingHistoryRepository funding;
    private final PriceHistoryRepository prices;
    private final Clock clock;
    private final ConcurrentHashMap<String, BackfillJob> latest = new ConcurrentHashMap<>();
    private final ExecutorService workers;

    public BackfillService(
            MarketDataSource source,
            ContractCatalog catalog,
            FundingHistoryRepository funding,
            PriceHistoryRepository prices,
            Clock clock) {
        this.source = source;
        this.catalog = catalog;
        this.funding = funding;
        this.prices = prices;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "market-backfill-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The source backfills read from. */
    public MarketDataSource source() {
        return source;
    }

    /**
     * Queues a backfill of {@code kind} for {@code contractId} over the UTC days {@code from..to} (inclusive).
     *
     * @param requestedById the user the stored rows record as their writer (empty: none)
     * @param requestedBy   the name shown with the backfill
     * @throws BackfillRefusedException when the source is offline or does not serve the contract, the range is invalid,
     *                                  or a backfill of the same series is already queued or running
     */
    public BackfillJob start(
            BackfillKind kind,
            String contractId,
            LocalDate from,
            LocalDate to,
            OptionalLong requestedById,
            String requestedBy) {
        if (!source.live()) {
            throw new BackfillRefusedException(
                    "The market-data source is offline, so there is nothing to fetch: history "
                            + "comes from the shipped files and the CSV import. Set hedgedesk.market.source to bybit or binance.");
        }
        Instrument contract = catalog.find(contractId)
                .orElseThrow(() -> new BackfillRefusedException("Unknown contract " + contractId + "."));
        if (!source.supports(contract)) {
            throw new BackfillRefusedException(source.name() + " does not serve " + contract.id() + ".");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        // Today's daily candle is not closed yet; today's past funding settlements are final.
        LocalDate lastDay = kind == BackfillKind.PRICES ? today.minusDays(1) : today;
        if (from.isAfter(to)) {
            throw new BackfillRefusedException("From " + from + " is after to " + to + ".");
        }
        if (to.isAfter(lastDay)) {
            throw new BackfillRefusedException("To must be on or before " + lastDay
                    + (kind == BackfillKind.PRICES ? " (today's daily candle is not closed)." : "."));
        }
        if (from.isBefore(EARLIEST)) {
            throw new BackfillRefusedException("From must be on or after " + EARLIEST + ".");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new BackfillRefusedException("At most " + MAX_DAYS + " days per backfill.");
        }
        String series = kind == BackfillKind.FUNDING
                ? "FUNDING " + contract.id()
                : "PRICES " + contract.baseAsset().symbol();
        BackfillJob job = new BackfillJob(
                series,
                kind,
                contract.id(),
                from,
                to,
                expected(kind, contract, from, to),
                clock.instant(),
                requestedById,
                requestedBy);
        latest.compute(series, (key, existing) -> {
            if (existing != null && existing.status().active()) {
                throw new BackfillRefusedException("A backfill of " + series + " is already "
                        + existing.status().name().toLowerCase() + "; wait for it to finish.");
            }
            return job;
        });
        workers.execute(() -> run(job, contract));
        return job;
    }

    /** The latest backfill of each series, newest request first. */
    public List<BackfillJob> jobs() {
        List<BackfillJob> jobs = new ArrayList<>(latest.values());
        jobs.sort(Comparator.comparing(BackfillJob::requestedAt).reversed());
        return jobs;
    }

    /**
     * Rows the range should hold: one close per day; for funding, one settlement per catalog interval from the start
     * of {@code from} to the end of {@code to} or now, whichever is earlier (0 = unknown, e.g. continuous accrual).
     */
    int expected(BackfillKind kind, Instrument contract, LocalDate from, LocalDate to) {
        if (kind == BackfillKind.PRICES) {
            return Math.toIntExact(ChronoUnit.DAYS.between(from, to) + 1);
        }
        Duration interval = contract.fundingInterval();
        if (interval.isZero()) {
            return 0;
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant now = clock.instant();
        Duration span = Duration.between(start, end.isAfter(now) ? now : end);
        return Math.toIntExact(span.toMillis() / interval.toMillis());
    }

    private void run(BackfillJob job, Instrument contract) {
        job.running();
        try {
            if (job.kind() == BackfillKind.FUNDING) {
                source.fundingHistory(
                        contract,
                        job.from().atStartOfDay(ZoneOffset.UTC).toInstant(),
                        job.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        (page, text) -> job.page(
                                page.size(),
                                funding.upsert(new FundingRateSeries(contract.id(), text, page), job.requestedById())));
            } else {
                String asset = contract.baseAsset().symbol();
                source.dailyCloses(
                        contract,
                        job.from(),
                        job.to(),
                        (page, text) -> job.page(
                                page.size(), prices.upsert(new PriceSeries(asset, text, page), job.requestedById())));
            }
            job.done(clock.instant());
        } catch (MarketDataException | MarketDataStoreException | InvalidMarketDataException e) {
            LOG.warnf("backfill of %s failed: %s", job.series(), e.getMessage());
            job.failed(clock.instant(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "backfill of %s failed", job.series());
            job.failed(clock.instant(), "unexpected error (" + e.getClass().getSimpleName() + "); see the log");
        }
    }

    @PreDestroy
    public void stop() {
        workers.shutdownNow();
    }
}
