package io.hedgedesk.persistence.alerts;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the alerts need of a team's exchange connections (read only: the connections are written by their own pages and
 * sync): each connection's sync state and key expiry, the run of failed syncs counted by V44's trigger, the
 * thresholds of the team's portfolios, and the connection alerts' gates.
 */
@ApplicationScoped
public class ConnectionAlertStore {

    /**
     * A connection's state.
     *
     * @param failingSince when its current run of failed syncs began (empty while the syncs work): the first failure
     *                     counted, else (failures before the count was kept) its last good sync or its creation
     * @param failures     failed syncs in a row (0 while the syncs work; at least 1 while its last sync failed)
     */
    public record State(
            long id,
            long teamId,
            String venue,
            String label,
            Optional<String> lastError,
            Optional<Instant> keyExpiresAt,
            Optional<Instant> failingSince,
            int failures) {}

    /** A team's connection thresholds from its portfolios' defaults; empty: the installation's. */
    public record Thresholds(
            Optional<Integer> syncFailingHours, Optional<Integer> syncFailures, Optional<Integer> keyExpiryDays) {

        /** None set. */
        public static final Thresholds NONE = new Thresholds(Optional.empty(), Optional.empty(), Optional.empty());
    }

    private final Sql sql;

    public ConnectionAlertStore(AgroalDataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    /** The connections of {@code teamIds} (every team's when empty), by team then id. */
    public List<State> states(Optional<Collection<Long>> teamIds) {
        return sql.query(
                "select c.id, c.team_id, c.venue, c.label, c.last_error, c.key_expires_at,"
                        + " case when c.last_error is not null then coalesce(f.failing_since, c.last_sync_at, c.created_at) end,"
                        + " case when c.last_error is not null then coalesce(f.failures, 1) else 0 end"
                        + " from exchange_connection c left join connection_sync_failure f on f.connection_id = c.id"
                        + (teamIds.isPresent() ? " where c.team_id = any(?)" : "") + " order by c.team_id, c.id",
                s -> {
                    if (teamIds.isPresent()) {
                        Sql.ids(s, 1, teamIds.get());
                    }
                },
                r -> new State(
                        r.getLong(1),
                        r.getLong(2),
                        r.getString(3),
                        r.getString(4),
                        Optional.ofNullable(r.getString(5)),
                        Sql.instant(r, 6),
                        Sql.instant(r, 7),
                        r.getInt(8)));
    }

    /**
     * Per team, the tightest connection thresholds its portfolios' defaults set (the fewest hours and failures, the most
     * days before a key's expiry): one portfolio asking to be told early is enough.
     */
    public Map<Long, Thresholds> thresholds(Collection<Long> teamIds) {
        Map<Long, Thresholds> found = new HashMap<>();
        if (teamIds.isEmpty()) {
            return found;
        }
        sql.query(
                "select p.team_id, min(t.sync_failing_hours), min(t.sync_failures), max(t.key_expiry_days)"
                        + " from alert_threshold t join portfolio p on p.id = t.portfolio_id where t.hedge_id is null"
                        + " and p.team_id = any(?) group by p.team_id",
                s -> Sql.ids(s, 1, teamIds),
                r -> found.put(r.getLong(1), new Thresholds(Sql.integer(r, 2), Sql.integer(r, 3), Sql.integer(r, 4))));
        return found;
    }

    /** The stored gates of {@code connectionIds}, by connection id and kind, in one query. */
    public Map<Long, Map<String, AlertOutbox.Gate>> gates(Collection<Long> connectionIds) {
        Map<Long, Map<String, AlertOutbox.Gate>> found = new HashMap<>();
        if (connectionIds.isEmpty()) {
            return found;
        }
        sql.query(
                "select connection_id, kind, fired, last_sent from connection_alert_state where connection_id = any(?)",
                s -> Sql.ids(s, 1, connectionIds),
                r -> found.computeIfAbsent(r.getLong(1), id -> new HashMap<>())
                        .put(r.getString(2), new AlertOutbox.Gate(r.getBoolean(3), Sql.instant(r, 4))));
        return found;
    }
}
