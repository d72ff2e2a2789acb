package io.hedgedesk.web.market;

import io.hedgedesk.domain.market.FundingHistoryCoverage;
import io.hedgedesk.domain.market.HistoryCoverage;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * How old the stored market data is: the newest daily close and the newest funding settlement of any series, read at
 * most once a minute (the layout asks on every page that values with them). When either is older than three days —
 * the shipped history ends long before today — {@link #notice()} says so, naming the dates.
 */
@ApplicationScoped
public class MarketDataAge {

    static final Duration REREAD = Duration.ofMinutes(1);
    /** Older than this, a stored close or settlement is not "today's market" (the market page's stale flag for closes). */
    static final Duration OLD_AFTER = Duration.ofDays(3);

    private static final Logger LOG = Logger.getLogger(MarketDataAge.class);

    private record Read(Instant at, Optional<String> notice) {}

    private final PriceHistoryRepository prices;
    private final FundingHistoryRepository funding;
    private final Clock clock;
    private volatile Read last;

    public MarketDataAge(PriceHistoryRepository prices, FundingHistoryRepository funding, Clock clock) {
        this.prices = prices;
        this.funding = funding;
        this.clock = clock;
    }

    /** The banner's text when the stored data is old, else empty; empty too while the database cannot be read. */
    public Optional<String> notice() {
        Instant now = clock.instant();
        Read read = last;
        if (read == null || read.at().plus(REREAD).isBefore(now)) {
            read = new Read(now, readNotice(now));
            last = read;
        }
        return read.notice();
    }

    private Optional<String> readNotice(Instant now) {
        try {
            Optional<LocalDate> close =
                    prices.coverage().stream().map(HistoryCoverage::lastDay).max(Comparator.naturalOrder());
            Optional<LocalDate> settlement = funding.coverage().stream()
                    .map(FundingHistoryCoverage::lastTime)
                    .max(Comparator.naturalOrder())
                    .map(t -> t.atOffset(ZoneOffset.UTC).toLocalDate());
            return notice(close, settlement, now.atOffset(ZoneOffset.UTC).toLocalDate());
        } catch (RuntimeException unreadable) {
            LOG.debugf(unreadable, "market data age not read");
            return Optional.empty();
        }
    }

    /** The text for the newest stored close and settlement (UTC days) seen on {@code today}; empty when both are recent. */
    static Optional<String> notice(Optional<LocalDate> close, Optional<LocalDate> settlement, LocalDate today) {
        LocalDate oldBefore = today.minusDays(OLD_AFTER.toDays());
        List<String> old = new ArrayList<>();
        close.filter(d -> d.isBefore(oldBefore)).ifPresent(d -> old.add("the newest daily close is of " + d));
        settlement.filter(d -> d.isBefore(oldBefore)).ifPresent(d -> old.add("the newest funding rate of " + d));
        if (old.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Stored market data is old: " + String.join(" and ", old) + ". Values, plans and funding"
                + " figures here use it wherever no newer team price or venue tick exists; enter today's prices on the"
                + " portfolio page.");
    }
}
