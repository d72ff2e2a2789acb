package io.hedgedesk.web.connection;

import io.hedgedesk.pricing.reconcile.PositionCheck;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A position the exchange reported, beside the open hedge it matches (same contract and side), if any.
 *
 * @param hedgeId    the matching hedge; empty when none records it (the page offers to record one)
 * @param check      the differences exchange − recorded, when a hedge matches
 */
public record PositionRow(String contractId, boolean shortSide, BigDecimal size, BigDecimal entryPrice,
    BigDecimal markPrice, BigDecimal margin, Optional<BigDecimal> liquidationPrice, BigDecimal unrealizedPnl,
    BigDecimal leverage, Instant syncedAt, Optional<Long> hedgeId, Optional<String> portfolioName,
    Optional<PositionCheck> check) {

  public String side() {
    return shortSide ? "short" : "long";
  }
}
