package io.hedgedesk.pricing.ledger;

import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.hedge.HedgeEventType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * The events of a hedge's ledger that count, in time order, and the UTC days of its life: from the first event's day
 * to the day of the close that left it empty, or a given last day while it is open. Voided events (recorded by
 * mistake) and the VOID rows count nowhere.
 *
 * @param events the counted events, by time then id; at least one
 * @param from   the first event's UTC day
 * @param end    the day of the closing CLOSE (size 0 after it), else the {@code to} given
 */
public record LedgerLife(List<HedgeEvent> events, LocalDate from, LocalDate end) {

    public LedgerLife {
        events = List.copyOf(events);
    }

    /** The counted ledger of {@code events} (any order), or empty when none counts. */
    public static java.util.Optional<LedgerLife> of(List<HedgeEvent> events, LocalDate to) {
        List<HedgeEvent> ledger = events.stream()
                .filter(e -> !e.voided() && e.type() != HedgeEventType.VOID)
                .sorted(Comparator.comparing(HedgeEvent::occurredAt).thenComparingLong(HedgeEvent::id))
                .toList();
        if (ledger.isEmpty()) {
            return java.util.Optional.empty();
        }
        LocalDate end = ledger.stream()
                .filter(e -> e.type() == HedgeEventType.CLOSE && e.sizeAfter().signum() == 0)
                .map(e -> day(e.occurredAt()))
                .findFirst()
                .orElse(to);
        return java.util.Optional.of(new LedgerLife(ledger, day(ledger.get(0).occurredAt()), end));
    }

    /** The UTC day of {@code time}. */
    public static LocalDate day(Instant time) {
        return time.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
