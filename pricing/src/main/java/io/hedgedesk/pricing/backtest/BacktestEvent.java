package io.hedgedesk.pricing.backtest;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Something that happened to a leg during a replay.
 *
 * @param date  the close it happened at
 * @param asset the leg's coin (the hedge coin for a proxy leg)
 * @param kind  what happened
 * @param words what happened, with its numbers, for people
 */
public record BacktestEvent(LocalDate date, String asset, Kind kind, String words) {

    /** What happened. */
    public enum Kind {
        OPEN,
        REBALANCE,
        TOP_UP,
        LIQUIDATION,
        SKIPPED
    }

    public BacktestEvent {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(words, "words");
    }
}
