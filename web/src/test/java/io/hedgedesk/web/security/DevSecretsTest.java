package io.hedgedesk.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which secrets still have their public defaults, and the messages. The start-up refusal itself: DevSecretsIT. */
class DevSecretsTest {

    private static final Map<String, String> ALL_DEFAULTS = Map.of(
            "quarkus.oidc.token-state-manager.encryption-secret", "dev-only-session-secret-change-me-0123456789abcdef",
            "quarkus.oidc.credentials.secret", "hedgedesk-dev-secret",
            "hedgedesk.connections.kek", "dev:ZGV2LW9ubHkta2V5LWVuY3J5cHRpb24ta2V5LTAwMDE=");

    @Test
    void everyDefaultIsNamedByItsVariable() {
        assertThat(DevSecrets.stillDefault(p -> Optional.ofNullable(ALL_DEFAULTS.get(p))))
                .containsExactly(
                        "HEDGEDESK_SESSION_SECRET", "HEDGEDESK_OIDC_CLIENT_SECRET", "HEDGEDESK_CONNECTION_KEK");
    }

    @Test
    void realSecretsOrMissingValuesPass() {
        assertThat(DevSecrets.stillDefault(p -> Optional.of("a-real-secret-" + p.hashCode())))
                .isEmpty();
        assertThat(DevSecrets.stillDefault(p -> Optional.empty())).isEmpty();
    }

    @Test
    void oneLeftOverDefaultIsEnough() {
        assertThat(DevSecrets.stillDefault(p -> p.equals("quarkus.oidc.credentials.secret")
                        ? Optional.of(" hedgedesk-dev-secret ")
                        : Optional.of("own-" + p)))
                .containsExactly("HEDGEDESK_OIDC_CLIENT_SECRET");
    }

    @Test
    void theDefaultsAreExactlyThoseOfApplicationProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        Pattern expression = Pattern.compile("\\$\\{(\\w+):(.*)}");
        for (DevSecrets.Secret secret : DevSecrets.SECRETS) {
            Matcher m = expression.matcher(properties.getProperty(secret.property(), ""));
            assertThat(m.matches())
                    .as(secret.property() + " is ${VARIABLE:default}")
                    .isTrue();
            assertThat(m.group(1)).isEqualTo(secret.variable());
            assertThat(m.group(2)).isEqualTo(secret.devDefault());
        }
    }

    @Test
    void refusalNamesTheVariablesAndTheWayOut() {
        assertThat(DevSecrets.refusal(List.of("HEDGEDESK_SESSION_SECRET", "HEDGEDESK_OIDC_CLIENT_SECRET")))
                .startsWith(
                        "Refusing to start: HEDGEDESK_SESSION_SECRET, HEDGEDESK_OIDC_CLIENT_SECRET have their public")
                .contains("HEDGEDESK_ALLOW_DEV_SECRETS=true");
        assertThat(DevSecrets.refusal(List.of("HEDGEDESK_OIDC_CLIENT_SECRET")))
                .startsWith("Refusing to start: HEDGEDESK_OIDC_CLIENT_SECRET has its public");
        assertThat(DevSecrets.warning(List.of("HEDGEDESK_SESSION_SECRET")))
                .startsWith("HEDGEDESK_ALLOW_DEV_SECRETS=true: running with the public development default of "
                        + "HEDGEDESK_SESSION_SECRET.");
    }

    @Test
    void blankSecretDescriptionsAreRejected() {
        assertThatThrownBy(() -> new DevSecrets.Secret("a.b", " ", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("variable");
    }
}
