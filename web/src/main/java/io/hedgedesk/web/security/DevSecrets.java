package io.hedgedesk.web.security;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The secrets whose local defaults (in {@code application.properties}, docker-compose.yml and the realm file) are
 * public, so the production profile must not run with them unless told it is a local run
 * ({@code HEDGEDESK_ALLOW_DEV_SECRETS=true}).
 */
public final class DevSecrets {

    /**
     * One secret: the configuration property, the environment variable that sets it and its public local default.
     */
    public record Secret(String property, String variable, String devDefault) {
        public Secret {
            if (property.isBlank() || variable.isBlank() || devDefault.isBlank()) {
                throw new IllegalArgumentException("secret property, variable and devDefault must not be blank, were: "
                        + property + ", " + variable + ", " + devDefault);
            }
        }
    }

    public static final List<Secret> SECRETS = List.of(
            new Secret(
                    "quarkus.oidc.token-state-manager.encryption-secret",
                    "HEDGEDESK_SESSION_SECRET",
                    "dev-only-session-secret-change-me-0123456789abcdef"),
            new Secret("quarkus.oidc.credentials.secret", "HEDGEDESK_OIDC_CLIENT_SECRET", "hedgedesk-dev-secret"),
            new Secret(
                    "hedgedesk.connections.kek",
                    "HEDGEDESK_CONNECTION_KEK",
                    "dev:ZGV2LW9ubHkta2V5LWVuY3J5cHRpb24ta2V5LTAwMDE="));

    private DevSecrets() {}

    /** The environment variables whose secret still has its public default (in the order of {@link #SECRETS}). */
    public static List<String> stillDefault(Function<String, Optional<String>> config) {
        return SECRETS.stream()
                .filter(s -> config.apply(s.property())
                        .map(String::trim)
                        .filter(s.devDefault()::equals)
                        .isPresent())
                .map(Secret::variable)
                .toList();
    }

    /** Why the production profile refuses to start with {@code variables} at their defaults. */
    public static String refusal(List<String> variables) {
        return "Refusing to start: " + String.join(", ", variables)
                + (variables.size() == 1 ? " has its" : " have their")
                + " public development default. Set each to a secret of your own (for example the output of"
                + " `openssl rand -base64 48`; HEDGEDESK_OIDC_CLIENT_SECRET must match the client secret in Keycloak;"
                + " HEDGEDESK_CONNECTION_KEK is written id:base64 of 32 bytes, e.g. `echo \"k1:$(openssl rand -base64 32)\"`),"
                + " or, for a local run on your own machine only, set HEDGEDESK_ALLOW_DEV_SECRETS=true.";
    }

    /** The warning logged when the defaults are allowed explicitly. */
    public static String warning(List<String> variables) {
        return "HEDGEDESK_ALLOW_DEV_SECRETS=true: running with the public development default of "
                + String.join(", ", variables)
                + ". Sessions, CSRF tokens and the OIDC client are not protected: never do this where others can connect.";
    }
}
