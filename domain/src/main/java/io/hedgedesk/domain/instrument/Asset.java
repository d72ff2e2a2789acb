package io.hedgedesk.domain.instrument;

import java.math.RoundingMode;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A currency or coin by its ticker symbol ({@code BTC}, {@code ETH}, {@code USDT}, {@code USD}).
 *
 * @param symbol 1–15 upper-case letters or digits
 */
public record Asset(String symbol) {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,15}");
    private static final Set<String> DOLLARS = Set.of("USD", "USDT", "USDC");

    public static final Asset USD = new Asset("USD");
    public static final Asset USDT = new Asset("USDT");

    public Asset {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new InvalidInstrumentException(
                    "asset symbol must be 1-15 upper-case letters or digits, was " + symbol);
        }
    }

    /** Parses a user-typed symbol: trimmed and upper-cased, then validated. */
    public static Asset of(String symbol) {
        return new Asset(symbol == null ? null : symbol.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /** True for USD and the dollar stablecoins (USDT, USDC), which we value at 1 USD. */
    public boolean isDollar() {
        return DOLLARS.contains(symbol);
    }

    /**
     * Decimal places at which amounts of this asset are displayed and settled: 2 for dollars, 8 for coins (a
     * satoshi). Rounding to it is always explicit: see {@link Amount#rounded(RoundingMode)}.
     */
    public int scale() {
        return isDollar() ? 2 : 8;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
