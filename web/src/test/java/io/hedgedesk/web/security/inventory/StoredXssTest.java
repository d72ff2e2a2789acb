package io.hedgedesk.web.security.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.team.Role;
import io.hedgedesk.web.security.inventory.Routes.Route;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.Test;

/**
 * Stored and reflected XSS (security.md, "Input and output"): hostile text in every free-text field — team and
 * portfolio names, holding venue and note, hedge margin source and notes, CSV import cells, invitation, the user's
 * display name from the OpenID provider, query parameters — is shown escaped on every page the app has (all GET
 * routes of the inventory), never as markup; and the CSV export neutralizes formula-leading cells.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class StoredXssTest {

    /** Script tag, attribute break-out with a handler, Qute syntax and a right-to-left override: 75 characters. */
    static final String NAME = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>{#if true}q{/if}\u202E";

    static final String SHORT = "\"><img src=x onerror=alert(1)>";
    static final String LONG = NAME + " javascript:alert(1) {{7*7}} {inject:csrf.token} ${7*7}";
    /** The contract whose mark the hostile user enters (no other test uses it); its tick is removed afterwards. */
    static final String MARKED = "BINANCE:BNBUSD_PERP";

    static final String ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;";
    static final List<String> FORMULAS =
            List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-1+2", "@SUM(A1)", "\t=2+2", "\r=3+3");

    @TestHTTPResource("/")
    URL root;

    @Inject
    Fixtures fixtures;

    @Inject
    javax.sql.DataSource dataSource;

    @org.junit.jupiter.api.AfterEach
    void removeTheMark() throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("delete from market_tick where contract_id = ?")) {
            s.setString(1, MARKED);
            s.executeUpdate();
        }
    }

    @Test
    void hostileTextIsEscapedOnEveryPageAndNeutralizedInEveryCsvFormat() throws Exception {
        try (World world = fixtures.world(root, "Xss");
                UserSession evil = UserSession.logIn(
                        root,
                        "evil-" + UUID.randomUUID().toString().substring(0, 8),
                        UUID.randomUUID().toString(),
                        NAME,
                        java.util.Set.of("user", UserSession.ADMIN_ROLE))) {
            fixtures.support().join(world.owner, evil, Role.EDITOR);
            fixtures.teams().switchTo(fixtures.userId(evil), world.teamId);
            List<WebResponse> answers = new ArrayList<>();

            // --- store the payloads through the forms
            long teamVersion = fixtures.teams()
                    .team(fixtures.userId(world.owner), world.teamId)
                    .team()
                    .version();
            answers.add(expect(
                    303,
                    world.owner.post(
                            "/teams/" + world.teamId + "/rename",
                            "name",
                            NAME,
                            "version",
                            Long.toString(teamVersion))));
            answers.add(world.owner.post("/teams/" + world.teamId + "/invitations", "invitee", NAME, "role", "VIEWER"));
            long pid = portfolioId(expect(303, evil.post("/portfolios", "name", NAME)));
            answers.add(expect(
                    303,
                    evil.post(
                            "/portfolios/" + pid + "/holdings",
                            "asset",
                            "BTC",
                            "quantity",
                            "1",
                            "venue",
                            NAME,
                            "note",
                            LONG,
                            "formToken",
                            UUID.randomUUID().toString())));
            answers.add(evil.post(
                    "/portfolios/" + pid + "/holdings",
                    "asset",
                    NAME,
                    "customAsset",
                    "1",
                    "quantity",
                    LONG,
                    "venue",
                    NAME,
                    "costBasisUsd",
                    NAME,
                    "acquiredOn",
                    NAME,
                    "note",
                    LONG,
                    "formToken",
                    "x"));
            answers.add(evil.post("/portfolios/" + pid + "/prices", "priceAsset", NAME, "price", NAME));
            // a contract mark shows its writer's name on the market pages (BNB's last shipped close: 864.3)
            answers.add(expect(303, evil.post("/market/" + MARKED + "/mark", "mark", "864")));
            long holdingId = fixtures.portfolios()
                    .holdings(fixtures.userId(evil), pid)
                    .get(0)
                    .id();
            WebResponse opened = expect(
                    303,
                    evil.post(
                            "/portfolios/" + pid + "/hedges",
                            "contractId",
                            "BYBIT:BTCUSD",
                            "side",
                            "SHORT",
                            "size",
                            "1000",
                            "entryPrice",
                            "50000",
                            "leverage",
                            "2",
                            "margin",
                            "0",
                            "marginSource",
                            SHORT,
                            "holding",
                            Long.toString(holdingId),
                            "targetCoverage",
                            "1",
                            "fee",
                            "0",
                            "formToken",
                            UUID.randomUUID().toString()));
            long hedgeId =
                    Long.parseLong(opened.getResponseHeaderValue("Location").replaceAll(".*/hedges/(\\d+).*", "$1"));
            answers.add(evil.post(
                    "/portfolios/" + pid + "/hedges",
                    "contractId",
                    NAME,
                    "side",
                    NAME,
                    "size",
                    NAME,
                    "entryPrice",
                    NAME,
                    "leverage",
                    NAME,
                    "margin",
                    NAME,
                    "marginSource",
                    LONG,
                    "holding",
                    NAME,
                    "targetCoverage",
                    NAME,
                    "fee",
                    NAME,
                    "openedAt",
                    NAME,
                    "formToken",
                    NAME));
            answers.add(evil.post("/hedges/" + hedgeId + "/confirm", "type", "NOTE", "note", LONG, "version", "0"));
            answers.add(evil.post(
                    "/hedges/" + hedgeId + "/confirm",
                    "type",
                    NAME,
                    "quantity",
                    NAME,
                    "price",
                    NAME,
                    "amount",
                    NAME,
                    "note",
                    LONG,
                    "correctsEventId",
                    NAME,
                    "occurredAt",
                    NAME,
                    "version",
                    "0"));
            note(evil, hedgeId, LONG);
            for (String formula : FORMULAS) {
                note(evil, hedgeId, formula);
            }
            String csv = "asset,quantity,venue,note\nBTC,0.1,\"" + NAME.replace("\"", "\"\"") + "\",\""
                    + LONG.replace("\"", "\"\"") + "\"\n\"" + SHORT.replace("\"", "\"\"") + "\",x,y,z\n";
            WebResponse preview = evil.postFile("/portfolios/" + pid + "/import", csv, true);
            answers.add(expect(200, preview));
            // a second portfolio whose name is a formula, with a hedge, for the export
            long formulaPid = portfolioId(expect(303, evil.post("/portfolios", "name", FORMULAS.get(0))));
            expect(
                    303,
                    evil.post(
                            "/portfolios/" + formulaPid + "/hedges",
                            "contractId",
                            "BYBIT:BTCUSD",
                            "side",
                            "SHORT",
                            "size",
                            "1000",
                            "entryPrice",
                            "50000",
                            "leverage",
                            "2",
                            "margin",
                            "0",
                            "marginSource",
                            "+SUM(1)",
                            "targetCoverage",
                            "1",
                            "fee",
                            "0",
                            "formToken",
                            UUID.randomUUID().toString()));
            for (WebResponse a : answers) {
                Html.assertInert(a, a.getWebRequest().getUrl().getPath());
            }

            // --- every page of the app, as the owner (who sees the editor's data) and as the editor
            for (Route r : Routes.all()) {
                if (!r.isGet()) {
                    continue;
                }
                String path = Routes.fill(r, name -> switch (name) {
                    case "portfolioId" -> Long.toString(pid);
                    case "hedgeId" -> Long.toString(hedgeId);
                    case "holdingId" -> Long.toString(holdingId);
                    default -> world.id(name);
                });
                if (path.endsWith("/plan/confirm")) {
                    path += "?strategy=PER_ASSET";
                }
                if (path.endsWith("export.csv")) {
                    continue;
                }
                for (UserSession who : List.of(world.owner, evil)) {
                    WebResponse page = Requests.get(who.browser(), root, path);
                    assertThat(page.getStatusCode()).as(path).isLessThan(500);
                    Html.assertInert(page, path);
                }
            }
            for (String path : List.of("/market", "/market/" + MARKED)) {
                assertThat(Requests.get(world.owner.browser(), root, path).getContentAsString())
                        .as(path)
                        .contains("manual, by " + ESCAPED_SCRIPT);
            }
            for (String path : List.of(
                    "/teams/" + world.teamId,
                    "/portfolios/" + pid,
                    "/portfolios/" + pid + "/audit",
                    "/hedges/" + hedgeId,
                    "/hedges",
                    "/portfolios/" + pid + "/hedges/new",
                    "/dashboard")) {
                String html = Requests.get(world.owner.browser(), root, path).getContentAsString();
                assertThat(html).as(path).contains(ESCAPED_SCRIPT, "{#if true}q{/if}");
            }
            assertThat(Requests.get(world.owner.browser(), root, "/hedges/" + hedgeId)
                            .getContentAsString())
                    .contains("{{7*7}} {inject:csrf.token} ${7*7}");

            // --- reflected: query parameters echoed into pages
            String q = URLEncoder.encode(NAME, StandardCharsets.UTF_8);
            for (String path : List.of(
                    "/hedges?asset=" + q + "&from=" + q + "&to=" + q + "&status=" + q + "&portfolio=" + q,
                    "/calculator?contract=" + q + "&side=" + q + "&size=" + q + "&entryPrice=" + q + "&leverage=" + q,
                    "/portfolios/" + pid + "/plan?" + q + "=" + q + "&hedgeAsset=" + q + "&window=" + q,
                    "/portfolios/" + pid + "/plan/confirm?strategy=" + q + "&query=" + q,
                    "/portfolios/" + pid + "/backtest?" + q + "=" + q + "&contract.BTC=" + q + "&from=" + q
                            + "&rebalance=" + q + "&strategy=PROXY&proxyContract=" + q,
                    "/dashboard?flash=" + q,
                    "/teams?flash=" + q,
                    "/market/history?asset=" + q,
                    "/hedges/export.csv?format=" + q,
                    "/?" + q + "=" + q)) {
                WebResponse page = Requests.get(world.owner.browser(), root, path);
                assertThat(page.getStatusCode()).as(path).isLessThan(500);
                Html.assertInert(page, path);
            }

            // --- CSV export, every format: no cell starts a formula (numbers stay plain numbers)
            for (String format : List.of("native", "koinly", "cointracker", "rotki")) {
                WebResponse export = Requests.get(evil.browser(), root, "/hedges/export.csv?format=" + format);
                assertThat(export.getStatusCode()).isEqualTo(200);
                assertThat(export.getContentType()).isEqualTo("text/csv");
                List<String> cells = new ArrayList<>();
                for (CSVRecord row : CSVFormat.RFC4180.parse(new StringReader(export.getContentAsString()))) {
                    row.forEach(cells::add);
                }
                for (String cell : cells) {
                    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                        assertThat(cell).as(format + " cell").matches("-[0-9]+(\\.[0-9]+)?");
                    }
                }
                if (format.equals("native")) {
                    assertThat(cells).contains("'" + FORMULAS.get(0), "'+1+1", "'-1+2", "'@SUM(A1)", "'=2+2", "'=3+3");
                }
            }
        }
    }

    private void note(UserSession s, long hedgeId, String note) throws Exception {
        long version =
                fixtures.book().hedge(fixtures.userId(s), hedgeId).hedge().version();
        expect(
                303,
                s.post(
                        "/hedges/" + hedgeId + "/actions",
                        "type",
                        "NOTE",
                        "note",
                        note,
                        "version",
                        Long.toString(version),
                        "formToken",
                        UUID.randomUUID().toString()));
    }

    private static WebResponse expect(int status, WebResponse response) {
        assertThat(response.getStatusCode())
                .as(response.getWebRequest().getUrl().getPath() + ": " + response.getContentAsString())
                .isEqualTo(status);
        return response;
    }

    private static long portfolioId(WebResponse created) {
        return Long.parseLong(created.getResponseHeaderValue("Location").replaceAll(".*/portfolios/(\\d+)\\?.*", "$1"));
    }
}
