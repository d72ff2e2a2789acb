package io.hedgedesk.domain.instrument.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The strict JSON reader: RFC 8259 values, exact numbers, and errors with line, column and offset. */
class JsonReaderTest {

    @Test
    @SuppressWarnings("unchecked")
    void readsEveryKindOfValue() {
        Object value = JsonReader.parse(" {\"a\": [1, -2.50, 3e2, 0, -0.5E-1], \"b\": {\"c\": true, \"d\": false},"
                + " \"e\": null, \"f\": \"x\", \"g\": [], \"h\": {}}\n");
        assertThat(value).isInstanceOf(Map.class);
        Map<String, Object> map = (Map<String, Object>) value;
        assertThat(map.keySet()).containsExactly("a", "b", "e", "f", "g", "h");
        // Numbers keep their literal text exactly (scale included).
        assertThat((List<Object>) map.get("a"))
                .containsExactly(
                        new BigDecimal("1"),
                        new BigDecimal("-2.50"),
                        new BigDecimal("3e2"),
                        new BigDecimal("0"),
                        new BigDecimal("-0.5E-1"));
        assertThat(map.get("b")).isEqualTo(Map.of("c", true, "d", false));
        assertThat(map.get("e")).isSameAs(JsonReader.NULL);
        assertThat(map.get("e")).hasToString("null");
        assertThat(map.get("f")).isEqualTo("x");
        assertThat((List<Object>) map.get("g")).isEmpty();
        assertThat((Map<String, Object>) map.get("h")).isEmpty();
    }

    @Test
    void decodesEscapes() {
        assertThat(JsonReader.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\u20AC\""))
                .isEqualTo("q\" b\\ s/ \b\f\n\r\t é€");
        assertThat(JsonReader.parse("\"Δ ünïcode\"")).isEqualTo("Δ ünïcode");
    }

    @Test
    void resultsAreUnmodifiable() {
        Map<?, ?> map = (Map<?, ?>) JsonReader.parse("{\"a\": [1]}");
        assertThatThrownBy(() -> map.clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) map.get("a")).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    private static void malformed(String json, String message) {
        assertThatThrownBy(() -> JsonReader.parse(json))
                .isInstanceOf(CatalogFormatException.class)
                .hasMessage("malformed JSON at " + message);
    }

    @Test
    void rejectsWhatJsonDoesNotAllow() {
        malformed("{\"a\": 1,}", "line 1, column 9 (offset 8): unexpected '}', expected a string key");
        malformed("[1, 2,]", "line 1, column 7 (offset 6): unexpected ']', expected a value");
        malformed("{'a': 1}", "line 1, column 2 (offset 1): unexpected ''', expected a string key");
        malformed("// c\n{}", "line 1, column 1 (offset 0): unexpected '/', expected a value");
        malformed("{\"a\" 1}", "line 1, column 6 (offset 5): expected ':' after object key \"a\", found '1'");
        malformed("{\"a\": 1 \"b\": 2}", "line 1, column 9 (offset 8): expected '}' or ',' in object, found '\"'");
        malformed("[1 2]", "line 1, column 4 (offset 3): expected ']' or ',' in array, found '2'");
        malformed("{\"a\": 1, \"a\": 2}", "line 1, column 10 (offset 9): duplicate key \"a\"");
        malformed("tru", "line 1, column 1 (offset 0): unexpected 't', expected a value");
        malformed("NaN", "line 1, column 1 (offset 0): unexpected 'N', expected a value");
        malformed("{} {}", "line 1, column 4 (offset 3): unexpected '{' after the JSON value");
        malformed("[", "line 1, column 2 (offset 1): unexpected end of input, expected a value");
        malformed("{\"a\": 1", "line 1, column 8 (offset 7): expected '}' or ',' in object, found end of input");
    }

    @Test
    void rejectsMalformedNumbers() {
        malformed("01", "line 1, column 2 (offset 1): leading zero in number");
        malformed("-", "line 1, column 2 (offset 1): expected a digit in number, found end of input");
        malformed("1.", "line 1, column 3 (offset 2): expected a digit after decimal point, found end of input");
        malformed("1e+", "line 1, column 4 (offset 3): expected a digit in exponent, found end of input");
        malformed(".5", "line 1, column 1 (offset 0): unexpected '.', expected a value");
        malformed("+1", "line 1, column 1 (offset 0): unexpected '+', expected a value");
    }

    @Test
    void rejectsMalformedStrings() {
        malformed("\"abc", "line 1, column 5 (offset 4): unterminated string");
        malformed("\"a\nb\"", "line 1, column 3 (offset 2): control character U+000A in string");
        malformed("\"a\\x\"", "line 1, column 4 (offset 3): invalid escape \\x");
        malformed("\"\\u12G4\"", "line 1, column 6 (offset 5): invalid hex digit 'G' in \\u escape");
        malformed("\"\\u12", "line 1, column 4 (offset 3): incomplete \\u escape");
    }

    @Test
    void countsLinesAndColumns() {
        // "{\n" (offsets 0-1), "  \"a\": [\n" (2-10), "    1,\n" (11-17), then four spaces: x at 22.
        malformed(
                "{\n  \"a\": [\n    1,\n    x\n  ]\n}",
                "line 4, column 5 (offset 22): unexpected 'x', expected a value");
    }
}
