package io.hedgedesk.domain.instrument.catalog;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, strict access to the fields of one parsed JSON object; every error names the object ({@code context}) and
 * the field, and shows the offending value.
 */
final class JsonFields {

    private final Map<String, Object> object;
    private final String context;

    private JsonFields(Map<String, Object> object, String context) {
        this.object = object;
        this.context = context;
    }

    /** Wraps {@code value}, which must be a JSON object, for reading its fields. */
    @SuppressWarnings("unchecked")
    static JsonFields of(Object value, String context) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new CatalogFormatException(context + ": expected an object, was " + describe(value));
        }
        return new JsonFields((Map<String, Object>) map, context);
    }

    String context() {
        return context;
    }

    /** Rejects missing and unknown fields, so that typos never pass silently. */
    JsonFields requireExactly(Set<String> fields) {
        Set<String> missing = new TreeSet<>(fields);
        missing.removeAll(object.keySet());
        if (!missing.isEmpty()) {
            throw fail("missing field" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
        Set<String> unknown = new TreeSet<>(object.keySet());
        unknown.removeAll(fields);
        if (!unknown.isEmpty()) {
            throw fail("unknown field" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown));
        }
        return this;
    }

    /** A non-blank string. */
    String text(String field) {
        Object value = object.get(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw invalid(field, "must be a non-blank string", value);
        }
        return text;
    }

    /** A string holding an exact decimal ({@code "0.0005"}); JSON numbers are rejected to keep decimals exact. */
    BigDecimal decimal(String field) {
        Object value = object.get(field);
        if (value instanceof String text) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw invalid(field, "must be a string holding a decimal", value);
            }
        }
        throw invalid(field, "must be a string holding a decimal", value);
    }

    /** Like {@link #decimal}, or empty for JSON {@code null}. */
    Optional<BigDecimal> decimalOrNull(String field) {
        return object.get(field) == JsonReader.NULL ? Optional.empty() : Optional.of(decimal(field));
    }

    /** A JSON integer number, at least 0. */
    int wholeNumber(String field) {
        Object value = object.get(field);
        if (value instanceof BigDecimal number && number.signum() >= 0) {
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                throw invalid(field, "must be a whole number ≥ 0", value);
            }
        }
        throw invalid(field, "must be a whole number ≥ 0", value);
    }

    /** A non-empty JSON array. */
    List<Object> array(String field) {
        Object value = object.get(field);
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw invalid(field, "must be a non-empty array", value);
        }
        @SuppressWarnings("unchecked")
        List<Object> objects = (List<Object>) list;
        return objects;
    }

    /** A string naming one of {@code type}'s constants exactly. */
    <E extends Enum<E>> E choice(String field, Class<E> type) {
        String text = text(field);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()), text);
    }

    CatalogFormatException invalid(String field, String rule, Object value) {
        return fail("field \"" + field + "\" " + rule + ", was " + describe(value));
    }

    CatalogFormatException fail(String message) {
        return new CatalogFormatException(context + ": " + message);
    }

    private static String describe(Object value) {
        if (value == null) {
            return "absent";
        }
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        if (value instanceof BigDecimal number) {
            return "number " + number.toPlainString();
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        return String.valueOf(value);
    }
}
