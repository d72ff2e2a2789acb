package io.hedgedesk.web.connection;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Rotation of the key-encryption key: at start, every stored data key wrapped by an older key-encryption key is
 * re-wrapped under the current one (first in {@code HEDGEDESK_CONNECTION_KEK}). Once the log says none is left,
 * the old key can be removed from the variable. Safe with several instances: each row is re-wrapped in one
 * transaction with its version checked.
 */
@ApplicationScoped
public class KeyRotation {

    private static final Logger LOG = Logger.getLogger(KeyRotation.class);

    private final ConnectionStore store;

    public KeyRotation(ConnectionStore store) {
        this.store = store;
    }

    void onStart(@Observes StartupEvent event) {
        int changed = store.rewrapAll();
        if (changed > 0) {
            LOG.infof(
                    "Re-wrapped the credentials of %d exchange connection(s) under the current key-encryption key",
                    changed);
        }
    }
}
