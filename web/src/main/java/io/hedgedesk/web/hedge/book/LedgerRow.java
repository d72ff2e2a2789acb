package io.hedgedesk.web.hedge.book;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One ledger event with what an export needs about its hedge, portfolio and member (unrounded amounts).
 *
 * @param quantityUnit "CONTRACTS" (inverse) or the coin of a linear quantity unit
 * @param faceValue    the contract size: USD per contract (inverse) or coins per quantity unit (linear)
 * @param usdNotional  trades: the USD notional of the quantity at the price
 * @param cashAsset    the settlement asset of fee, funding, realized PnL and cash change
 */
public record LedgerRow(
        long eventId,
        Instant occurredAt,
        long portfolioId,
        String portfolio,
        String member,
        String venue,
        String eventType,
        long hedgeId,
        String instrument,
        String baseAsset,
        String contractType,
        String side,
        String hedgeStatus,
        Optional<BigDecimal> quantity,
        String quantityUnit,
        BigDecimal faceValue,
        Optional<BigDecimal> price,
        Optional<BigDecimal> usdNotional,
        Optional<BigDecimal> fee,
        Optional<BigDecimal> fundingRate,
        Optional<BigDecimal> fundingAmount,
        Optional<BigDecimal> realizedPnl,
        String cashAsset,
        BigDecimal settlementUsd,
        BigDecimal cashChange,
        BigDecimal cashChangeUsd,
        Optional<Long> correctsEventId,
        String note) {}
