package io.hedgedesk.pricing.ledger;

import io.hedgedesk.domain.hedge.LedgerEntry;
import io.hedgedesk.domain.hedge.LedgerPosition;
import java.util.List;
import java.util.Objects;

/**
 * What one ledger rule produced: the position after it and the entries to append, in recording order.
 *
 * @param after   the position after the action
 * @param entries at least one; the first is the main entry (OPEN for an opening, the action's own otherwise)
 */
public record LedgerStep(LedgerPosition after, List<LedgerEntry> entries) {

    public LedgerStep {
        Objects.requireNonNull(after, "after");
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a ledger step appends at least one entry");
        }
    }

    /** The main entry. */
    public LedgerEntry entry() {
        return entries.get(0);
    }
}
