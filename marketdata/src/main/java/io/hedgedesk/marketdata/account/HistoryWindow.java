package io.hedgedesk.marketdata.account;

import io.hedgedesk.marketdata.statement.StatementRow;
import java.time.Instant;
import java.util.List;

/** The window rules both venues share. */
final class HistoryWindow {

    private HistoryWindow() {}

    static void check(Instant from, Instant to) {
        if (!from.isBefore(to) || from.plus(HistoryStream.WINDOW).isBefore(to)) {
            throw new IllegalArgumentException("a history window is 1 ms to 7 days long: " + from + " – " + to);
        }
    }

    /** The rows of [from, to): a venue that answers with more is not trusted with the rest. */
    static List<StatementRow> within(List<StatementRow> rows, Instant from, Instant to) {
        return rows.stream()
                .filter(r -> !r.time().isBefore(from) && r.time().isBefore(to))
                .toList();
    }
}
