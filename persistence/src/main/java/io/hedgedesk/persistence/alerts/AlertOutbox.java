package io.hedgedesk.persistence.alerts;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The alert gates' memory as read ({@code alert_state}; {@link AlertBatch} moves the gates and raises the alerts), the
 * outbox of messages ({@code alert_delivery}) with its log. Methods that must run together (a message claimed, sent and
 * marked) are called inside one transaction by the caller.
 */
@ApplicationScoped
public class AlertOutbox {

    /** A gate as stored: fired until re-armed, when it last sent. */
    public record Gate(boolean fired, Optional<Instant> lastSent) {

        /** A gate never stored. */
        public static final Gate ARMED = new Gate(false, Optional.empty());

        public Gate {
            Objects.requireNonNull(lastSent, "lastSent");
        }
    }

    /** Who is told about a portfolio's alerts, and where. */
    public record Recipient(
            long userId, Optional<String> email, Optional<String> webhookUrl, Optional<String> webhookKind) {}

    /** A message claimed for sending. */
    public record Claimed(
            long id,
            long userId,
            String channel,
            String target,
            Optional<String> webhookKind,
            String subject,
            String body,
            int attempts) {}

    /** One line of a delivery log. */
    public record LogLine(
            long deliveryId,
            Optional<Long> hedgeId,
            String subject,
            String channel,
            String target,
            String status,
            Instant at,
            String outcome,
            String detail) {}

    private final Sql sql;

