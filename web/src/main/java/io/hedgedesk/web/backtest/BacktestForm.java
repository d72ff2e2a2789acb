package io.hedgedesk.web.backtest;

import java.util.List;
import java.util.Map;

/**
 * The backtest page's inputs as typed (for redisplay), read from the query: the planner's own names for the bag and
 * the legs ({@code holding}, {@code contract.X}, {@code leverage.X}, {@code margin.X}, {@code coverage.X},
 * {@code proxyAsset}, {@code proxyContract}, {@code proxyLeverage}, {@code from}, {@code to}) plus the policy's.
 *
 * @param values every query value, by name
 */
public record BacktestForm(Map<String, List<String>> values) {

    public BacktestForm {
        values = Map.copyOf(values);
    }

    /** The first value of {@code field}, stripped; {@code fallback} when absent or blank. */
    public String get(String field, String fallback) {
        List<String> all = values.get(field);
        String value = all == null || all.isEmpty() ? "" : all.get(0);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    public String get(String field) {
        return get(field, "");
    }

    /** Every value of {@code field}. */
    public List<String> all(String field) {
        return values.getOrDefault(field, List.of());
    }

    public String strategy() {
        return get("strategy", "PER_ASSET");
    }

    public String rebalance() {
        return get("rebalance", "BAND");
    }

    public String band() {
        return get("band", "0.05");
    }

    public String everyDays() {
        return get("everyDays", "30");
    }

    public String topUp() {
        return get("topUp");
    }

    public String betaMode() {
        return get("betaMode", "FIXED");
    }

    public String betaWindow() {
        return get("betaWindow", "90");
    }

    public String proxyAsset() {
        return get("proxyAsset", "BTC");
    }

    public String proxyContract() {
        return get("proxyContract", proxyAsset().equals("ETH") ? "BYBIT:ETHUSD" : "BYBIT:BTCUSD");
    }

    public String proxyLeverage() {
        return get("proxyLeverage", "2");
    }

    public String from() {
        return get("from");
    }

    public String to() {
        return get("to");
    }
}
