package io.hedgedesk.persistence.alerts;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The alert gates moved by one evaluation, many at a time: each gate's compare-and-set on {@code alert_state} (or
 * {@code connection_alert_state}) and, for a gate that fired, its alert ({@code alert_event}) and one outbox message
 * per recipient and channel ({@code alert_delivery}): a few statements per batch instead of a transaction per alert.
 * Must run inside the caller's transaction: a gate moved and its alert stored commit together, so with two instances
 * evaluating at once each alert is raised by one of them (the other's compare-and-set waits for the first's row lock,
 * then finds the row changed).
 */
@ApplicationScoped
public class AlertBatch {

    /** What an alert is about: a hedge (its gates in {@code alert_state}) or an exchange connection. */
    public enum Subject {
        HEDGE("alert_state", "hedge_id", "alert_ack"),
        CONNECTION("connection_alert_state", "connection_id", "connection_alert_ack");

        private final String table;
        final String column;
        /** The users' acknowledgements and snoozes of the subject's alerts. */
        final String acks;

        Subject(String table, String column, String acks) {
            this.table = table;
            this.column = column;
            this.acks = acks;
        }
    }

    /**
     * A gate to move from the state it was read in to {@code to}; with a message, the alert it raises.
     *
     * @param subject     what the alert is about
     * @param id          the hedge's or the connection's id
     * @param teamId      the team whose members are told
     * @param portfolioId the hedge's portfolio (empty for a connection)
     * @param kind        the alert's kind
     * @param from        the gate as read
     * @param to          the gate to store
     * @param value       the measured value
     * @param message     the alert's subject and body; empty for a re-arm (whose acknowledgements are forgotten)
     */
    public record Move(
            Subject subject,
            long id,
            long teamId,
            Optional<Long> portfolioId,
            String kind,
            AlertOutbox.Gate from,
            AlertOutbox.Gate to,
            BigDecimal value,
            Optional<Message> message) {

        String key() {
            return subject + ":" + id + ":" + kind;
        }
    }

    /** What the alert says. */
    public record Message(String subject, String body) {}

    private static final Comparator<Move> LOCK_ORDER =
            Comparator.comparing(Move::subject).thenComparingLong(Move::id).thenComparing(Move::kind);

    private final AgroalDataSource dataSource;

