package io.hedgedesk.marketdata.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.hedgedesk.domain.market.feed.MalformedPayloadException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the venues' "what may this key do" answers into {@link KeyPermissions}. */
final class KeyInfoReader {

    /** Bybit permission groups that only trade (https://bybit-exchange.github.io/docs/v5/user/apikey-info). */
    private static final List<String> BYBIT_TRADING_GROUPS = List.of(
            "ContractTrade",
            "Spot",
            "Options",
            "Derivatives",
            "CopyTrading",
            "BlockTrade",
            "Exchange",
            "Earn",
            "NFT",
            "Affiliate",
            "FiatP2P",
            "FiatBybitPay",
            "FiatConvertBroker");

    /** Binance flags that allow trading (https://developers.binance.com/docs/wallet/account/api-key-permission). */
    private static final List<String> BINANCE_TRADING = List.of(
            "enableSpotAndMarginTrading",
            "enableMargin",
            "enableFutures",
            "enableVanillaOptions",
            "enablePortfolioMarginTrading",
            "enableFixApiTrade");

    private static final List<String> BINANCE_TRANSFERS = List.of("enableInternalTransfer", "permitsUniversalTransfer");

    private KeyInfoReader() {}

    /**
     * Bybit {@code GET /v5/user/query-api} {@code result}. {@code readOnly} 1 means the venue allows no write of any
     * kind with this key, whatever groups are listed (they are then read scopes); 0 means every listed group may
     * write: its groups count as trading, {@code Wallet: Withdraw} as withdrawal and the wallet's transfer scopes as
     * transfers. {@code expiredAt} is empty for keys bound to an IP (they do not expire).
     */
    static KeyPermissions bybit(JsonNode result) {
        int readOnly = required(result, "readOnly", "Bybit").asInt(-1);
        if (readOnly != 0 && readOnly != 1) {
            throw new MalformedPayloadException("Bybit", "query-api: readOnly must be 0 or 1", null);
        }
        List<String> trading = new ArrayList<>();
        List<String> withdrawals = new ArrayList<>();
        List<String> transfers = new ArrayList<>();
        if (readOnly == 0) {
            JsonNode permissions = result.path("permissions");
            for (String group : BYBIT_TRADING_GROUPS) {
                for (JsonNode scope : permissions.path(group)) {
                    trading.add(group + ":" + scope.asText());
                }
            }
            for (JsonNode scope : permissions.path("Wallet")) {
                String name = scope.asText();
                (name.equals("Withdraw") ? withdrawals : transfers).add("Wallet:" + name);
            }
            if (trading.isEmpty() && withdrawals.isEmpty() && transfers.isEmpty()) {
                trading.add("read-write key");
            }
        }
        Optional<Instant> expiresAt = Optional.ofNullable(result.get("expiredAt"))
                .map(JsonNode::asText)
                .filter(text -> !text.isBlank())
                .map(text -> instant(text, "Bybit", "expiredAt"));
        Optional<String> account = Optional.ofNullable(result.get("userID"))
                .map(JsonNode::asText)
                .filter(text -> !text.isBlank() && !text.equals("0"));
        return new KeyPermissions("BYBIT", true, trading, withdrawals, transfers, expiresAt, account);
    }

    /**
     * Binance {@code GET /sapi/v1/account/apiRestrictions}. Reading futures data needs only {@code enableReading};
     * {@code enableFutures} is futures <em>trading</em>. Binance reports no expiry for a reading key
     * ({@code tradingAuthorityExpirationTime} concerns the trading permission).
     */
    static KeyPermissions binance(JsonNode body) {
        boolean canRead = required(body, "enableReading", "Binance").asBoolean(false);
        List<String> trading = BINANCE_TRADING.stream()
                .filter(flag -> body.path(flag).asBoolean(false))
                .toList();
        List<String> withdrawals =
                body.path("enableWithdrawals").asBoolean(false) ? List.of("enableWithdrawals") : List.of();
        List<String> transfers = BINANCE_TRANSFERS.stream()
                .filter(flag -> body.path(flag).asBoolean(false))
                .toList();
        return new KeyPermissions(
                "BINANCE", canRead, trading, withdrawals, transfers, Optional.empty(), Optional.empty());
    }

    private static JsonNode required(JsonNode node, String field, String venue) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedPayloadException(venue, "key information: field '" + field + "' is missing", null);
        }
        return value;
    }

    private static Instant instant(String text, String venue, String field) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedPayloadException(
                    venue, "key information: " + field + " '" + text + "' is not a time", e);
        }
    }
}
