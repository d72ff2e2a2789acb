package io.hedgedesk.persistence.audit;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Writes the flat before/after state of an audited object as a JSON object (strings, numbers, booleans, null). */
public final class AuditJson {

    private AuditJson() {}

    /** Values: {@code String}, {@code BigDecimal} (written as plain numbers), {@code Boolean}, {@code Number}, {@code Optional} or null. */
    public static String of(Map<String, ?> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quote(key)).append(':').append(value(value));
        });
        return json.append('}').toString();
    }

    private static String value(Object value) {
        Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
        if (v == null) {
            return "null";
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return quote(v.toString());
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
