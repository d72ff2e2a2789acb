package io.hedgedesk.domain.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest public market data of one perpetual contract, as fetched from its venue (e.g. Bybit v5
 * {@code /v5/market/tickers}, Binance COIN-M {@code /dapi/v1/premiumIndex}).
 *
 * <p>Prices are in the contract's quote currency (USD for inverse contracts, USDT for linear ones). Sign
 * convention of the funding rate: <b>positive means longs pay shorts</b>.
 *
 * @param contractId           the contract catalog id, e.g. {@code "BYBIT:BTCUSD"}
 * @param markPrice            the venue's mark price, strictly positive
 * @param indexPrice           the index (spot reference) price, strictly positive, if the venue reports one
 * @param lastPrice            the last traded price, strictly positive, if reported
 * @param fundingRate          the current or predicted funding rate per interval as a decimal fraction
 *                             (0.0001 = 0.01%), strictly between -1 and 1, if reported
 * @param nextFundingTime      the next settlement time (UTC), if reported
 * @param fundingIntervalHours the funding interval in hours (1..24), if reported
 * @param source               where the tick came from, e.g. {@code "Bybit v5 tickers"}
 * @param fetchedAt            when the tick was fetched
 */
public record MarketTick(
        String contractId,
        BigDecimal markPrice,
        Optional<BigDecimal> indexPrice,
        Optional<BigDecimal> lastPrice,
        Optional<BigDecimal> fundingRate,
        Optional<Instant> nextFundingTime,
        Optional<Integer> fundingIntervalHours,
        String source,
        Instant fetchedAt) {

    public MarketTick {
        String id = PriceSeries.requireText(contractId, "contractId");
        contractId = id;
        requirePositive(markPrice, "markPrice", id);
        Objects.requireNonNull(indexPrice, "indexPrice");
        indexPrice.ifPresent(price -> requirePositive(price, "indexPrice", id));
        Objects.requireNonNull(lastPrice, "lastPrice");
        lastPrice.ifPresent(price -> requirePositive(price, "lastPrice", id));
        Objects.requireNonNull(fundingRate, "fundingRate");
        fundingRate.ifPresent(rate -> {
            if (rate.abs().compareTo(BigDecimal.ONE) >= 0) {
                throw new InvalidMarketDataException("fundingRate of " + id
                        + " must be a fraction strictly between -1 and 1, was " + rate.toPlainString());
            }
        });
        Objects.requireNonNull(nextFundingTime, "nextFundingTime");
        Objects.requireNonNull(fundingIntervalHours, "fundingIntervalHours");
        fundingIntervalHours.ifPresent(hours -> {
            if (hours < 1 || hours > 24) {
                throw new InvalidMarketDataException("fundingIntervalHours of " + id + " must be 1..24, was " + hours);
            }
        });
        source = PriceSeries.requireText(source, "source");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    private static void requirePositive(BigDecimal price, String field, String contractId) {
        Objects.requireNonNull(price, field);
        if (price.signum() <= 0) {
            throw new InvalidMarketDataException(
                    field + " of " + contractId + " must be positive, was " + price.toPlainString());
        }
    }
}
