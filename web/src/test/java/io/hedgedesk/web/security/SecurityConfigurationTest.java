package io.hedgedesk.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The login and session settings of the production profile (application.properties without a profile prefix) and
 * of the Keycloak realm (keycloak/hedgedesk-realm.json), as the security checklist asks for them. Behaviour is
 * proved elsewhere (LoginFlowTest, KeycloakLoginIT, SessionCookieIT); this pins the settings behind it, since
 * several of them default to the unsafe value.
 */
class SecurityConfigurationTest {

    private static final Path REALM = Path.of("..", "keycloak", "hedgedesk-realm.json");

    private static Properties properties;
    private static JsonNode realm;
    private static JsonNode client;

    @BeforeAll
    static void load() throws IOException {
        properties = new Properties();
        try (InputStream in = SecurityConfigurationTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        realm = new ObjectMapper().readTree(REALM.toFile());
        client = realm.get("clients").get(0);
    }

    @Test
    void codeFlowWithPkceNonceAndState() {
        assertThat(properties)
                .containsEntry("quarkus.oidc.application-type", "web-app")
                .containsEntry("quarkus.oidc.authentication.pkce-required", "true")
                .containsEntry("quarkus.oidc.authentication.nonce-required", "true")
                .containsEntry("quarkus.oidc.authentication.fail-on-missing-state-param", "true");
        assertThat(client.get("publicClient").asBoolean()).isFalse();
        assertThat(client.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.get("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.get("directAccessGrantsEnabled").asBoolean())
                .as("password grant")
                .isFalse();
        assertThat(client.get("serviceAccountsEnabled").asBoolean()).isFalse();
        assertThat(client.get("attributes").get("pkce.code.challenge.method").asText())
                .isEqualTo("S256");
    }

    @Test
    void sessionCookieIsLaxSecureBehindTlsEncryptedWithTheEnvironmentsSecretAndBounded() {
        assertThat(properties)
                .containsEntry("quarkus.oidc.authentication.cookie-same-site", "lax")
                .containsEntry("quarkus.oidc.authentication.cookie-force-secure", "${HEDGEDESK_COOKIE_SECURE:false}")
                .containsEntry("quarkus.rest-csrf.cookie-force-secure", "${HEDGEDESK_COOKIE_SECURE:false}")
                .containsEntry("quarkus.oidc.token-state-manager.strategy", "id-refresh-tokens")
                .containsEntry("quarkus.oidc.token-state-manager.encryption-algorithm", "dir")
                .containsEntry("quarkus.oidc.token.refresh-expired", "true")
                .containsEntry("quarkus.oidc.authentication.session-age-extension", "25M");
        assertThat(properties.getProperty("quarkus.oidc.token-state-manager.encryption-secret"))
                .startsWith("${HEDGEDESK_SESSION_SECRET:");
        // ID token life (= access token life in Keycloak) + extension = Keycloak's idle timeout; Keycloak's maximum
        // session ends the refreshes.
        assertThat(realm.get("accessTokenLifespan").asInt() + 25 * 60)
                .isEqualTo(realm.get("ssoSessionIdleTimeout").asInt());
        assertThat(realm.get("ssoSessionMaxLifespan").asInt()).isLessThanOrEqualTo(12 * 3600);
    }

    @Test
    void logoutIsRpInitiatedClearsTheBrowserAndHonoursTheBackChannel() {
        assertThat(properties)
                .containsEntry("quarkus.oidc.logout.path", "/logout")
                .containsEntry("quarkus.oidc.logout.post-logout-path", "/")
                .containsEntry("quarkus.oidc.logout.clear-site-data", "cache,cookies")
                .containsEntry("quarkus.oidc.logout.backchannel.path", "/logout/backchannel");
        assertThat(client.get("attributes").get("backchannel.logout.url").asText())
                .endsWith("/logout/backchannel");
    }

    @Test
    void realmLocksOutGuessersRotatesRefreshTokensAndRequiresLongPasswords() {
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("failureFactor").asInt()).isBetween(3, 10);
        assertThat(realm.get("revokeRefreshToken").asBoolean()).isTrue();
        assertThat(realm.get("refreshTokenMaxReuse").asInt()).isZero();
        assertThat(realm.get("passwordPolicy").asText()).contains("length(12)", "notUsername", "notEmail");
        assertThat(realm.get("registrationAllowed").asBoolean()).isFalse();
        assertThat(realm.get("eventsEnabled").asBoolean())
                .as("Keycloak logs failed logins")
                .isTrue();
        // The demo users' passwords are stored hashed: a plain value would fail the policy at import.
        for (JsonNode user : realm.get("users")) {
            for (JsonNode credential : user.get("credentials")) {
                assertThat(credential.has("value"))
                        .as(user.get("username") + " has a plain password")
                        .isFalse();
                assertThat(credential.get("credentialData").asText()).contains("pbkdf2-sha512");
            }
        }
    }

    /**
     * Installation administrators (who alone write the market data every team shares) are a realm role, given to one
     * demo user, and mapped into the ID token's {@code groups} claim, the only place the application reads roles from.
     */
    @Test
    void oneDemoUserAdministersTheInstallationThroughARealmRoleInTheIdToken() {
        assertThat(properties)
                .containsEntry("hedgedesk.admin-role", "${HEDGEDESK_ADMIN_ROLE:hedgedesk-admin}")
                .containsEntry("quarkus.oidc.roles.role-claim-path", "groups");
        assertThat(properties.getProperty("quarkus.oidc.roles.source"))
                .as("web-app default: the ID token")
                .isNull();
        List<String> realmRoles = new ArrayList<>();
        realm.get("roles")
                .get("realm")
                .forEach(r -> realmRoles.add(r.get("name").asText()));
        assertThat(realmRoles).contains("hedgedesk-admin");
        List<String> admins = new ArrayList<>();
        for (JsonNode user : realm.get("users")) {
            JsonNode roles = user.get("realmRoles");
            if (roles != null && roles.toString().contains("\"hedgedesk-admin\"")) {
                admins.add(user.get("username").asText());
            }
        }
        assertThat(admins).containsExactly("carol");
        JsonNode mapper = null;
        for (JsonNode m : client.get("protocolMappers")) {
            if (m.get("protocolMapper").asText().equals("oidc-usermodel-realm-role-mapper")) {
                mapper = m;
            }
        }
        assertThat(mapper).as("a realm-role mapper on the client").isNotNull();
        assertThat(mapper.get("config").get("claim.name").asText()).isEqualTo("groups");
        assertThat(mapper.get("config").get("id.token.claim").asText()).isEqualTo("true");
        assertThat(mapper.get("config").get("multivalued").asText()).isEqualTo("true");
    }

    @Test
    void redirectUrisAreExactAndNoBrowserOriginIsAllowed() {
        List<String> uris = new ArrayList<>();
        client.get("redirectUris").forEach(u -> uris.add(u.asText()));
        assertThat(uris)
                .isNotEmpty()
                .allSatisfy(uri -> assertThat(uri)
                        .doesNotContain("*")
                        .matches("http://(localhost|127\\.0\\.0\\.1):808[0-3]/login/callback"));
        assertThat(client.get("attributes").get("post.logout.redirect.uris").asText())
                .doesNotContain("*", "+");
        assertThat(client.get("webOrigins"))
                .as("no CORS: the browser never calls Keycloak from script")
                .isEmpty();
    }

    @Test
    void everyRouteNeedsLoginUnlessListedAsPublic() {
        assertThat(properties)
                .containsEntry("quarkus.http.auth.permission.authenticated.paths", "/*")
                .containsEntry("quarkus.http.auth.permission.authenticated.policy", "authenticated")
                .containsEntry("quarkus.http.auth.permission.public.policy", "permit");
        // Making a path public is a decision: it changes this list. The API under /api/v1 is the public calculator.
        assertThat(properties
                        .getProperty("quarkus.http.auth.permission.public.paths")
                        .split(","))
                .containsExactlyInAnyOrder(
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
    }
}
