package io.hedgedesk.marketdata.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.hedgedesk.domain.market.feed.MalformedPayloadException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the venues' position lists into {@link VenuePosition}s; flat (zero-size) entries are left out. */
final class PositionReader {

    private PositionReader() {}

    /**
     * Bybit {@code GET /v5/position/list} {@code result.list[]} (https://bybit-exchange.github.io/docs/v5/position):
     * {@code side} Buy/Sell ("" when flat), {@code size} positive, {@code avgPrice}, {@code markPrice},
     * {@code positionIM}, {@code liqPrice} ("" when none), {@code unrealisedPnl}, {@code leverage},
     * {@code updatedTime} (ms).
     */
    static List<VenuePosition> bybit(JsonNode list) {
        List<VenuePosition> positions = new ArrayList<>();
        for (JsonNode p : list) {
            BigDecimal size = decimal(p, "size", "Bybit");
            if (size.signum() == 0) {
                continue;
            }
            String side = text(p, "side", "Bybit");
            if (!side.equals("Buy") && !side.equals("Sell")) {
                throw new MalformedPayloadException(
                        "Bybit", "position list: side '" + side + "' is not Buy or Sell", null);
            }
            positions.add(new VenuePosition(
                    "BYBIT:" + text(p, "symbol", "Bybit"),
                    side.equals("Sell"),
                    size.abs(),
                    decimal(p, "avgPrice", "Bybit"),
                    decimal(p, "markPrice", "Bybit"),
                    decimal(p, "positionIM", "Bybit"),
                    optionalDecimal(p, "liqPrice"),
                    decimal(p, "unrealisedPnl", "Bybit"),
                    decimal(p, "leverage", "Bybit"),
                    Instant.ofEpochMilli(Long.parseLong(text(p, "updatedTime", "Bybit")))));
        }
        return positions;
    }

    /**
     * Binance COIN-M {@code GET /dapi/v1/positionRisk}
     * (https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/Position-Information): an array;
     * {@code positionAmt} signed in contracts (negative = short, in one-way mode {@code positionSide} BOTH),
     * {@code entryPrice}, {@code markPrice}, {@code isolatedMargin}, {@code liquidationPrice} ("0" when none),
     * {@code unRealizedProfit}, {@code leverage}, {@code updateTime} (ms).
     */
    static List<VenuePosition> binance(JsonNode array) {
        List<VenuePosition> positions = new ArrayList<>();
        for (JsonNode p : array) {
            BigDecimal amount = decimal(p, "positionAmt", "Binance");
            if (amount.signum() == 0) {
                continue;
            }
            String positionSide = p.path("positionSide").asText("BOTH");
            boolean shortSide = positionSide.equals("SHORT") || (positionSide.equals("BOTH") && amount.signum() < 0);
            positions.add(new VenuePosition(
                    "BINANCE:" + text(p, "symbol", "Binance"),
                    shortSide,
                    amount.abs(),
                    decimal(p, "entryPrice", "Binance"),
                    decimal(p, "markPrice", "Binance"),
                    decimal(p, "isolatedMargin", "Binance"),
                    optionalDecimal(p, "liquidationPrice").filter(price -> price.signum() > 0),
                    decimal(p, "unRealizedProfit", "Binance"),
                    decimal(p, "leverage", "Binance"),
                    Instant.ofEpochMilli(p.path("updateTime").asLong(0))));
        }
        return positions;
    }

    private static String text(JsonNode node, String field, String venue) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedPayloadException(venue, "position list: field '" + field + "' is missing", null);
        }
        return value.asText();
    }

    private static BigDecimal decimal(JsonNode node, String field, String venue) {
        String text = text(node, field, venue);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new MalformedPayloadException(
                    venue, "position list: " + field + " '" + text + "' is not a number", e);
        }
    }

    private static Optional<BigDecimal> optionalDecimal(JsonNode node, String field) {
        String text = node.path(field).asText("");
        try {
            return text.isBlank() ? Optional.empty() : Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
