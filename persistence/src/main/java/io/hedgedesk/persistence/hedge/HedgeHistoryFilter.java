package io.hedgedesk.persistence.hedge;

import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Filters of the hedge history page and its export; every one optional.
 *
 * @param portfolioId only this portfolio (it must be in the user's teams)
 * @param asset       only hedges on contracts of this base asset, e.g. "BTC"
 * @param from        events on or after this UTC day
 * @param to          events on or before this UTC day
 * @param status      only hedges in this status
 */
public record HedgeHistoryFilter(
        Optional<Long> portfolioId,
        Optional<String> asset,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        Optional<HedgeStatus> status) {

    public HedgeHistoryFilter {
        Objects.requireNonNull(portfolioId, "portfolioId");
        asset = Objects.requireNonNull(asset, "asset")
                .map(a -> a.strip().toUpperCase(java.util.Locale.ROOT))
                .filter(a -> !a.isEmpty());
        asset.ifPresent(a -> {
            if (!a.matches("[A-Z0-9]{1,15}")) {
                throw InvalidHedgeException.of("asset", "An asset symbol has 1 to 15 letters or digits.");
            }
        });
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(status, "status");
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw InvalidHedgeException.of("to", "The end date must not be before the start date.");
        }
    }

    public static HedgeHistoryFilter all() {
        return new HedgeHistoryFilter(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
