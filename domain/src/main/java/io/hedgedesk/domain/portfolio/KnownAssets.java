package io.hedgedesk.domain.portfolio;

import java.util.List;
import java.util.Set;

/**
 * The assets a holding may name without ticking "custom asset": the twelve coins with shipped price history and
 * the two dollar stablecoins.
 */
public final class KnownAssets {

    public static final List<String> SYMBOLS = List.of(
            "BTC", "ETH", "SOL", "AVAX", "DOT", "ADA", "LINK", "MATIC", "XRP", "DOGE", "BNB", "LTC", "USDT", "USDC");

    /** Valued at exactly 1 USD. */
    public static final Set<String> STABLECOINS = Set.of("USDT", "USDC");

    private KnownAssets() {}

    public static boolean isKnown(String symbol) {
        return SYMBOLS.contains(symbol);
    }
}