    public AlertOutbox(AgroalDataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    /** The stored gates of {@code hedgeIds}, by hedge id and kind, in one query. */
    public Map<Long, Map<String, Gate>> gates(Collection<Long> hedgeIds) {
        Map<Long, Map<String, Gate>> found = new HashMap<>();
        if (hedgeIds.isEmpty()) {
            return found;
        }
        sql.query(
                "select hedge_id, kind, fired, last_sent from alert_state where hedge_id = any(?)",
                s -> Sql.ids(s, 1, hedgeIds),
                rows -> found.computeIfAbsent(rows.getLong(1), id -> new HashMap<>())
                        .put(rows.getString(2), new Gate(rows.getBoolean(3), Sql.instant(rows, 4))));
        return found;
    }

    /** Puts one message in the outbox, due at {@code now}; {@code alertId} empty for a test message. */
    public long enqueue(
            Long alertId,
            long userId,
            String channel,
            String target,
            Optional<String> webhookKind,
            String subject,
            String body,
            Instant now) {
        return sql.query(
                        "insert into alert_delivery (alert_event_id, user_id, channel, target, webhook_kind, subject,"
                                + " body, next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
                        s -> {
                            s.setObject(1, alertId, Types.BIGINT);
                            s.setLong(2, userId);
                            s.setString(3, channel);
                            s.setString(4, target);
                            s.setString(5, webhookKind.orElse(null));
                            s.setString(6, Sql.clip(subject, 300));
                            s.setString(7, Sql.clip(body, 4000));
                            s.setObject(8, Sql.utc(now));
                            s.setObject(9, Sql.utc(now));
                        },
                        rows -> rows.getLong(1))
                .get(0);
    }

    /**
     * Claims up to {@code limit} messages due at {@code now}, oldest first: their rows stay locked until the caller's
     * transaction ends ({@code FOR UPDATE SKIP LOCKED}), so another instance claiming at the same time skips them and
     * takes the next ones. Must run inside a transaction.
     */
    public List<Claimed> claim(int limit, Instant now) {
        return sql.query(
                "select id, user_id, channel, target, webhook_kind, subject, body, attempts from alert_delivery"
                        + " where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at, id limit ?"
                        + " for update skip locked",
                s -> {
                    s.setObject(1, Sql.utc(now));
                    s.setInt(2, limit);
                },
                rows -> new Claimed(
                        rows.getLong(1),
                        rows.getLong(2),
                        rows.getString(3),
                        rows.getString(4),
                        Optional.ofNullable(rows.getString(5)),
                        rows.getString(6),
                        rows.getString(7),
                        rows.getInt(8)));
    }

    /**
     * Locks the user's delivery settings row until the transaction ends, so that two instances count the user's recent
     * messages one after the other (the rate limit holds across instances).
     */
    public void lockUser(long userId) {
        sql.query(
                "select user_id from alert_recipient where user_id = ? for update",
                s -> s.setLong(1, userId),
                rows -> rows.getLong(1));
    }

    /** Messages sent to the user since {@code since}. */
    public int sentSince(long userId, Instant since) {
        return sql.query(
                        "select count(*) from alert_delivery where user_id = ? and status = 'SENT' and sent_at >= ?",
                        s -> {
                            s.setLong(1, userId);
                            s.setObject(2, Sql.utc(since));
                        },
                        rows -> rows.getInt(1))
                .get(0);
    }

    /** The earliest time a message of the user was sent since {@code since}, if any. */
    public Optional<Instant> oldestSentSince(long userId, Instant since) {
        return sql.query(
                        "select min(sent_at) from alert_delivery where user_id = ? and status = 'SENT' and sent_at >= ?",
                        s -> {
                            s.setLong(1, userId);
                            s.setObject(2, Sql.utc(since));
                        },
                        rows -> Sql.instant(rows, 1))
                .get(0);
    }

    /** Marks a message sent. */
    public void sent(long id, Instant at) {
        finish(id, "SENT", at, "SENT", null);
    }

    /** Marks a message failed for good. */
    public void failed(long id, Instant at, String error) {
        finish(id, "FAILED", at, "FAILED", error);
    }

    /** Marks a message skipped (e.g. the address is no longer allowed). */
    public void skipped(long id, Instant at, String reason) {
        finish(id, "SKIPPED", at, "SKIPPED", reason);
    }

    /** Leaves a message pending until {@code next}, logging why ({@code RETRY} after a failure, or RATE_LIMITED). */
    public void later(long id, Instant at, Instant next, String outcome, String detail, boolean attempted) {
        sql.update(
                "update alert_delivery set next_attempt_at = ?, attempts = attempts + ?, last_error = ? where id = ?",
                s -> {
                    s.setObject(1, Sql.utc(next));
                    s.setInt(2, attempted ? 1 : 0);
                    s.setString(3, attempted ? Sql.clip(detail, 1000) : null);
                    s.setLong(4, id);
                });
        log(id, at, outcome, detail);
    }

    private void finish(long id, String status, Instant at, String outcome, String detail) {
        sql.update(
                "update alert_delivery set status = ?, attempts = attempts + ?, sent_at = ?, last_error = ?"
                        + " where id = ?",
                s -> {
                    s.setString(1, status);
                    s.setInt(2, "SKIPPED".equals(status) ? 0 : 1);
                    s.setObject(3, "SENT".equals(status) ? Sql.utc(at) : null, Types.TIMESTAMP_WITH_TIMEZONE);
                    s.setString(4, "SENT".equals(status) ? null : Sql.clip(detail, 1000));
                    s.setLong(5, id);
                });
        log(id, at, outcome, detail);
    }

    private void log(long id, Instant at, String outcome, String detail) {
        sql.update("insert into alert_delivery_log (delivery_id, at, outcome, detail) values (?, ?, ?, ?)", s -> {
            s.setLong(1, id);
            s.setObject(2, Sql.utc(at));
            s.setString(3, outcome);
            s.setString(4, detail == null ? null : Sql.clip(detail, 1000));
        });
    }

    /**
     * The user's delivery log, newest first: every attempt of their messages, with the hedge the alert concerns
     * ({@code hedgeId} empty for all hedges).
     */
    public List<LogLine> log(long userId, Optional<Long> hedgeId, int limit) {
        return sql.query(
                "select d.id, e.hedge_id, d.subject, d.channel, d.target, d.status, l.at, l.outcome,"
                        + " coalesce(l.detail, '') from alert_delivery d join alert_delivery_log l on l.delivery_id = d.id"
                        + " left join alert_event e on e.id = d.alert_event_id where d.user_id = ?"
                        + (hedgeId.isPresent() ? " and e.hedge_id = ?" : "") + " order by l.at desc, l.id desc limit ?",
                s -> {
                    s.setLong(1, userId);
                    int i = 2;
                    if (hedgeId.isPresent()) {
                        s.setLong(i++, hedgeId.get());
                    }
                    s.setInt(i, limit);
                },
                rows -> new LogLine(
                        rows.getLong(1),
                        Optional.ofNullable(rows.getObject(2, Long.class)),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        rows.getString(6),
                        Sql.instant(rows, 7).orElseThrow(),
                        rows.getString(8),
                        rows.getString(9)));
    }

    /** The counters moved by every write of team or market data (any instance): a change means re-evaluate. */
    public String dataStamp() {
        return sql.query(
                        "select (select version from market_data_version) || ':' || (select coalesce(sum(data_version),"
                                + " 0) from team)",
                        s -> {},
                        rows -> rows.getString(1))
                .get(0);
    }
}
