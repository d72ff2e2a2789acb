package io.hedgedesk.web.security.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.persistence.market.MarketTickRepository;
import io.hedgedesk.web.security.inventory.Routes.Route;
import io.hedgedesk.web.support.Browser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.htmlunit.WebClient;
import org.htmlunit.WebResponse;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;

/**
 * Numbers take the digits 0-9 only, everywhere: Java's parsers read full-width {@code １２３} as 123 and Arabic-Indic
 * {@code ٣} as 3, so a number typed in another script was stored as if typed in ASCII. Every numeric field of every
 * form (found in the compiled resources, with {@link World}'s sample bodies), every numeric id in a path, the market
 * import's CSV and a sample of the JSON API's fields.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class AsciiDigitsTest {

    static final IntUnaryOperator FULL_WIDTH = c -> c >= '0' && c <= '9' ? 0xFF10 + c - '0' : c;
    static final IntUnaryOperator ARABIC_INDIC = c -> c >= '0' && c <= '9' ? 0x0660 + c - '0' : c;
    static final String MESSAGE = "Write numbers with the digits 0-9.";

    @TestHTTPResource("/")
    URL root;

    @Inject
    Fixtures fixtures;

    @Inject
    MarketTickRepository ticks;

    static String script(String ascii, IntUnaryOperator digits) {
        StringBuilder sb = new StringBuilder();
        ascii.codePoints().map(digits).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    @Test
    void theManualMarkRefusesFullWidthAndArabicIndicDigits() throws Exception {
        try (World world = fixtures.world(root, "Digits")) {
            String contract = "BINANCE:ADAUSD_PERP";
            var before = ticks.latest(contract);
            for (String typed : List.of("\uFF11\uFF12\uFF13", "\u0663", "1\uFF12")) {
                WebResponse r = Requests.postFormUtf8(
                        world.owner.browser(),
                        root,
                        "/market/" + contract + "/mark",
                        Requests.withToken(Requests.fields("mark", typed), world.owner.csrfToken()),
                        false);
                assertThat(r.getStatusCode()).as("mark " + typed).isEqualTo(400);
                assertThat(r.getContentAsString())
                        .as("mark " + typed)
                        .contains("id=\"mark-error\"", "Mark price must be written with the digits 0-9");
            }
            assertThat(ticks.latest(contract)).as("nothing stored").isEqualTo(before);
        }
    }

    @Test
    void everyNumericFormFieldRefusesDigitsOfOtherScripts() throws Exception {
        try (World world = fixtures.world(root, "Digits")) {
            String token = world.owner.csrfToken();
            List<Route> forms =
                    Routes.all().stream().filter(r -> !r.isGet() && !r.isJson()).toList();
            int tried = 0;
            for (Route r : forms) {
                List<NameValuePair> sample = world.sample(r);
                for (int field = 0; field < sample.size(); field++) {
                    String value = sample.get(field).getValue();
                    if (!value.matches("\\d+(\\.\\d+)?")) {
                        continue;
                    }
                    IntUnaryOperator digits = tried % 2 == 0 ? ARABIC_INDIC : FULL_WIDTH;
                    List<NameValuePair> body = new ArrayList<>(world.sample(r));
                    body.set(field, new NameValuePair(body.get(field).getName(), script(value, digits)));
                    WebResponse response = Requests.postFormUtf8(
                            world.owner.browser(),
                            root,
                            world.path(r),
                            Requests.withToken(body, token),
                            r.isMultipart());
                    String what = r + " " + body.get(field).getName() + "=" + script(value, digits);
                    assertThat(response.getStatusCode())
                            .as(what + " → " + response.getContentAsString())
                            .isBetween(400, 499);
                    tried++;
                }
            }
            assertThat(tried).as("numeric fields tried").isGreaterThan(15);
            // Messages of a sample: the holding form (portfolio), the hedge form, the market import's CSV
            WebResponse holding = Requests.postFormUtf8(
                    world.owner.browser(),
                    root,
                    "/portfolios/" + world.portfolioId + "/holdings",
                    Requests.withToken(
                            Requests.fields(
                                    "asset",
                                    "ETH",
                                    "quantity",
                                    "\u0662",
                                    "venue",
                                    "Kraken",
                                    "formToken",
                                    java.util.UUID.randomUUID().toString()),
                            token),
                    false);
            assertThat(holding.getContentAsString()).contains("id=\"quantity-error\"", MESSAGE);
            Route targets = forms.stream()
                    .filter(r -> r.toString().equals("POST /hedges/{hedgeId}/targets"))
                    .findFirst()
                    .orElseThrow();
            List<NameValuePair> stop = new ArrayList<>(world.sample(targets));
            stop.replaceAll(
                    f -> f.getName().equals("stopPrice") ? new NameValuePair("stopPrice", "\uFF17\uFF10\uFF10") : f);
            WebResponse hedge = Requests.postFormUtf8(
                    world.owner.browser(), root, world.path(targets), Requests.withToken(stop, token), false);
            assertThat(hedge.getStatusCode()).isEqualTo(400);
            assertThat(hedge.getContentAsString()).contains("Stop at price must be written with the digits 0-9");
            WebResponse csv = Requests.postFormUtf8(
                    world.owner.browser(),
                    root,
                    "/market/import",
                    Requests.withToken(
                            Requests.fields(
                                    "file",
                                    "date,close\n2024-01-02,\u0664\u0663\u0660\u0660\u0660\n",
                                    "series",
                                    "BTC",
                                    "source",
                                    "test"),
                            token),
                    true);
            assertThat(csv.getStatusCode()).isBetween(400, 499);
            assertThat(csv.getContentAsString()).contains(MESSAGE);
        }
    }

    @Test
    void anIdInAnotherScriptsDigitsIsNotFound() throws Exception {
        try (World world = fixtures.world(root, "Digits")) {
            List<Route> pages = Routes.all().stream()
                    .filter(Route::isGet)
                    .filter(r -> !r.parameters().isEmpty()
                            && r.parameters().stream()
                                    .allMatch(
                                            p -> p.endsWith("Id") && !p.equals("contractId") && !p.equals("importId")))
                    .toList();
            assertThat(pages).isNotEmpty();
            for (Route r : pages) {
                assertThat(Requests.get(world.owner.browser(), root, world.path(r))
                                .getStatusCode())
                        .as(r + " in ASCII")
                        .isNotEqualTo(404);
                String path = Routes.fill(r, name -> script(world.id(name), ARABIC_INDIC));
                assertThat(Requests.get(world.owner.browser(), root, path).getStatusCode())
                        .as(path)
                        .isEqualTo(404);
            }
        }
    }

    @Test
    void apiFieldsRefuseDigitsOfOtherScriptsNamingTheField() throws Exception {
        try (WebClient client = Browser.create()) {
            for (String[] c : List.of(
                    new String[] {"/api/v1/perpetual/position", """
              {"contract":"BYBIT:BTCUSD","side":"SHORT","size":"\uFF11\uFF12\uFF13","entryPrice":"60000","leverage":"2"}""", "size"},
                    new String[] {"/api/v1/perpetual/position", """
              {"contract":"BYBIT:BTCUSD","side":"SHORT","size":"100","entryPrice":"60000","leverage":"\u0663"}""", "leverage"},
                    new String[] {"/api/v1/hedge/size", """
              {"contract":"BYBIT:ETHUSD","coins":"\u0665\u0660","spotPrice":"3500","leverage":"2"}""", "coins"},
                    new String[] {"/api/v1/funding/projection", """
              {"seriesId":"BITMEX:XBTUSD","horizonDays":"\u0663\u0660","side":"SHORT","positionValue":"2",
               "settlementAssetUsdPrice":"40000","settlementAsset":"BTC"}""", "horizonDays"})) {
                WebResponse r = Requests.postJsonUtf8(client, root, c[0], c[1]);
                assertThat(r.getStatusCode()).as(c[1]).isEqualTo(400);
                assertThat(r.getContentAsString())
                        .as(c[1])
                        .contains("\"field\":\"" + c[2] + "\"", c[2] + " must be written with the digits 0-9");
            }
        }
    }
}
