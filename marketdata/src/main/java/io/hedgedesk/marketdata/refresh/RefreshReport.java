package io.hedgedesk.marketdata.refresh;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one refresh did.
 *
 * @param at        when it ran
 * @param source    the source's name
 * @param refreshed contract ids whose tick was stored
 * @param failed    contract id → why its tick or funding could not be refreshed
 */
public record RefreshReport(Instant at, String source, List<String> refreshed, Map<String, String> failed) {

    public RefreshReport {
        refreshed = List.copyOf(refreshed);
        failed = Map.copyOf(failed);
    }
}
