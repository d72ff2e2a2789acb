package io.hedgedesk.domain.market;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The latest known price of an asset in USD (USDT counted as USD), with where it came from and when.
 *
 * @param assetSymbol the asset, e.g. {@code "SOL"}
 * @param priceUsd    strictly positive
 * @param source      e.g. {@code "manual (alice)"}, {@code "Binance spot daily close"}, {@code "BYBIT:SOLUSD mark"}
 * @param asOf        when the price was observed (for a daily close: the end of that UTC day)
 */
public record PriceQuote(String assetSymbol, BigDecimal priceUsd, String source, Instant asOf) {

    public PriceQuote {
        Objects.requireNonNull(assetSymbol, "assetSymbol");
        Objects.requireNonNull(priceUsd, "priceUsd");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
        if (priceUsd.signum() <= 0) {
            throw new InvalidMarketDataException(
                    "price of " + assetSymbol + " must be positive, was " + priceUsd.toPlainString());
        }
    }

    /** How old the quote is at {@code now} (zero if {@code asOf} is in the future). */
    public Duration age(Instant now) {
        Duration age = Duration.between(asOf, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** True when older than {@code maxAge} at {@code now}. */
    public boolean isStale(Instant now, Duration maxAge) {
        return age(now).compareTo(maxAge) > 0;
    }
}
