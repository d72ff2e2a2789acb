package io.hedgedesk.web.alerts;

import io.hedgedesk.persistence.alerts.AlertBatch;
import io.hedgedesk.persistence.alerts.ConnectionAlertStore;
import io.hedgedesk.pricing.alerts.AlertEvaluator;
import io.hedgedesk.pricing.alerts.ConnectionChecks;
import io.hedgedesk.web.config.HedgedeskConfig;
import io.hedgedesk.web.hedge.AlertWords;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alerts of the teams' exchange connections ({@link ConnectionChecks}): each connection measured now against the
 * tightest thresholds its team's portfolios set, over the installation's ({@code hedgedesk.alerts.sync-failing-hours}
 * 6, {@code sync-failures} 3, {@code key-expiry-days} 14).
 */
@ApplicationScoped
public class ConnectionAlerts {

    /** A connection with its thresholds in force and its checks. */
    public record Evaluated(
            ConnectionAlertStore.State connection,
            ConnectionChecks.Reading reading,
            ConnectionChecks.Thresholds thresholds,
            List<AlertEvaluator.Check> checks) {

        /** A check of this connection in words. */
        public String text(AlertEvaluator.Check check) {
            return AlertWords.connection(
                    check, reading, thresholds, connection.lastError().orElse(""));
        }

        /** The connection as people know it, e.g. "Connection “Main account” (BYBIT)". */
        public String label() {
            return "Connection “" + connection.label() + "” (" + connection.venue() + ")";
        }

        /** The alert's subject and body. */
        AlertBatch.Message message(AlertEvaluator.Check check) {
            return new AlertBatch.Message(
                    "hedgedesk: " + AlertWords.title(check.kind()) + " — " + label(),
                    label() + ": " + text(check) + ".");
        }
    }

    private final ConnectionAlertStore store;
    private final AlertDefaults defaults;
    private final Clock clock;
    private final ConnectionChecks.Thresholds installation;

    ConnectionAlerts(ConnectionAlertStore store, AlertDefaults defaults, Clock clock, HedgedeskConfig config) {
        this.store = store;
        this.defaults = defaults;
        this.clock = clock;
        HedgedeskConfig.Alerts a = config.alerts();
        this.installation = new ConnectionChecks.Thresholds(a.syncFailingHours(), a.syncFailures(), a.keyExpiryDays());
    }

    /** The connections of {@code teamIds} (every team's when empty), measured now. */
    public List<Evaluated> evaluate(Optional<Collection<Long>> teamIds) {
        List<ConnectionAlertStore.State> states = store.states(teamIds);
        Map<Long, ConnectionAlertStore.Thresholds> byTeam = store.thresholds(states.stream()
                .map(ConnectionAlertStore.State::teamId)
                .distinct()
                .toList());
        Instant now = clock.instant();
        return states.stream()
                .map(c -> {
                    ConnectionAlertStore.Thresholds set =
                            byTeam.getOrDefault(c.teamId(), ConnectionAlertStore.Thresholds.NONE);
                    ConnectionChecks.Thresholds t = new ConnectionChecks.Thresholds(
                            set.syncFailingHours().orElse(installation.syncFailingHours()),
                            set.syncFailures().orElse(installation.syncFailures()),
                            set.keyExpiryDays().orElse(installation.keyExpiryDays()));
                    ConnectionChecks.Reading r = new ConnectionChecks.Reading(
                            c.id(),
                            c.failingSince().map(since -> Duration.between(since, now)),
                            c.failures(),
                            c.keyExpiresAt().map(at -> Duration.between(now, at)));
                    return new Evaluated(c, r, t, ConnectionChecks.checks(r, t, defaults.minInterval()));
                })
                .toList();
    }
}
