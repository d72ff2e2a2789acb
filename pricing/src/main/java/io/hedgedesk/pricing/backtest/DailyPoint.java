package io.hedgedesk.pricing.backtest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One close of a replay or a grade, unrounded.
 *
 * @param date        the day
 * @param hedgedUsd   equity with the hedge: coins held × close + the venue accounts in USD + cash, USD
 * @param unhedgedUsd equity of the same bag and the same capital without the hedge, USD
 * @param fundingUsd  funding received so far (negative = paid), USD at each settlement's close
 * @param feesUsd     trading fees paid so far, USD at each trade's close
 * @param coins       for each coin margining an inverse leg: the coins held in total with the hedge (outside the
 *                    venue and on it, unrealized PnL included) — the equity in that coin
 */
public record DailyPoint(
        LocalDate date,
        BigDecimal hedgedUsd,
        BigDecimal unhedgedUsd,
        BigDecimal fundingUsd,
        BigDecimal feesUsd,
        Map<String, BigDecimal> coins) {

    public DailyPoint {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(hedgedUsd, "hedgedUsd");
        Objects.requireNonNull(unhedgedUsd, "unhedgedUsd");
        Objects.requireNonNull(fundingUsd, "fundingUsd");
        Objects.requireNonNull(feesUsd, "feesUsd");
        coins = Map.copyOf(coins);
    }
}
