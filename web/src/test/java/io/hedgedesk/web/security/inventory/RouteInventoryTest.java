package io.hedgedesk.web.security.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.web.security.inventory.Routes.Route;
import io.hedgedesk.web.support.Browser;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;
import org.htmlunit.WebClient;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Access control over the whole route inventory (security.md, "Access control"): the routes are found in the
 * compiled resources, so a new one is covered without being listed. Only the explicit allow-list answers without a
 * login; every other route sends an anonymous visitor to the login and refuses an anonymous post; another team's
 * ids are a 404 that changes nothing; viewers are refused every write; only installation administrators write the
 * market data every team shares.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteInventoryTest {

    /** The routes that answer without login. Adding one is a security decision: it must be made here too. */
    static final Set<String> PUBLIC = Set.of(
            "GET /",
            "GET /calculator",
            "GET /api/v1/contracts",
            "GET /api/v1/contracts/{id}",
            "POST /api/v1/perpetual/position",
            "POST /api/v1/perpetual/average-entry",
            "POST /api/v1/perpetual/close",
            "POST /api/v1/hedge/size",
            "POST /api/v1/hedge/coverage",
            "POST /api/v1/hedge/scenarios",
            "POST /api/v1/hedge/proxy-scenarios",
            "POST /api/v1/hedge/minimum-variance",
            "POST /api/v1/funding/projection",
            "POST /api/v1/proxy/beta");

    /** The public path patterns of application.properties, as this test expects them. */
    static final List<String> PUBLIC_PATHS = List.of(
            "/",
            "/static/*",
            "/favicon.ico",
            "/logout/backchannel",
            "/calculator",
            "/api/v1/contracts",
            "/api/v1/contracts/*",
            "/api/v1/perpetual/*",
            "/api/v1/hedge/*",
            "/api/v1/funding/*",
            "/api/v1/proxy/*",
            "/q/openapi");

    /**
     * Writes a viewer may make: their own new team, switching to or leaving a team they are in, and what is theirs alone:
     * where their alerts go, test messages, acknowledging or snoozing an alert on their dashboard.
     */
    static final Set<String> VIEWER_MAY = Set.of(
            "POST /teams",
            "POST /teams/{teamId}/switch",
            "POST /teams/{teamId}/leave",
            "POST /settings/alerts",
            "POST /settings/alerts/test-email",
            "POST /settings/alerts/test-webhook",
            "POST /dashboard/alerts");

    /** Team routes an editor may use as well as the owner: the team's read-only exchange connections. */
    static final Set<String> EDITOR_MAY = Set.of(
            "POST /teams/{teamId}/connections",
            "POST /teams/{teamId}/connections/{connectionId}/check",
            "POST /teams/{teamId}/connections/{connectionId}/sync",
            "POST /teams/{teamId}/connections/{connectionId}/delete",
            "POST /teams/{teamId}/connections/{connectionId}/portfolio");

    /**
     * Routes for installation administrators only (a role of the OpenID provider, not of a team): market data belongs
     * to the installation, and every team's numbers depend on it. Adding one is a security decision made here too.
     */
    static final Set<String> ADMIN_ONLY = Set.of(
            "POST /market/{contractId}/mark",
            "POST /market/import",
            "POST /market/import/{importId}/confirm",
            "POST /market/backfill",
            "POST /settings/alerts/installation");

    /** Path parameters that name shared, public things (catalog contracts), not another team's objects. */
    static final Set<String> SHARED_PARAMETERS = Set.of("id", "contractId");

    @TestHTTPResource("/")
    URL root;

    @Inject
    Fixtures fixtures;

    World world;
    Database db;

    /** Built once, inside the first test (the services need the request context that test methods have). */
    private void setUp() throws Exception {
        if (world == null) {
            world = fixtures.world(root, "Inventory");
            db = fixtures.db();
        }
    }

    @AfterAll
    void tearDown() {
        if (world != null) {
            world.close();
        }
    }

    static boolean isPublic(String path) {
        return PUBLIC_PATHS.stream()
                .anyMatch(p -> p.endsWith("/*") ? path.startsWith(p.substring(0, p.length() - 1)) : path.equals(p));
    }

    static List<Route> protectedRoutes() {
        return Routes.all().stream().filter(r -> !isPublic(r.path())).toList();
    }

    @Test
    void theInventoryFindsEveryKindOfRoute() {
        List<Route> all = Routes.all();
        // A sanity floor, so that a broken scan (no classes found) cannot pass the tests below vacuously.
        assertThat(all)
                .hasSizeGreaterThan(40)
                .extracting(Route::toString)
                .contains(
                        "GET /dashboard",
                        "POST /portfolios/{portfolioId}/holdings/{holdingId}",
                        "GET /hedges/{hedgeId}",
                        "POST /portfolios/{portfolioId}/import",
                        "GET /hedges/export.csv",
                        "POST /api/v1/proxy/beta");
        assertThat(all.stream().filter(r -> r.path().equals("/portfolios/{portfolioId}/import") && !r.isGet()))
                .allMatch(Route::isMultipart);
    }

    @Test
    void thePublicRoutesAreExactlyTheAllowList() throws Exception {
        setUp();
        String configured =
                ConfigProvider.getConfig().getValue("quarkus.http.auth.permission.public.paths", String.class);
        assertThat(Arrays.stream(configured.split(",")).map(String::strip).toList())
                .containsExactlyInAnyOrderElementsOf(PUBLIC_PATHS);
        assertThat(ConfigProvider.getConfig()
                        .getValue("quarkus.http.auth.permission.authenticated.paths", String.class))
                .isEqualTo("/*");

        Set<String> found = new TreeSet<>();
        Routes.all().stream().filter(r -> isPublic(r.path())).forEach(r -> found.add(r.toString()));
        assertThat(found).containsExactlyInAnyOrderElementsOf(PUBLIC);

        try (WebClient anonymous = Browser.create()) {
            for (Route r : Routes.all().stream().filter(r -> isPublic(r.path())).toList()) {
                String path = world.path(r);
                WebResponse response = r.isGet()
                        ? Requests.get(anonymous, root, path)
                        : Requests.postRaw(anonymous, root, path, "application/json", "{}");
                assertThat(response.getStatusCode()).as(r.toString()).isEqualTo(r.isGet() ? 200 : 400);
            }
            assertThat(Requests.get(anonymous, root, "/static/app.css").getStatusCode())
                    .isEqualTo(200);
            assertThat(Requests.get(anonymous, root, "/q/openapi").getStatusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginEverywhereElseAndCannotPost() throws Exception {
        setUp();
        String provider = ConfigProvider.getConfig().getValue("keycloak.url", String.class);
        List<Route> routes = protectedRoutes();
        assertThat(routes).hasSizeGreaterThan(25);
        Map<String, String> before = db.snapshot();
        try (WebClient anonymous = Browser.create()) {
            for (Route r : routes) {
                // each refused request leaves a login-state cookie; with enough routes they outgrow the header limit
                // (431)
                anonymous.getCookieManager().clearCookies();
                String path = world.path(r);
                // each visit is a new anonymous one: the login's state cookies of earlier redirects would pile up to a
                // 431
                anonymous.getCookieManager().clearCookies();
                WebResponse response = r.isGet()
                        ? Requests.get(anonymous, root, path)
                        : Requests.postForm(anonymous, root, path, world.sample(r), r.isMultipart());
                assertThat(response.getStatusCode()).as(r.toString()).isEqualTo(302);
                assertThat(response.getResponseHeaderValue("Location"))
                        .as(r.toString())
                        .startsWith(provider);
            }
        }
        assertThat(Database.changed(before, db.snapshot())).isEmpty();
    }

    @Test
    void anotherTeamsIdsAreNotFoundOnEveryRouteAndNothingChanges() throws Exception {
        setUp();
        UserSession outsider = world.outsider;
        String token = outsider.csrfToken();
        // One fingerprint around the whole sweep (a snapshot per request is slow enough to outlive the session).
        Map<String, String> before = db.snapshot();
        int checked = 0;
        for (Route r : protectedRoutes()) {
            List<String> parameters = r.parameters();
            if (parameters.isEmpty() || SHARED_PARAMETERS.containsAll(parameters)) {
                continue;
            }
            // Every id foreign, then (for nested routes) the outsider's own parent with a foreign child.
            List<String> paths = new java.util.ArrayList<>(List.of(world.path(r)));
            if (parameters.size() > 1) {
                String first = parameters.get(0);
                String own = switch (first) {
                    case "teamId" -> Long.toString(world.outsiderTeamId);
                    case "portfolioId" -> Long.toString(world.outsiderPortfolioId);
                    default -> throw new IllegalStateException("no own object for {" + first + "}");
                };
                paths.add(Routes.fill(r, name -> name.equals(first) ? own : world.id(name)));
            }
            for (String path : paths) {
                WebResponse response = r.isGet()
                        ? Requests.get(outsider.browser(), root, path)
                        : Requests.postForm(
                                outsider.browser(),
                                root,
                                path,
                                Requests.withToken(world.sample(r), token),
                                r.isMultipart());
                assertThat(response.getStatusCode()).as(r + " as " + path).isEqualTo(404);
                assertThat(response.getContentAsString()).as(path).doesNotContain(world.owner.username);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(25);
        assertThat(Database.changed(before, db.snapshot())).isEmpty();
    }

    @Test
    void anotherTeamsIdsInQueryAndFormFieldsAreRefusedToo() throws Exception {
        setUp();
        UserSession outsider = world.outsider;
        String token = outsider.csrfToken();
        Map<String, String> before = db.snapshot();
        assertThat(Requests.get(outsider.browser(), root, "/hedges?portfolio=" + world.portfolioId)
                        .getStatusCode())
                .isEqualTo(404);
        assertThat(Requests.get(
                                outsider.browser(),
                                root,
                                "/hedges/export.csv?format=native&portfolio=" + world.portfolioId)
                        .getStatusCode())
                .isEqualTo(404);
        // The outsider's own portfolio, with the owner's holding ticked as insured by a new hedge.
        WebResponse linked = Requests.postForm(
                outsider.browser(),
                root,
                "/portfolios/" + world.outsiderPortfolioId + "/hedges",
                Requests.withToken(
                        Requests.fields(
                                "contractId",
                                "BYBIT:BTCUSD",
                                "side",
                                "SHORT",
                                "size",
                                "5000",
                                "entryPrice",
                                "50000",
                                "leverage",
                                "2",
                                "margin",
                                "0",
                                "marginSource",
                                "DEPOSITED",
                                "holding",
                                Long.toString(world.holdingId),
                                "targetCoverage",
                                "1",
                                "fee",
                                "0",
                                "formToken",
                                java.util.UUID.randomUUID().toString()),
                        token),
                false);
        assertThat(linked.getStatusCode()).isIn(400, 404);
        // A note on the outsider's own hedge "correcting" an event of the owner's hedge.
        WebResponse corrected = Requests.postForm(
                outsider.browser(),
                root,
                "/hedges/" + world.outsiderHedgeId + "/actions",
                Requests.withToken(
                        Requests.fields(
                                "type",
                                "NOTE",
                                "note",
                                "x",
                                "correctsEventId",
                                Long.toString(world.eventId),
                                "version",
                                "0",
                                "formToken",
                                java.util.UUID.randomUUID().toString()),
                        token),
                false);
        assertThat(corrected.getStatusCode()).isIn(400, 404, 409);
        assertThat(Database.changed(before, db.snapshot())).isEmpty();
    }

    @Test
    void aViewerIsRefusedEveryWrite() throws Exception {
        setUp();
        UserSession viewer = world.viewer;
        String token = viewer.csrfToken();
        Map<String, String> before = db.snapshot();
        int checked = 0;
        for (Route r : protectedRoutes()) {
            if (r.isGet() || VIEWER_MAY.contains(r.toString())) {
                continue;
            }
            WebResponse response = Requests.postForm(
                    viewer.browser(), root, world.path(r), Requests.withToken(world.sample(r), token), r.isMultipart());
            assertThat(response.getStatusCode()).as(r.toString()).isEqualTo(403);
            checked++;
        }
        assertThat(checked).isGreaterThan(15);
        assertThat(Database.changed(before, db.snapshot())).isEmpty();
    }

    @Test
    void theAdministratorsRoutesAreExactlyThoseThatRequireTheRole() {
        assertThat(Routes.all().stream()
                        .filter(Route::adminOnly)
                        .map(Route::toString)
                        .toList())
                .containsExactlyInAnyOrderElementsOf(ADMIN_ONLY);
        assertThat(ConfigProvider.getConfig().getValue("hedgedesk.admin-role", String.class))
                .isEqualTo(UserSession.ADMIN_ROLE);
    }

    /** Team roles do not count: an editor and a viewer (owners of their personal teams too) are refused. */
    @Test
    void everyoneButAnAdministratorIsRefusedEveryMarketWrite() throws Exception {
        setUp();
        Map<String, String> before = db.snapshot();
        for (UserSession user : List.of(world.editor, world.viewer)) {
            String token = user.csrfToken();
            for (Route r : protectedRoutes()) {
                if (!ADMIN_ONLY.contains(r.toString())) {
                    continue;
                }
                WebResponse response = Requests.postForm(
                        user.browser(),
                        root,
                        world.path(r),
                        Requests.withToken(world.sample(r), token),
                        r.isMultipart());
                assertThat(response.getStatusCode())
                        .as(r + " as " + user.username)
                        .isEqualTo(403);
                assertThat(response.getContentAsString()).contains("Only administrators of this installation");
            }
        }
        assertThat(Database.changed(before, db.snapshot())).isEmpty();
    }

    @Test
    void anEditorIsRefusedTheOwnersTeamManagement() throws Exception {
        setUp();
        UserSession editor = world.editor;
        String token = editor.csrfToken();
        Map<String, String> before = db.snapshot();
        for (Route r : protectedRoutes()) {
            if (r.isGet()
                    || !r.path().startsWith("/teams/")
                    || VIEWER_MAY.contains(r.toString())
                    || EDITOR_MAY.contains(r.toString())) {
                continue;
            }
            WebResponse response = Requests.postForm(
                    editor.browser(), root, world.path(r), Requests.withToken(world.sample(r), token), false);
            assertThat(response.getStatusCode()).as(r.toString()).isEqualTo(403);
        }
        assertThat(Database.changed(before, db.snapshot())).isEmpty();
    }
}
