package io.hedgedesk.persistence.market;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Whole stored series (all daily closes of an asset, all funding settlements of a contract) kept in memory for
 * a while. The planner reads several whole series per page; loading them was ~80 % of its time
 * ({@code bench/README.md}). Values are immutable domain records. A write through the owning repository empties the
 * cache at once and again when its transaction ends (a read between the two could otherwise store the old rows);
 * another instance's write is seen within the time to live ({@code hedgedesk.history-cache-ttl}, 60 s:
 * history changes by daily closes and 8-hour fundings; 0 turns the cache off).
 */
final class HistoryCache<V> {

    /** More series than the catalog has, by far; past it the cache starts over rather than grow. */
    private static final int MAX_ENTRIES = 2_000;

    private record Entry<V>(Optional<V> value, long loadedAt, long generation) {}

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final TransactionSynchronizationRegistry transactions;
    private final LongSupplier nanoTime;

    private final long ttlNanos;

    HistoryCache(Duration ttl, TransactionSynchronizationRegistry transactions, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.transactions = transactions;
        this.nanoTime = nanoTime;
    }

    /** The cached series of {@code key}, or what {@code loader} reads (stored unless a write happened meanwhile). */
    Optional<V> get(String key, Supplier<Optional<V>> loader) {
        long now = nanoTime.getAsLong();
        long current = generation.get();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.generation() == current && now - entry.loadedAt() < ttlNanos) {
            return entry.value();
        }
        Optional<V> loaded = loader.get();
        if (ttlNanos > 0 && generation.get() == current) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry<>(loaded, now, current));
        }
        return loaded;
    }

    /** Forgets everything now and, inside a transaction, again once it has committed or rolled back. */
    void invalidate() {
        clear();
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    clear();
                }
            });
        }
    }

    private void clear() {
        generation.incrementAndGet();
        entries.clear();
    }
}
