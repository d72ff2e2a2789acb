package io.hedgedesk.pricing.ledger;

import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The close targets of a hedge; an empty value means no target.
 *
 * @param stopPrice         a price level at which to stop the hedge out (quote currency), positive
 * @param takeProfitPrice   a price level at which to take the hedge's profit (quote currency), positive
 * @param maxFundingCostUsd the most funding the hedge may cost, USD, positive
 */
public record CloseTargets(
        Optional<BigDecimal> stopPrice, Optional<BigDecimal> takeProfitPrice, Optional<BigDecimal> maxFundingCostUsd) {

    public CloseTargets {
        positiveIfPresent(stopPrice, "stopPrice");
        positiveIfPresent(takeProfitPrice, "takeProfitPrice");
        positiveIfPresent(maxFundingCostUsd, "maxFundingCostUsd");
    }

    /**
     * Checks the levels of these targets that differ from the {@code stored} ones against the current mark {@code P}.
     * A stop closes the hedge when the price moves against it, a take-profit when it moves in its favour, so for a
     * SHORT the stop must be above {@code P} and the take-profit below it; for a LONG the stop below and the
     * take-profit above. A level on the wrong side, or at the mark, would trigger at once and is refused (field
     * {@code stopPrice} or {@code takeProfitPrice}, both when both are wrong). A stored level the mark has crossed
     * since was reached; saving it again unchanged is not refused. Without a mark only positivity is checked.
     *
     * @param side      the hedge's side
     * @param stored    the targets stored now
     * @param markPrice the current mark, quote currency, if known
     */
    public void requireOnTheRightSide(Side side, CloseTargets stored, Optional<BigDecimal> markPrice) {
        Objects.requireNonNull(side, "side");
        if (markPrice.isEmpty()) {
            return;
        }
        BigDecimal mark = markPrice.get();
        boolean isShort = side == Side.SHORT;
        Map<String, String> errors = new HashMap<>();
        changed(stopPrice, stored.stopPrice).ifPresent(stop -> {
            int cmp = stop.compareTo(mark);
            if (isShort ? cmp <= 0 : cmp >= 0) {
                errors.put("stopPrice", message(side, "stop", isShort ? "above" : "below", stop, mark));
            }
        });
        changed(takeProfitPrice, stored.takeProfitPrice).ifPresent(take -> {
            int cmp = take.compareTo(mark);
            if (isShort ? cmp >= 0 : cmp <= 0) {
                errors.put("takeProfitPrice", message(side, "take-profit", isShort ? "below" : "above", take, mark));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidHedgeException(errors);
        }
    }

    private static Optional<BigDecimal> changed(Optional<BigDecimal> wanted, Optional<BigDecimal> stored) {
        return wanted.filter(w -> stored.isEmpty() || w.compareTo(stored.get()) != 0);
    }

    private static String message(Side side, String target, String where, BigDecimal level, BigDecimal mark) {
        return "A " + side.name().toLowerCase(java.util.Locale.ROOT) + " hedge's " + target + " must be " + where
                + " the current mark " + plain(mark) + "; at " + plain(level) + " it would trigger at once.";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static void positiveIfPresent(Optional<BigDecimal> value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isPresent() && value.get().signum() <= 0) {
            throw InvalidHedgeException.of(field, "Must be greater than zero, or left empty.");
        }
    }
}
