package io.hedgedesk.persistence.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The in-memory copy of whole series: reused within the TTL, reloaded after it or after a write. */
class HistoryCacheTest {

    private static final Duration TTL = Duration.ofSeconds(60);
    private final AtomicLong clock = new AtomicLong();
    private final HistoryCache<String> cache = new HistoryCache<>(TTL, null, clock::get);
    private final AtomicInteger loads = new AtomicInteger();

    private Optional<String> load() {
        return Optional.of("rows v" + loads.incrementAndGet());
    }

    @Test
    void aSeriesIsReadOnceWithinTheTtlAndAgainAfterIt() {
        assertThat(cache.get("BTC", this::load)).contains("rows v1");
        clock.addAndGet(TTL.toNanos() - 1);
        assertThat(cache.get("BTC", this::load)).contains("rows v1");
        assertThat(cache.get("ETH", this::load)).contains("rows v2");
        clock.addAndGet(1);
        assertThat(cache.get("BTC", this::load)).contains("rows v3");
    }

    @Test
    void aWriteEmptiesTheCacheAndAbsenceIsCachedToo() {
        assertThat(cache.get("NEW", Optional::empty)).isEmpty();
        assertThat(cache.get("NEW", this::load))
                .as("no stored rows, remembered")
                .isEmpty();
        cache.invalidate();
        assertThat(cache.get("NEW", this::load)).contains("rows v1");
    }

    /** A read that started before a write must not store what it read: the write may have changed it. */
    @Test
    void aReadOverlappingAWriteIsNotKept() {
        assertThat(cache.get("BTC", () -> {
                    cache.invalidate(); // the write commits while the old rows are being read
                    return Optional.of("old rows");
                }))
                .contains("old rows");
        assertThat(cache.get("BTC", this::load)).contains("rows v1");
    }

    @Test
    void aZeroTimeToLiveReadsEveryTime() {
        HistoryCache<String> off = new HistoryCache<>(Duration.ZERO, null, clock::get);
        assertThat(off.get("BTC", this::load)).contains("rows v1");
        assertThat(off.get("BTC", this::load)).contains("rows v2");
    }
}
