package io.hedgedesk.marketdata.venue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hedgedesk.domain.market.feed.MalformedPayloadException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Strict reading of venue JSON: numbers are taken from their text (never through {@code double}), a missing or
 * unreadable field is a {@link MalformedPayloadException} naming it.
 */
final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String venue;

    Payloads(String venue) {
        this.venue = venue;
    }

    JsonNode parse(String body, String what) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw malformed(what + ": empty answer");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException(venue, what + ": not JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** Whether {@code body} parses as JSON (error tables look into bodies that may be HTML). */
    static Optional<JsonNode> tryParse(String body) {
        try {
            return Optional.ofNullable(JSON.readTree(body)).filter(node -> !node.isMissingNode());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    JsonNode field(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw malformed(what + ": field " + field + " is missing");
        }
        return value;
    }

    JsonNode array(JsonNode node, String what) {
        if (!node.isArray()) {
            throw malformed(what + ": expected an array, got " + node.getNodeType());
        }
        return node;
    }

    String text(JsonNode node, String field, String what) {
        JsonNode value = field(node, field, what);
        if (!value.isValueNode()) {
            throw malformed(what + ": field " + field + " is not a value");
        }
        return value.asText();
    }

    /** The number {@code value} (text or JSON number), named {@code field} in messages. */
    BigDecimal number(JsonNode value, String field, String what) {
        if (value == null || value.isNull() || !(value.isTextual() || value.isNumber())) {
            throw malformed(what + ": field " + field + " is missing or not a number");
        }
        String text = value.isNumber()
                ? value.decimalValue().toPlainString()
                : value.asText().strip();
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new MalformedPayloadException(
                    venue, what + ": field " + field + " is not a number: '" + text + "'", e);
        }
    }

    BigDecimal decimal(JsonNode node, String field, String what) {
        return number(node.get(field), field, what);
    }

    /** An optional decimal: absent, null or {@code ""} (how both venues say "none") is empty. */
    Optional<BigDecimal> optionalDecimal(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null
                || value.isNull()
                || (value.isTextual() && value.asText().isBlank())) {
            return Optional.empty();
        }
        return Optional.of(number(value, field, what));
    }

    Instant millis(JsonNode value, String field, String what) {
        BigDecimal millis = number(value, field, what);
        try {
            return Instant.ofEpochMilli(millis.longValueExact());
        } catch (ArithmeticException e) {
            throw new MalformedPayloadException(venue, what + ": field " + field + " is not whole milliseconds", e);
        }
    }

    /** An optional time in epoch milliseconds: absent, {@code ""} or {@code 0} is empty. */
    Optional<Instant> optionalMillis(JsonNode node, String field, String what) {
        return optionalDecimal(node, field, what)
                .filter(value -> value.signum() != 0)
                .map(value -> millis(node.get(field), field, what));
    }

    /** The UTC day a daily candle opening at {@code openTime} covers; other open times are not daily candles. */
    LocalDate candleDay(Instant openTime, String what) {
        LocalDate day = LocalDate.ofInstant(openTime, ZoneOffset.UTC);
        if (!day.atStartOfDay(ZoneOffset.UTC).toInstant().equals(openTime)) {
            throw malformed(what + ": candle opening at " + openTime + " is not a daily (00:00 UTC) candle");
        }
        return day;
    }

    MalformedPayloadException malformed(String message) {
        return new MalformedPayloadException(venue, message, null);
    }

    static String snippet(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
