package io.hedgedesk.web.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.hedgedesk.web.support.UserSession;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deny by default: a resource that someone adds without any security annotation, and without touching the
 * configuration, needs a login. {@link Unannotated} exists only in this test's build (a build-time property of the
 * test profile), so no other test or the packaged app ever sees it.
 */
@QuarkusTest
@TestProfile(DenyByDefaultTest.WithUnannotatedResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DenyByDefaultTest {

    static final String PROPERTY = "test.hedgedesk.unannotated-resource";

    public static class WithUnannotatedResource implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(PROPERTY, "true");
        }
    }

    /** What a new resource looks like when its author forgets about security. */
    @Path("/brand-new-feature")
    @IfBuildProperty(name = PROPERTY, stringValue = "true")
    public static class Unannotated {
        @GET
        public String read() {
            return "private data";
        }

        @POST
        public String write() {
            return "changed";
        }
    }

    @TestHTTPResource("/")
    URL root;

    @Test
    void anonymousReadsAreSentToLogInAndNeverSeeTheData() {
        given().redirects()
                .follow(false)
                .when()
                .get("/brand-new-feature")
                .then()
                .statusCode(302)
                .header("Location", containsString("/auth/realms/quarkus"));
        given().redirects()
                .follow(false)
                .when()
                .get("/brand-new-feature/../brand-new-feature")
                .then()
                .statusCode(302);
    }

    @Test
    void anonymousWritesAreRefused() {
        int status = given().redirects()
                .follow(false)
                .when()
                .post("/brand-new-feature")
                .then()
                .extract()
                .statusCode();
        assertThat(status).isIn(302, 401);
    }

    @Test
    void aLoggedInUserReachesIt() throws Exception {
        try (UserSession user = UserSession.logInNew(root, "Newcomer")) {
            assertThat(user.getStatus("/brand-new-feature")).isEqualTo(200);
        }
    }
}
