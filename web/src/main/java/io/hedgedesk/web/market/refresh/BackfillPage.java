package io.hedgedesk.web.market.refresh;

import io.hedgedesk.marketdata.refresh.BackfillJob;
import io.hedgedesk.web.view.Times;
import java.util.List;
import java.util.Map;

/**
 * What {@code market/backfill.html} shows, as display text (the template does no formatting).
 *
 * @param source      the source's name
 * @param live        whether backfills can run (not offline)
 * @param contracts   the catalog ids the source serves, for the form
 * @param form        the values typed in (kept after an error)
 * @param error       why the last request was refused; empty if none
 * @param message     a flash message; empty if none
 * @param jobs        the latest backfill of each series, newest first
 * @param lastRefresh a line about the last scheduled refresh; empty if none ran
 */
public record BackfillPage(
        String source,
        boolean live,
        List<String> contracts,
        Map<String, String> form,
        String error,
        String message,
        List<Row> jobs,
        String lastRefresh) {

    /** One backfill as shown. */
    public record Row(
            String series,
            String range,
            String status,
            String progress,
            String stored,
            String requested,
            String finished,
            String error) {

        static Row of(BackfillJob job) {
            String expected = job.expected() > 0 ? String.valueOf(job.expected()) : "?";
            return new Row(
                    job.series(),
                    job.from() + " to " + job.to(),
                    job.status().name().toLowerCase(),
                    job.fetched() + " of " + expected,
                    String.valueOf(job.stored()),
                    Times.utc(job.requestedAt()) + " by " + job.requestedBy(),
                    job.finishedAt().map(Times::utc).orElse(""),
                    job.error().orElse(""));
        }
    }
}
