package io.hedgedesk.web.security.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.web.security.inventory.Routes.Route;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.htmlunit.WebResponse;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;

/**
 * CSRF on every state-changing form route (security.md, "Input and output"): a post without the token, with a wrong
 * token, with the token of another session, or disguised as another content type (a cross-site form can send
 * {@code text/plain}) is refused and changes nothing — while the same body with the session's own token passes the
 * check (so the refusals are the token's doing, not the body's).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CsrfNegativeTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    Fixtures fixtures;

    /** The form routes: every POST that is not a JSON API call. */
    static List<Route> formRoutes() {
        return Routes.all().stream().filter(r -> !r.isGet() && !r.isJson()).toList();
    }

    /** quarkus-rest-csrf answers a bare 400 (no page with the form and its field errors). */
    static boolean refusedByCsrf(WebResponse response) {
        return response.getStatusCode() == 400 && !response.getContentAsString().contains("<form");
    }

    @Test
    void everyFormRouteRefusesAMissingWrongOrForeignTokenAndNothingChanges() throws Exception {
        Database db = fixtures.db();
        try (World world = fixtures.world(root, "Csrf")) {
            List<Route> routes = formRoutes();
            assertThat(routes).hasSizeGreaterThan(15);
            String own = world.owner.csrfToken();
            String foreign = world.outsider.csrfToken();
            assertThat(foreign).isNotEqualTo(own);
            // Bodies first: the positive controls at the end change the versions they carry.
            Map<Route, List<NameValuePair>> bodies = new LinkedHashMap<>();
            routes.forEach(r -> bodies.put(r, world.sample(r)));

            Map<String, String> before = db.snapshot();
            for (Route r : routes) {
                String path = world.path(r);
                List<NameValuePair> body = bodies.get(r);
                Map<String, WebResponse> attempts = new LinkedHashMap<>();
                attempts.put("no token", Requests.postForm(world.owner.browser(), root, path, body, r.isMultipart()));
                attempts.put(
                        "wrong token",
                        Requests.postForm(
                                world.owner.browser(),
                                root,
                                path,
                                Requests.withToken(body, "bm90LXRoZS10b2tlbg"),
                                r.isMultipart()));
                attempts.put(
                        "empty token",
                        Requests.postForm(
                                world.owner.browser(), root, path, Requests.withToken(body, ""), r.isMultipart()));
                attempts.put(
                        "another session's token",
                        Requests.postForm(
                                world.owner.browser(), root, path, Requests.withToken(body, foreign), r.isMultipart()));
                attempts.forEach((what, response) -> assertThat(refusedByCsrf(response))
                        .as(r + " with " + what + ": " + response.getStatusCode())
                        .isTrue());
                // A cross-site page can post text/plain: the check skips non-form types, the route must not accept
                // them.
                for (String type : List.of("text/plain", "application/json")) {
                    WebResponse disguised = Requests.postRaw(world.owner.browser(), root, path, type, encode(body));
                    assertThat(disguised.getStatusCode()).as(r + " as " + type).isBetween(400, 499);
                }
            }
            assertThat(Database.changed(before, db.snapshot())).isEmpty();

            // Positive control: the same bodies with the session's own token get past the check.
            for (Route r : routes) {
                WebResponse accepted = Requests.postForm(
                        world.owner.browser(),
                        root,
                        world.path(r),
                        Requests.withToken(bodies.get(r), own),
                        r.isMultipart());
                assertThat(refusedByCsrf(accepted))
                        .as(r + " with its own token: " + accepted.getStatusCode())
                        .isFalse();
                assertThat(accepted.getStatusCode()).as(r.toString()).isNotEqualTo(500);
            }
        }
    }

    private static String encode(List<NameValuePair> fields) {
        return fields.stream()
                .map(f -> URLEncoder.encode(f.getName(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