    public AlertBatch(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Moves the gates, in (subject, id, kind) order so that two instances lock the rows in one order, and raises the
     * alerts of those this caller moved.
     *
     * @return the moves this caller made (a gate another instance moved first is left out)
     */
    public List<Move> apply(List<Move> moves, Instant now) {
        List<Move> sorted = new ArrayList<>(moves);
        sorted.sort(LOCK_ORDER);
        if (sorted.isEmpty()) {
            return sorted;
        }
        try (Connection c = dataSource.getConnection()) {
            List<Move> moved = new ArrayList<>();
            for (Subject subject : Subject.values()) {
                moved.addAll(move(
                        c, sorted.stream().filter(m -> m.subject() == subject).toList(), subject));
            }
            List<Move> raised =
                    moved.stream().filter(m -> m.message().isPresent()).toList();
            List<Move> rearmed =
                    moved.stream().filter(m -> m.message().isEmpty()).toList();
            raise(c, raised, now);
            forgetAcknowledgements(c, rearmed);
            return moved;
        } catch (SQLException e) {
            throw new IllegalStateException("alert store: " + e.getMessage(), e);
        }
    }

    /**
     * The compare-and-set of each gate of one subject: the rows are locked in the given order first (so that two
     * instances never wait for each other in a cycle; a row another instance changed meanwhile is read as it committed
     * it), then every gate still in the state it was read in is moved by one update. Returns the moves made.
     */
    private static List<Move> move(Connection c, List<Move> moves, Subject subject) throws SQLException {
        List<Move> moved = new ArrayList<>();
        if (moves.isEmpty()) {
            return moved;
        }
        Object[] ids = moves.stream().map(Move::id).toArray();
        Object[] kinds = moves.stream().map(Move::kind).toArray();
        try (PreparedStatement s = c.prepareStatement("insert into " + subject.table + " (" + subject.column + ", kind)"
                + " select * from unnest(?::bigint[], ?::text[]) on conflict do nothing")) {
            s.setArray(1, c.createArrayOf("bigint", ids));
            s.setArray(2, c.createArrayOf("text", kinds));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("select 1 from " + subject.table + " g join unnest(?::bigint[],"
                + " ?::text[]) with ordinality as x(i, k, n) on g." + subject.column
                + " = x.i and g.kind = x.k order by x.n"
                + " for update of g")) {
            s.setArray(1, c.createArrayOf("bigint", ids));
            s.setArray(2, c.createArrayOf("text", kinds));
            s.executeQuery().close();
        }
        Map<String, Move> byKey = new HashMap<>();
        moves.forEach(m -> byKey.put(m.id() + ":" + m.kind(), m));
        try (PreparedStatement s =
                c.prepareStatement("update " + subject.table + " g set fired = x.tf, last_sent = x.ts,"
                        + " last_value = x.v, changed_at = now() from unnest(?::bigint[], ?::text[], ?::boolean[], ?::timestamptz[],"
                        + " ?::boolean[], ?::timestamptz[], ?::numeric[]) as x(i, k, ff, fs, tf, ts, v) where g."
                        + subject.column
                        + " = x.i and g.kind = x.k and g.fired = x.ff and g.last_sent is not distinct from x.fs"
                        + " returning g." + subject.column + ", g.kind")) {
            s.setArray(1, c.createArrayOf("bigint", ids));
            s.setArray(2, c.createArrayOf("text", kinds));
            s.setArray(
                    3,
                    c.createArrayOf(
                            "boolean", moves.stream().map(m -> m.from().fired()).toArray()));
            s.setArray(
                    4,
                    c.createArrayOf(
                            "timestamptz",
                            moves.stream()
                                    .map(m -> m.from().lastSent().map(Sql::utc).orElse(null))
                                    .toArray()));
            s.setArray(
                    5,
                    c.createArrayOf(
                            "boolean", moves.stream().map(m -> m.to().fired()).toArray()));
            s.setArray(
                    6,
                    c.createArrayOf(
                            "timestamptz",
                            moves.stream()
                                    .map(m -> m.to().lastSent().map(Sql::utc).orElse(null))
                                    .toArray()));
            s.setArray(
                    7,
                    c.createArrayOf("numeric", moves.stream().map(Move::value).toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    moved.add(byKey.get(r.getLong(1) + ":" + r.getString(2)));
                }
            }
        }
        moved.sort(LOCK_ORDER);
        return moved;
    }

    private static void raise(Connection c, List<Move> raised, Instant now) throws SQLException {
        if (raised.isEmpty()) {
            return;
        }
        Map<String, Long> alertIds = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("insert into alert_event (hedge_id, connection_id, portfolio_id,"
                + " kind, message, value, raised_at) select h, cn, p, k, m, v, ?::timestamptz from unnest(?::bigint[],"
                + " ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::numeric[]) as x(h, cn, p, k, m, v)"
                + " returning id, hedge_id, connection_id, kind")) {
            s.setObject(1, Sql.utc(now));
            s.setArray(
                    2,
                    c.createArrayOf(
                            "bigint",
                            raised.stream()
                                    .map(m -> m.subject() == Subject.HEDGE ? m.id() : null)
                                    .toArray()));
            s.setArray(
                    3,
                    c.createArrayOf(
                            "bigint",
                            raised.stream()
                                    .map(m -> m.subject() == Subject.CONNECTION ? m.id() : null)
                                    .toArray()));
            s.setArray(
                    4,
                    c.createArrayOf(
                            "bigint",
                            raised.stream()
                                    .map(m -> m.portfolioId().orElse(null))
                                    .toArray()));
            s.setArray(
                    5, c.createArrayOf("text", raised.stream().map(Move::kind).toArray()));
            s.setArray(
                    6,
                    c.createArrayOf(
                            "text",
                            raised.stream()
                                    .map(m -> Sql.clip(m.message().orElseThrow().body(), 1000))
                                    .toArray()));
            s.setArray(
                    7,
                    c.createArrayOf("numeric", raised.stream().map(Move::value).toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long hedge = r.getLong(2);
                    alertIds.put(
                            r.wasNull()
                                    ? Subject.CONNECTION + ":" + r.getLong(3) + ":" + r.getString(4)
                                    : Subject.HEDGE + ":" + hedge + ":" + r.getString(4),
                            r.getLong(1));
                }
            }
        }
        Map<Long, List<AlertOutbox.Recipient>> recipients = recipients(c, raised);
        Set<String> snoozed = snoozed(c, raised, now);
        List<Object[]> rows = new ArrayList<>();
        for (Move m : raised) {
            long alertId = alertIds.get(m.key());
            Message text = m.message().orElseThrow();
            for (AlertOutbox.Recipient r : recipients.getOrDefault(m.teamId(), List.of())) {
                if (snoozed.contains(r.userId() + ":" + m.key())) {
                    continue;
                }
                r.email().ifPresent(email -> rows.add(new Object[] {alertId, r.userId(), "EMAIL", email, null, text}));
                r.webhookUrl()
                        .ifPresent(url -> rows.add(new Object[] {
                            alertId, r.userId(), "WEBHOOK", url, r.webhookKind().orElse(null), text
                        }));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("insert into alert_delivery (alert_event_id, user_id, channel,"
                + " target, webhook_kind, subject, body, next_attempt_at, created_at)"
                + " select a, u, ch, t, w, su, b, ?::timestamptz, ?::timestamptz"
                + " from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                + " as x(a, u, ch, t, w, su, b)")) {
            s.setObject(1, Sql.utc(now));
            s.setObject(2, Sql.utc(now));
            s.setArray(3, c.createArrayOf("bigint", rows.stream().map(r -> r[0]).toArray()));
            s.setArray(4, c.createArrayOf("bigint", rows.stream().map(r -> r[1]).toArray()));
            s.setArray(5, c.createArrayOf("text", rows.stream().map(r -> r[2]).toArray()));
            s.setArray(6, c.createArrayOf("text", rows.stream().map(r -> r[3]).toArray()));
            s.setArray(7, c.createArrayOf("text", rows.stream().map(r -> r[4]).toArray()));
            s.setArray(
                    8,
                    c.createArrayOf(
                            "text",
                            rows.stream()
                                    .map(r -> Sql.clip(((Message) r[5]).subject(), 300))
                                    .toArray()));
            s.setArray(
                    9,
                    c.createArrayOf(
                            "text",
                            rows.stream()
                                    .map(r -> Sql.clip(((Message) r[5]).body(), 4000))
                                    .toArray()));
            s.executeUpdate();
        }
    }

    /** The members who want alerts of each team, with where, by team id. */
    private static Map<Long, List<AlertOutbox.Recipient>> recipients(Connection c, List<Move> raised)
            throws SQLException {
        Map<Long, List<AlertOutbox.Recipient>> found = new HashMap<>();
        try (PreparedStatement s =
                c.prepareStatement("select m.team_id, r.user_id, case when r.email_on then r.email end,"
                        + " case when r.webhook_on then r.webhook_url end, case when r.webhook_on then r.webhook_kind end"
                        + " from membership m join alert_recipient r on r.user_id = m.user_id"
                        + " where m.team_id = any(?) and (r.email_on or r.webhook_on) order by m.team_id, r.user_id")) {
            s.setArray(
                    1,
                    c.createArrayOf(
                            "bigint",
                            raised.stream().map(Move::teamId).distinct().toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.computeIfAbsent(r.getLong(1), id -> new ArrayList<>())
                            .add(new AlertOutbox.Recipient(
                                    r.getLong(2),
                                    Optional.ofNullable(r.getString(3)),
                                    Optional.ofNullable(r.getString(4)),
                                    Optional.ofNullable(r.getString(5))));
                }
            }
        }
        return found;
    }

    /** "user:SUBJECT:id:KIND" of the users who snoozed one of the raised alerts until after {@code now}. */
    private static Set<String> snoozed(Connection c, List<Move> raised, Instant now) throws SQLException {
        Set<String> found = new HashSet<>();
        for (Subject subject : Subject.values()) {
            Object[] ids = raised.stream()
                    .filter(m -> m.subject() == subject)
                    .map(Move::id)
                    .distinct()
                    .toArray();
            if (ids.length == 0) {
                continue;
            }
            try (PreparedStatement s = c.prepareStatement("select user_id, " + subject.column + ", kind from "
                    + subject.acks + " where " + subject.column + " = any(?) and snoozed_until > ?")) {
                s.setArray(1, c.createArrayOf("bigint", ids));
                s.setObject(2, Sql.utc(now));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(r.getLong(1) + ":" + subject + ":" + r.getLong(2) + ":" + r.getString(3));
                    }
                }
            }
        }
        return found;
    }

    /** Re-armed alerts: every user's acknowledgement of them is forgotten (the next one is news). */
    private static void forgetAcknowledgements(Connection c, List<Move> all) throws SQLException {
        for (Subject subject : Subject.values()) {
            List<Move> rearmed =
                    all.stream().filter(m -> m.subject() == subject).toList();
            if (rearmed.isEmpty()) {
                continue;
            }
            try (PreparedStatement s = c.prepareStatement(
                    "delete from " + subject.acks + " a using unnest(?::bigint[]," + " ?::text[]) as x(i, k) where a."
                            + subject.column + " = x.i and a.kind = x.k and a.acknowledged")) {
                s.setArray(
                        1,
                        c.createArrayOf("bigint", rearmed.stream().map(Move::id).toArray()));
                s.setArray(
                        2,
                        c.createArrayOf("text", rearmed.stream().map(Move::kind).toArray()));
                s.executeUpdate();
            }
        }
    }
}
