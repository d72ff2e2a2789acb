package io.hedgedesk.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StampedCacheTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicInteger builds = new AtomicInteger();

    private String build() {
        return "value " + builds.incrementAndGet();
    }

    @Test
    void theSameStampWithinTheTimeToLiveIsServedFromMemory() {
        StampedCache<Long, String> cache = new StampedCache<>(Duration.ofSeconds(5), nanos::get);
        assertThat(cache.get(1L, "7:OWNER:3|9", this::build)).isEqualTo("value 1");
        nanos.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(cache.get(1L, "7:OWNER:3|9", this::build)).isEqualTo("value 1");
        assertThat(builds).hasValue(1);
    }

    @Test
    void aNewStampRebuildsAtOnce() {
        StampedCache<Long, String> cache = new StampedCache<>(Duration.ofSeconds(5), nanos::get);
        cache.get(1L, "7:OWNER:3|9", this::build);
        assertThat(cache.get(1L, "7:OWNER:4|9", this::build)).isEqualTo("value 2");
        // and an old stamp is not served the newer value either
        assertThat(cache.get(1L, "7:OWNER:3|9", this::build)).isEqualTo("value 3");
    }

    @Test
    void theTimeToLiveEndsAValueWhoseStampIsUnchanged() {
        StampedCache<Long, String> cache = new StampedCache<>(Duration.ofSeconds(5), nanos::get);
        cache.get(1L, "s", this::build);
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(cache.get(1L, "s", this::build)).isEqualTo("value 2");
        assertThat(cache.get(1L, "s", this::build)).isEqualTo("value 2");
    }

    @Test
    void pastTheTimeToLiveOneCallerRebuildsWhileTheOthersAreStillServedForAtMostAnotherTimeToLive() {
        StampedCache<Long, String> cache = new StampedCache<>(Duration.ofSeconds(5), nanos::get);
        cache.get(1L, "s", this::build);
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        String[] seenWhileRebuilding = new String[1];
        String rebuilt = cache.get(1L, "s", () -> {
            seenWhileRebuilding[0] = cache.get(1L, "s", this::build); // a concurrent request meanwhile
            return build();
        });
        assertThat(seenWhileRebuilding[0]).isEqualTo("value 1");
        assertThat(rebuilt).isEqualTo("value 2");
        assertThat(cache.get(1L, "s", this::build)).isEqualTo("value 2");

        // a rebuild that never finished (it failed) holds the others back for one more time to live at most
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        try {
            cache.get(1L, "s", () -> {
                throw new IllegalStateException("database down");
            });
        } catch (IllegalStateException expected) {
            // the caller's request fails; the entry stays
        }
        assertThat(cache.get(1L, "s", this::build)).isEqualTo("value 2");
        nanos.addAndGet(Duration.ofSeconds(4).toNanos()); // 10 s old: twice the time to live
        assertThat(cache.get(1L, "s", this::build)).isEqualTo("value 3");
    }

    @Test
    void aNewStampIsNeverServedAnOldValueEvenWhileRebuilding() {
        StampedCache<Long, String> cache = new StampedCache<>(Duration.ofSeconds(5), nanos::get);
        cache.get(1L, "s1", this::build);
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        String[] seen = new String[1];
        cache.get(1L, "s1", () -> {
            seen[0] = cache.get(1L, "s2", this::build);
            return build();
        });
        assertThat(seen[0]).isEqualTo("value 2");
    }

    @Test
    void keysAreApartEvenWithEqualStamps() {
        StampedCache<Long, String> cache = new StampedCache<>(Duration.ofSeconds(5), nanos::get);
        cache.get(1L, "s", this::build);
        assertThat(cache.get(2L, "s", this::build)).isEqualTo("value 2");
        assertThat(cache.get(1L, "s", this::build)).isEqualTo("value 1");
    }

    @Test
    void aTimeToLiveOfZeroBuildsEveryTime() {
        StampedCache<Long, String> cache = new StampedCache<>(Duration.ZERO, nanos::get);
        cache.get(1L, "s", this::build);
        assertThat(cache.get(1L, "s", this::build)).isEqualTo("value 2");
    }

    @Test
    void pastTheSizeLimitItStartsOver() {
        StampedCache<Long, String> cache = new StampedCache<>(Duration.ofSeconds(5), nanos::get);
        for (long key = 0; key < StampedCache.MAX_ENTRIES; key++) {
            cache.get(key, "s", this::build);
        }
        cache.get(-1L, "s", this::build); // the limit is reached: everything else is forgotten
        assertThat(cache.get(-1L, "s", this::build)).isEqualTo("value " + (StampedCache.MAX_ENTRIES + 1));
        assertThat(cache.get(0L, "s", this::build)).isEqualTo("value " + (StampedCache.MAX_ENTRIES + 2));
    }
}
