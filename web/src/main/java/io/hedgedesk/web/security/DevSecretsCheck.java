package io.hedgedesk.web.security;

import io.hedgedesk.web.config.HedgedeskConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * At start-up of the packaged application (production profile): refuses to run with the public development
 * secrets ({@link DevSecrets}) unless {@code HEDGEDESK_ALLOW_DEV_SECRETS=true}, and then says so in the log.
 * Dev and test mode ({@code ./mvnw quarkus:dev}, {@code @QuarkusTest}) are local by definition and not checked.
 */
@ApplicationScoped
public class DevSecretsCheck {

    private static final Logger LOG = Logger.getLogger(DevSecretsCheck.class);

    private final Config config;
    private final boolean allowed;

    DevSecretsCheck(Config config, HedgedeskConfig settings) {
        this.config = config;
        this.allowed = settings.allowDevSecrets();
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        List<String> defaults = DevSecrets.stillDefault(p -> config.getOptionalValue(p, String.class));
        if (defaults.isEmpty()) {
            return;
        }
        SecurityLog.warn(
                allowed ? "dev-secrets-allowed" : "dev-secrets-refused", "variables", String.join(",", defaults));
        if (!allowed) {
            LOG.error(DevSecrets.refusal(defaults));
            throw new InsecureConfigurationException(DevSecrets.refusal(defaults));
        }
        LOG.warn(DevSecrets.warning(defaults));
    }
}
