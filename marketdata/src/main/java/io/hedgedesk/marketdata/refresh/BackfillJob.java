package io.hedgedesk.marketdata.refresh;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One backfill's progress, updated by its worker thread and read by the page (hence atomics and volatiles).
 *
 * @see BackfillService
 */
public final class BackfillJob {

    private final String series;
    private final BackfillKind kind;
    private final String contractId;
    private final LocalDate from;
    private final LocalDate to;
    private final int expected;
    private final Instant requestedAt;
    private final OptionalLong requestedById;
    private final String requestedBy;
    private final AtomicInteger fetched = new AtomicInteger();
    private final AtomicInteger stored = new AtomicInteger();
    private volatile BackfillStatus status = BackfillStatus.QUEUED;
    private volatile String error;
    private volatile Instant finishedAt;
    private final CompletableFuture<BackfillStatus> completion = new CompletableFuture<>();

    BackfillJob(
            String series,
            BackfillKind kind,
            String contractId,
            LocalDate from,
            LocalDate to,
            int expected,
            Instant requestedAt,
            OptionalLong requestedById,
            String requestedBy) {
        this.series = series;
        this.kind = kind;
        this.contractId = contractId;
        this.from = from;
        this.to = to;
        this.expected = expected;
        this.requestedAt = requestedAt;
        this.requestedById = requestedById;
        this.requestedBy = requestedBy;
    }

    void running() {
        status = BackfillStatus.RUNNING;
    }

    void page(int rowsFetched, int rowsChanged) {
        fetched.addAndGet(rowsFetched);
        stored.addAndGet(rowsChanged);
    }

    void done(Instant at) {
        finishedAt = at;
        status = BackfillStatus.DONE;
        completion.complete(status);
    }

    void failed(Instant at, String message) {
        error = message;
        finishedAt = at;
        status = BackfillStatus.FAILED;
        completion.complete(status);
    }

    /** Completes with DONE or FAILED when the backfill ends. */
    public CompletableFuture<BackfillStatus> completion() {
        return completion;
    }

    /** The stored series written: {@code "FUNDING BYBIT:BTCUSD"} or {@code "PRICES BTC"}. */
    public String series() {
        return series;
    }

    public BackfillKind kind() {
        return kind;
    }

    public String contractId() {
        return contractId;
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    /** Rows the range should hold: days for closes, settlements at the catalog interval for funding. */
    public int expected() {
        return expected;
    }

    public int fetched() {
        return fetched.get();
    }

    /** Rows inserted or changed (0 for rows already stored as they are). */
    public int stored() {
        return stored.get();
    }

    public BackfillStatus status() {
        return status;
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    /** The user whom the stored rows name as their writer, if any. */
    public OptionalLong requestedById() {
        return requestedById;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }
}
