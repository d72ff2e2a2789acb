package io.hedgedesk.persistence.alerts;

import io.agroal.api.AgroalDataSource;
import io.hedgedesk.persistence.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per user: where alerts go ({@code alert_recipient}) and what the user acknowledged or snoozed on the dashboard
 * ({@code alert_ack}, {@code connection_alert_ack}); per installation: whether webhooks may call private addresses ({@code alert_installation}).
 */
@ApplicationScoped
public class AlertSettings {

    /** A user's delivery choice. */
    public record Delivery(
            Optional<String> email,
            boolean emailOn,
            Optional<String> webhookUrl,
            Optional<String> webhookKind,
            boolean webhookOn) {

        /** Nothing chosen. */
        public static final Delivery NONE =
                new Delivery(Optional.empty(), false, Optional.empty(), Optional.empty(), false);
    }

    /** A user's acknowledgement or snooze of a hedge's alert. */
    public record Ack(boolean acknowledged, Optional<Instant> snoozedUntil) {}

    private final Sql sql;

    public AlertSettings(AgroalDataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    /** The user's delivery choice ({@link Delivery#NONE} when never saved). */
    public Delivery delivery(long userId) {
        List<Delivery> rows = sql.query(
                "select email, email_on, webhook_url, webhook_kind, webhook_on from alert_recipient"
                        + " where user_id = ?",
                s -> s.setLong(1, userId),
                r -> new Delivery(
                        Optional.ofNullable(r.getString(1)),
                        r.getBoolean(2),
                        Optional.ofNullable(r.getString(3)),
                        Optional.ofNullable(r.getString(4)),
                        r.getBoolean(5)));
        return rows.isEmpty() ? Delivery.NONE : rows.get(0);
    }

    /** Saves the user's delivery choice. */
    @Transactional
    public void save(long userId, Delivery d) {
        sql.update(
                "insert into alert_recipient (user_id, email, email_on, webhook_url, webhook_kind, webhook_on)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (user_id) do update set email = excluded.email,"
                        + " email_on = excluded.email_on, webhook_url = excluded.webhook_url, webhook_kind = excluded.webhook_kind,"
                        + " webhook_on = excluded.webhook_on, updated_at = now()",
                s -> {
                    s.setLong(1, userId);
                    s.setString(2, d.email().orElse(null));
                    s.setBoolean(3, d.emailOn());
                    s.setString(4, d.webhookUrl().orElse(null));
                    s.setString(5, d.webhookKind().orElse(null));
                    s.setBoolean(6, d.webhookOn());
                });
    }

    /** Whether an administrator allowed webhooks to private, loopback and this machine's addresses. */
    public boolean allowPrivateWebhooks() {
        return sql
                .query("select allow_private_webhooks from alert_installation", s -> {}, r -> r.getBoolean(1))
                .stream()
                .findFirst()
                .orElse(false);
    }

    /** An administrator's choice (the caller checks the role). */
    @Transactional
    public void allowPrivateWebhooks(boolean allow, long adminId) {
        sql.update(
                "update alert_installation set allow_private_webhooks = ?, changed_by = ?, changed_at = now()", s -> {
                    s.setBoolean(1, allow);
                    s.setLong(2, adminId);
                });
    }

    /** The user's acknowledgements and snoozes, keyed "hedgeId:KIND" for hedges, "connection:id:KIND" for connections. */
    public Map<String, Ack> acks(long userId) {
        Map<String, Ack> found = new HashMap<>();
        sql.query(
                "select '', hedge_id, kind, acknowledged, snoozed_until from alert_ack where user_id = ? union all"
                        + " select 'connection:', connection_id, kind, acknowledged, snoozed_until from connection_alert_ack"
                        + " where user_id = ?",
                s -> {
                    s.setLong(1, userId);
                    s.setLong(2, userId);
                },
                r -> found.put(
                        r.getString(1) + r.getLong(2) + ":" + r.getString(3),
                        new Ack(r.getBoolean(4), Sql.instant(r, 5))));
        return found;
    }

    /**
     * Acknowledges (until the alert re-arms) or snoozes (until {@code until}) an alert of a hedge (the caller checked
     * the user sees it) or of an exchange connection of one of the user's teams, for one user.
     *
     * @throws NotFoundException a connection not in the user's teams
     */
    @Transactional
    public void acknowledge(
            long userId,
            AlertBatch.Subject subject,
            long id,
            String kind,
            boolean acknowledged,
            Optional<Instant> until) {
        String visible = subject == AlertBatch.Subject.HEDGE
                ? "true"
                : "exists (select 1 from exchange_connection c join membership m on m.team_id = c.team_id"
                        + " where c.id = x.i and m.user_id = x.u)";
        int stored = sql.update(
                "insert into " + subject.acks + " (user_id, " + subject.column + ", kind, acknowledged, snoozed_until)"
                        + " select * from (values (?::bigint, ?::bigint, ?, ?::boolean, ?::timestamptz)) as x(u, i, k, a, s)"
                        + " where " + visible + " on conflict (user_id, " + subject.column + ", kind) do update set"
                        + " acknowledged = excluded.acknowledged or " + subject.acks + ".acknowledged, snoozed_until ="
                        + " coalesce(excluded.snoozed_until, " + subject.acks + ".snoozed_until), changed_at = now()",
                s -> {
                    s.setLong(1, userId);
                    s.setLong(2, id);
                    s.setString(3, kind);
                    s.setBoolean(4, acknowledged);
                    s.setObject(5, until.map(Sql::utc).orElse(null), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                });
        if (stored == 0) {
            throw new NotFoundException("exchange connection", id);
        }
    }
}
