package io.hedgedesk.persistence.hedge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One stored ledger event with its hedge, portfolio and member, as the history reads it (unrounded amounts, no
 * catalog values: the web module adds the contract's venue, unit and the trade's USD notional).
 *
 * @param cashAsset the settlement asset of fee, funding, realized PnL and cash change
 */
public record HedgeEventRow(
        long eventId,
        Instant occurredAt,
        long portfolioId,
        String portfolio,
        String member,
        String eventType,
        long hedgeId,
        String contractId,
        String contractType,
        String side,
        String hedgeStatus,
        Optional<BigDecimal> quantity,
        Optional<BigDecimal> price,
        Optional<BigDecimal> fee,
        Optional<BigDecimal> fundingRate,
        Optional<BigDecimal> realizedPnl,
        String cashAsset,
        BigDecimal settlementUsd,
        BigDecimal cashChange,
        BigDecimal cashChangeUsd,
        Optional<Long> correctsEventId,
        String note) {}
