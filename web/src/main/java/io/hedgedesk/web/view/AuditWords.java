package io.hedgedesk.web.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.portfolio.AuditEvent;
import io.hedgedesk.domain.team.Role;
import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An audit trail entry in words: what happened ("hedge #9: targets changed") and what changed, one line per field,
 * e.g. "stop 120.00 → 190.00", "margin 0.5 → 0.7 AVAX", with the numbers through {@link Display} (the stored states are
 * flat JSON objects whose numbers carry every digit). A creation lists what was set, a deletion what was there.
 */
public final class AuditWords {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final ContractCatalog CATALOG = ContractCatalog.loadDefault();

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("contract", "contract"),
            Map.entry("side", "side"),
            Map.entry("size", "size"),
            Map.entry("entryPrice", "entry"),
            Map.entry("leverage", "leverage"),
            Map.entry("margin", "margin"),
            Map.entry("status", "status"),
            Map.entry("stopPrice", "stop"),
            Map.entry("takeProfitPrice", "take profit"),
            Map.entry("maxFundingCostUsd", "max funding cost"),
            Map.entry("realizedPnl", "realized PnL"),
            Map.entry("voidedAt", "voided at"),
            Map.entry("holdingIds", "holdings"),
            Map.entry("event", "event"),
            Map.entry("eventType", "event type"),
            Map.entry("movedFromHoldings", "moved from the holdings"),
            Map.entry("asset", "asset"),
            Map.entry("customAsset", "custom asset"),
            Map.entry("quantity", "quantity"),
            Map.entry("venue", "venue"),
            Map.entry("costBasisUsd", "cost basis"),
            Map.entry("acquiredOn", "acquired"),
            Map.entry("note", "note"),
            Map.entry("reason", "reason"),
            Map.entry("name", "name"),
            Map.entry("rows", "rows"),
            Map.entry("priceUsd", "price"),
            Map.entry("invitee", "invitee"),
            Map.entry("role", "role"),
            Map.entry("userId", "user #"),
            Map.entry("members", "members"));

    private AuditWords() {}

    /** What happened: "holding #5: changed", "hedge #9: margin added". */
    @TemplateExtension
    public static String what(AuditEvent e) {
        return object(e.objectType()) + " #" + e.objectId() + ": " + action(e.action());
    }

    /** What changed, one line per field: "stop 120.00 → 190.00"; on a creation what was set, on a deletion what was there. */
    @TemplateExtension
    public static List<String> changes(AuditEvent e) {
        Map<String, Object> before = parse(e.before());
        Map<String, Object> after = parse(e.after());
        Context context = new Context(
                instrument(after).or(() -> instrument(before)),
                text(after.get("asset")).or(() -> text(before.get("asset"))));
        Set<String> keys = new LinkedHashSet<>(after.keySet());
        keys.addAll(before.keySet());
        List<String> lines = new ArrayList<>();
        for (String key : keys) {
            boolean was = before.containsKey(key);
            boolean is = after.containsKey(key);
            if (was && is) {
                if (!same(before.get(key), after.get(key))) {
                    lines.add(label(key) + " " + value(key, before.get(key), context) + " → "
                            + value(key, after.get(key), context));
                }
            } else if (is) {
                if (!blank(after.get(key)) || !before.isEmpty()) {
                    lines.add(label(key) + " " + value(key, after.get(key), context));
                }
            } else if (!blank(before.get(key))) {
                lines.add(label(key) + " " + value(key, before.get(key), context)
                        + (after.isEmpty() ? "" : " (removed)"));
            }
        }
        return lines;
    }

    private record Context(Optional<Instrument> instrument, Optional<String> asset) {}

    private static Map<String, Object> parse(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            return Map.of("state", json);
        }
    }

    private static Optional<Instrument> instrument(Map<String, Object> state) {
        return text(state.get("contract")).flatMap(CATALOG::find);
    }

    private static boolean blank(Object value) {
        return value == null || "".equals(value);
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return decimal(x).compareTo(decimal(y)) == 0;
        }
        return Objects.equals(a, b);
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    }

    private static String label(String key) {
        String label = LABELS.get(key);
        if (label != null) {
            return label;
        }
        return key.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** A stored value for people: amounts with their unit, prices at the tick, enums in words. */
    static String value(String key, Object value, Context context) {
        if (value == null) {
            return "none";
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty()
                    ? "none"
                    : String.join(", ", list.stream().map(v -> "#" + v).toList());
        }
        if (value instanceof Number n) {
            return number(key, decimal(n), context);
        }
        String text = value.toString();
        return switch (key) {
            case "side" -> Words.words(Side.class, text);
            case "status" -> Words.words(HedgeStatus.class, text);
            case "eventType" -> Words.words(HedgeEventType.class, text);
            case "role" -> Words.words(Role.class, text);
            default -> text;
        };
    }

    private static String number(String key, BigDecimal n, Context context) {
        Optional<Instrument> instrument = context.instrument();
        String settlement = instrument.map(i -> i.settlementAsset().symbol()).orElse(null);
        return switch (key) {
            case "costBasisUsd", "maxFundingCostUsd" -> Display.usd(n);
            case "priceUsd" -> Display.price(n) + " USD";
            case "entryPrice", "stopPrice", "takeProfitPrice" ->
                instrument.map(i -> Display.price(n, i)).orElseGet(() -> Display.price(n));
            case "margin", "realizedPnl", "movedFromHoldings" ->
                settlement == null ? Display.quantity(n) : Display.amount(n, settlement);
            case "quantity" -> context.asset().map(a -> Display.amount(n, a)).orElseGet(() -> Display.quantity(n));
            case "size" -> instrument.map(i -> Display.size(n, i)).orElseGet(() -> Display.quantity(n));
            case "leverage" -> Display.quantity(n) + "×";
            case "event" -> "#" + n.toPlainString();
            default -> Display.quantity(n);
        };
    }

    private static String object(String type) {
        return switch (type) {
            case "HOLDING" -> "holding";
            case "HEDGE" -> "hedge";
            case "PORTFOLIO" -> "portfolio";
            case "MANUAL_PRICE" -> "price";
            case "TEAM" -> "team";
            case "INVITATION" -> "invitation";
            case "MEMBERSHIP" -> "member";
            default -> Words.nameWords(type);
        };
    }

    private static String action(String action) {
        return switch (action) {
            case "CREATE" -> "created";
            case "UPDATE" -> "changed";
            case "DELETE" -> "deleted";
            case "HEDGE_MARGIN_RETURN" -> "margin returned from a hedge";
            case "IMPORT" -> "imported";
            case "TARGETS" -> "targets changed";
            case "RENAME" -> "renamed";
            case "CLAIM" -> "accepted";
            case "REVOKE" -> "revoked";
            case "CHANGE_ROLE" -> "role changed";
            case "ADD" -> "added";
            case "REMOVE" -> "removed";
            case "LEAVE" -> "left the team";
            default ->
                Words.words(HedgeEventType.class, action).equals(action)
                        ? Words.nameWords(action)
                        : Words.words(HedgeEventType.class, action);
        };
    }
}
