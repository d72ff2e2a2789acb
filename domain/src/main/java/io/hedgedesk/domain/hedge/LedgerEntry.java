package io.hedgedesk.domain.hedge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A ledger row about to be appended (what {@link HedgeEvent} is once stored, without id and actor).
 *
 * @param type            what happened
 * @param occurredAt      when it happened (UTC)
 * @param quantity        trades: contracts or quantity units
 * @param price           trades: the fill price, quote currency
 * @param fee             fee paid on this event, settlement asset (negative = rebate)
 * @param fundingRate     FUNDING: the rate, if known (positive = longs pay shorts)
 * @param settlementUsd   USD price of one unit of the settlement asset at the time
 * @param cashChange      signed change of the account balance, settlement asset
 * @param cashChangeUsd   {@code cashChange × settlementUsd}
 * @param realizedPnl     REDUCE and CLOSE: PnL of the closed part, settlement asset, fees excluded
 * @param realizedPnlUsd  the same in USD at the exit price
 * @param sizeAfter       the position's size after the event
 * @param entryAfter      its average entry after the event
 * @param correctsEventId the event this one corrects, if any
 * @param note            free text, possibly empty
 */
public record LedgerEntry(
        HedgeEventType type,
        Instant occurredAt,
        Optional<BigDecimal> quantity,
        Optional<BigDecimal> price,
        Optional<BigDecimal> fee,
        Optional<BigDecimal> fundingRate,
        BigDecimal settlementUsd,
        BigDecimal cashChange,
        BigDecimal cashChangeUsd,
        Optional<BigDecimal> realizedPnl,
        Optional<BigDecimal> realizedPnlUsd,
        BigDecimal sizeAfter,
        BigDecimal entryAfter,
        Optional<Long> correctsEventId,
        String note) {

    public LedgerEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(fundingRate, "fundingRate");
        Objects.requireNonNull(settlementUsd, "settlementUsd");
        Objects.requireNonNull(cashChange, "cashChange");
        Objects.requireNonNull(cashChangeUsd, "cashChangeUsd");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(realizedPnlUsd, "realizedPnlUsd");
        Objects.requireNonNull(sizeAfter, "sizeAfter");
        Objects.requireNonNull(entryAfter, "entryAfter");
        Objects.requireNonNull(correctsEventId, "correctsEventId");
        note = note == null ? "" : note;
    }
}
