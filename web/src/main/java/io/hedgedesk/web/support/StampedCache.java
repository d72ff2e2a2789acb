package io.hedgedesk.web.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Values built per key (a user) and kept while the data they were built from is unchanged: each is stored with the
 * stamp of that data ({@link io.hedgedesk.persistence.team.DataVersions}, moved by database triggers on every write,
 * by any instance) and served again only to a caller holding the same stamp. The time to live bounds what the stamp
 * does not cover: what a value says about "now" (a mark's age, "stale"). When it has passed, one caller rebuilds
 * while the others are still served the value (for at most one more time to live): otherwise every request in
 * flight rebuilds at once, which was most of the dashboard's p99. A time to live of 0 turns the cache off.
 */
public final class StampedCache<K, V> {

    /**
     * Past this many keys the cache starts over rather than grow. A value is a page's worth of data (the dashboard's
     * ~8 KB of HTML, a portfolio's valuation); an entry is useless after twice the time to live, so this only has to
     * hold the keys of a few seconds: 2,000 bounds the worst case to tens of MB.
     */
    static final int MAX_ENTRIES = 2_000;

    private record Entry<V>(String stamp, long builtAt, V value, AtomicBoolean rebuilding) {}

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    public StampedCache(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * The value stored for {@code key} at {@code stamp} if younger than the time to live, else what {@code builder}
     * builds (then stored). The caller reads {@code stamp} before the builder reads the data, so a value is never
     * older than its stamp.
     */
    public V get(K key, String stamp, Supplier<V> builder) {
        long now = nanoTime.getAsLong();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.stamp().equals(stamp)) {
            long age = now - entry.builtAt();
            if (age < ttlNanos) {
                return entry.value();
            }
            if (age < 2 * ttlNanos && !entry.rebuilding().compareAndSet(false, true)) {
                return entry.value(); // another caller is rebuilding it
            }
        }
        V value = builder.get();
        if (ttlNanos > 0) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry<>(stamp, now, value, new AtomicBoolean()));
        }
        return value;
    }
}
