package io.hedgedesk.domain.hedge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a hedge's append-only ledger.
 *
 * @param id              event id (ascending in recording order)
 * @param hedgeId         the hedge
 * @param type            what happened
 * @param occurredAt      when it happened (UTC)
 * @param actorName       who recorded it
 * @param quantity        trades: contracts or quantity units
 * @param price           trades: the fill price
 * @param settlementAsset the asset of the cash amounts
 * @param settlementUsd   USD price of one unit of the settlement asset at the time
 * @param cashChange      signed change of the account balance, settlement asset (realized PnL − fee + funding ± margin)
 * @param cashChangeUsd   the same in USD at the time
 * @param fee             fee paid on this event, settlement asset (negative = rebate)
 * @param fundingRate     the funding rate of a FUNDING event, if known
 * @param realizedPnl     REDUCE and CLOSE: PnL of the closed part, settlement asset, fees excluded
 * @param realizedPnlUsd  the same in USD at the exit price
 * @param sizeAfter       the position's size after the event
 * @param entryAfter      its average entry after the event
 * @param correctsEventId the event this one corrects, if any
 * @param note            free text
 * @param voided          true when a VOID event voids this one (or its hedge): it counts nowhere, shown struck through
 */
public record HedgeEvent(
        long id,
        long hedgeId,
        HedgeEventType type,
        Instant occurredAt,
        String actorName,
        Optional<BigDecimal> quantity,
        Optional<BigDecimal> price,
        String settlementAsset,
        BigDecimal settlementUsd,
        BigDecimal cashChange,
        BigDecimal cashChangeUsd,
        Optional<BigDecimal> fee,
        Optional<BigDecimal> fundingRate,
        Optional<BigDecimal> realizedPnl,
        Optional<BigDecimal> realizedPnlUsd,
        BigDecimal sizeAfter,
        BigDecimal entryAfter,
        Optional<Long> correctsEventId,
        String note,
        boolean voided) {

    public HedgeEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(cashChange, "cashChange");
        note = note == null ? "" : note;
    }
}
