package io.hedgedesk.web.security.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.web.security.inventory.Routes.Route;
import io.hedgedesk.web.support.Browser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.util.List;
import java.util.StringJoiner;
import org.htmlunit.WebClient;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.Test;

/**
 * A JSON key given twice is a 400 that names it, on every JSON endpoint (found in the compiled resources), whether
 * the body carries every field of the request record before the repeat, only a few, or repeats a key inside a nested
 * object. A body with every field once is built from the request record's components, so a new field or endpoint is
 * covered without being listed here.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DuplicateKeyTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void aRepeatedKeyAfterEveryFieldIsA400NamingIt() throws Exception {
        List<Route> endpoints =
                Routes.all().stream().filter(r -> !r.isGet() && r.isJson()).toList();
        assertThat(endpoints)
                .as("JSON endpoints")
                .hasSizeGreaterThanOrEqualTo(9)
                .allSatisfy(r -> assertThat(r.path()).startsWith("/api/v1/"));
        try (WebClient client = Browser.create()) {
            for (Route r : endpoints) {
                Class<?> request = (Class<?>) r.body();
                assertThat(request.isRecord()).as(r + " reads a record").isTrue();
                String first = request.getRecordComponents()[0].getName();
                String every = json(request);
                String body = every.substring(0, every.length() - 1) + ",\"" + first + "\":7}";
                assertRefused(client, r.path(), body, first);
            }
        }
    }

    @Test
    void aRepeatedKeyAmongFewFieldsOrInANestedObjectIsA400NamingIt() throws Exception {
        try (WebClient client = Browser.create()) {
            // Jackson kept the last of the two here: the client's request was silently changed.
            assertRefused(client, "/api/v1/perpetual/position", """
          {"contract":"BYBIT:BTCUSD","side":"SHORT","contract":"BYBIT:ETHUSD","size":"1000","entryPrice":"60000",
           "leverage":"2"}""", "contract");
            assertRefused(client, "/api/v1/perpetual/average-entry", """
          {"contract":"BYBIT:BTCUSD","side":"LONG","fills":[{"size":"1000","price":"5000"},
           {"size":"2000","price":"6000","size":"1"}]}""", "fills[1].size");
            assertRefused(client, "/api/v1/proxy/beta", """
          {"hedgeAsset":"BTC","basket":[{"asset":"ETH","valueUsd":"6000","asset":"SOL"}]}""", "basket[0].asset");
        }
    }

    private void assertRefused(WebClient client, String path, String body, String field) throws Exception {
        WebResponse response = Requests.postRaw(client, root, path, "application/json", body);
        String what = path + " " + body;
        assertThat(response.getStatusCode())
                .as(what + " → " + response.getContentAsString())
                .isEqualTo(400);
        assertThat(response.getContentType()).as(what).isEqualTo("application/json");
        assertThat(response.getContentAsString())
                .as(what)
                .contains("\"status\":400", "\"error\":\"Bad request\"", "\"field\":\"" + field + "\"")
                .containsPattern("\"message\":\"[^\"]*" + java.util.regex.Pattern.quote(field) + "[^\"]*given twice")
                .doesNotContain("Exception", "io.hedgedesk.", "com.fasterxml");
    }

    /** Every field of the record once, each with a value of its type (text "1", a list of one, a nested record). */
    static String json(Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return "[" + json(list.getActualTypeArguments()[0]) + "]";
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            StringJoiner fields = new StringJoiner(",", "{", "}");
            for (RecordComponent component : c.getRecordComponents()) {
                fields.add("\"" + component.getName() + "\":" + json(component.getGenericType()));
            }
            return fields.toString();
        }
        return type == String.class ? "\"1\"" : "1";
    }
}
