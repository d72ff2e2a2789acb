package io.hedgedesk.persistence.alerts;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The alert gates' memory ({@code alert_state}), the alerts raised ({@code alert_event}) and the outbox of messages
 * ({@code alert_delivery}) with its log. Methods that must run together (a gate moved and its alert raised; a message
 * claimed, sent and marked) are called inside one transaction by the caller.
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
  public record Recipient(long userId, Optional<String> email, Optional<String> webhookUrl,
                          Optional<String> webhookKind) {
  }

  /** A message claimed for sending. */
  public record Claimed(long id, long userId, String channel, String target, Optional<String> webhookKind,
                        String subject, String body, int attempts) {
  }

  /** One line of a delivery log. */
  public record LogLine(long deliveryId, Optional<Long> hedgeId, String subject, String channel, String target,
                        String status, Instant at, String outcome, String detail) {
  }

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
    sql.query("select hedge_id, kind, fired, last_sent from alert_state where hedge_id = any(?)",
        s -> Sql.ids(s, 1, hedgeIds), rows -> found.computeIfAbsent(rows.getLong(1), id -> new HashMap<>())
            .put(rows.getString(2), new Gate(rows.getBoolean(3), Sql.instant(rows, 4))));
    return found;
  }

  /**
   * Moves a gate from the state it was read in ({@code from}) to {@code to}: a compare-and-set on its row, so of two
   * instances that read the same state only one moves it (the other's update waits for the first's row lock, then
   * finds the row changed and moves nothing).
   *
   * @return true if this caller moved it
   */
  public boolean moveGate(long hedgeId, String kind, Gate from, Gate to, BigDecimal value) {
    sql.update("insert into alert_state (hedge_id, kind) values (?, ?) on conflict do nothing", s -> {
      s.setLong(1, hedgeId);
      s.setString(2, kind);
    });
    return sql.update("update alert_state set fired = ?, last_sent = ?, last_value = ?, changed_at = now()"
        + " where hedge_id = ? and kind = ? and fired = ? and last_sent is not distinct from ?", s -> {
          s.setBoolean(1, to.fired());
          s.setObject(2, to.lastSent().map(Sql::utc).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE);
          s.setBigDecimal(3, value);
          s.setLong(4, hedgeId);
          s.setString(5, kind);
          s.setBoolean(6, from.fired());
          s.setObject(7, from.lastSent().map(Sql::utc).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE);
        }) == 1;
  }

  /** Forgets every user's acknowledgement of a hedge's alert (it re-armed: the next one is news). */
  public void clearAcknowledgements(long hedgeId, String kind) {
    sql.update("delete from alert_ack where hedge_id = ? and kind = ? and acknowledged", s -> {
      s.setLong(1, hedgeId);
      s.setString(2, kind);
    });
  }

  /**
   * The members of the portfolio's team who want alerts, with where; a member who snoozed this hedge's alert of
   * {@code kind} until after {@code now} is left out.
   */
  public List<Recipient> recipients(long portfolioId, long hedgeId, String kind, Instant now) {
    return sql.query("select r.user_id, case when r.email_on then r.email end,"
        + " case when r.webhook_on then r.webhook_url end, case when r.webhook_on then r.webhook_kind end"
        + " from portfolio p join membership m on m.team_id = p.team_id join alert_recipient r on r.user_id = m.user_id"
        + " where p.id = ? and (r.email_on or r.webhook_on) and not exists (select 1 from alert_ack a"
        + " where a.user_id = r.user_id and a.hedge_id = ? and a.kind = ? and a.snoozed_until > ?) order by r.user_id",
        s -> {
          s.setLong(1, portfolioId);
          s.setLong(2, hedgeId);
          s.setString(3, kind);
          s.setObject(4, Sql.utc(now));
        }, rows -> new Recipient(rows.getLong(1), Optional.ofNullable(rows.getString(2)),
            Optional.ofNullable(rows.getString(3)), Optional.ofNullable(rows.getString(4))));
  }

  /**
   * Stores an alert and one message per recipient and channel in the outbox (due now).
   *
   * @return the alert's id
   */
  public long raise(long hedgeId, long portfolioId, String kind, String subject, String body, BigDecimal value,
                    List<Recipient> recipients, Instant now) {
    long id = sql.query("insert into alert_event (hedge_id, portfolio_id, kind, message, value, raised_at)"
        + " values (?, ?, ?, ?, ?, ?) returning id", s -> {
          s.setLong(1, hedgeId);
          s.setLong(2, portfolioId);
          s.setString(3, kind);
          s.setString(4, clip(body, 1000));
          s.setBigDecimal(5, value);
          s.setObject(6, Sql.utc(now));
        }, rows -> rows.getLong(1)).get(0);
    for (Recipient r : recipients) {
      r.email().ifPresent(email -> enqueue(id, r.userId(), "EMAIL", email, Optional.empty(), subject, body, now));
      r.webhookUrl().ifPresent(url -> enqueue(id, r.userId(), "WEBHOOK", url, r.webhookKind(), subject, body, now));
    }
    return id;
  }

  /** Puts one message in the outbox, due at {@code now}; {@code alertId} empty for a test message. */
  public long enqueue(Long alertId, long userId, String channel, String target, Optional<String> webhookKind,
                      String subject, String body, Instant now) {
    return sql.query("insert into alert_delivery (alert_event_id, user_id, channel, target, webhook_kind, subject,"
        + " body, next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id", s -> {
          s.setObject(1, alertId, Types.BIGINT);
          s.setLong(2, userId);
          s.setString(3, channel);
          s.setString(4, target);
          s.setString(5, webhookKind.orElse(null));
          s.setString(6, clip(subject, 300));
          s.setString(7, clip(body, 4000));
          s.setObject(8, Sql.utc(now));
          s.setObject(9, Sql.utc(now));
        }, rows -> rows.getLong(1)).get(0);
  }

  /**
   * Claims up to {@code limit} messages due at {@code now}, oldest first: their rows stay locked until the caller's
   * transaction ends ({@code FOR UPDATE SKIP LOCKED}), so another instance claiming at the same time skips them and
   * takes the next ones. Must run inside a transaction.
   */
  public List<Claimed> claim(int limit, Instant now) {
    return sql.query("select id, user_id, channel, target, webhook_kind, subject, body, attempts from alert_delivery"
        + " where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at, id limit ?"
        + " for update skip locked", s -> {
          s.setObject(1, Sql.utc(now));
          s.setInt(2, limit);
        }, rows -> new Claimed(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4),
            Optional.ofNullable(rows.getString(5)), rows.getString(6), rows.getString(7), rows.getInt(8)));
  }

  /**
   * Locks the user's delivery settings row until the transaction ends, so that two instances count the user's recent
   * messages one after the other (the rate limit holds across instances).
   */
  public void lockUser(long userId) {
    sql.query("select user_id from alert_recipient where user_id = ? for update", s -> s.setLong(1, userId),
        rows -> rows.getLong(1));
  }

  /** Messages sent to the user since {@code since}. */
  public int sentSince(long userId, Instant since) {
    return sql.query("select count(*) from alert_delivery where user_id = ? and status = 'SENT' and sent_at >= ?",
        s -> {
          s.setLong(1, userId);
          s.setObject(2, Sql.utc(since));
        }, rows -> rows.getInt(1)).get(0);
  }

  /** The earliest time a message of the user was sent since {@code since}, if any. */
  public Optional<Instant> oldestSentSince(long userId, Instant since) {
    return sql.query("select min(sent_at) from alert_delivery where user_id = ? and status = 'SENT' and sent_at >= ?",
        s -> {
          s.setLong(1, userId);
          s.setObject(2, Sql.utc(since));
        }, rows -> Sql.instant(rows, 1)).get(0);
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
    sql.update("update alert_delivery set next_attempt_at = ?, attempts = attempts + ?, last_error = ? where id = ?",
        s -> {
          s.setObject(1, Sql.utc(next));
          s.setInt(2, attempted ? 1 : 0);
          s.setString(3, attempted ? clip(detail, 1000) : null);
          s.setLong(4, id);
        });
    log(id, at, outcome, detail);
  }

  private void finish(long id, String status, Instant at, String outcome, String detail) {
    sql.update("update alert_delivery set status = ?, attempts = attempts + ?, sent_at = ?, last_error = ?"
        + " where id = ?", s -> {
          s.setString(1, status);
          s.setInt(2, "SKIPPED".equals(status) ? 0 : 1);
          s.setObject(3, "SENT".equals(status) ? Sql.utc(at) : null, Types.TIMESTAMP_WITH_TIMEZONE);
          s.setString(4, "SENT".equals(status) ? null : clip(detail, 1000));
          s.setLong(5, id);
        });
    log(id, at, outcome, detail);
  }

  private void log(long id, Instant at, String outcome, String detail) {
    sql.update("insert into alert_delivery_log (delivery_id, at, outcome, detail) values (?, ?, ?, ?)", s -> {
      s.setLong(1, id);
      s.setObject(2, Sql.utc(at));
      s.setString(3, outcome);
      s.setString(4, detail == null ? null : clip(detail, 1000));
    });
  }

  /**
   * The user's delivery log, newest first: every attempt of their messages, with the hedge the alert concerns
   * ({@code hedgeId} empty for all hedges).
   */
  public List<LogLine> log(long userId, Optional<Long> hedgeId, int limit) {
    return sql.query("select d.id, e.hedge_id, d.subject, d.channel, d.target, d.status, l.at, l.outcome,"
        + " coalesce(l.detail, '') from alert_delivery d join alert_delivery_log l on l.delivery_id = d.id"
        + " left join alert_event e on e.id = d.alert_event_id where d.user_id = ?"
        + (hedgeId.isPresent() ? " and e.hedge_id = ?" : "") + " order by l.at desc, l.id desc limit ?", s -> {
          s.setLong(1, userId);
          int i = 2;
          if (hedgeId.isPresent()) {
            s.setLong(i++, hedgeId.get());
          }
          s.setInt(i, limit);
        }, rows -> new LogLine(rows.getLong(1), Optional.ofNullable(rows.getObject(2, Long.class)), rows.getString(3),
            rows.getString(4), rows.getString(5), rows.getString(6), Sql.instant(rows, 7).orElseThrow(),
            rows.getString(8), rows.getString(9)));
  }

  /**
   * Teams with open hedges and, per team, one member whose view values them: the member in the fewest teams (then the
   * lowest user id), so that each member's book is about one team and no single load covers the installation.
   */
  public List<Long> evaluators() {
    return sql.query("select distinct on (p.team_id) m.user_id from portfolio p"
        + " join membership m on m.team_id = p.team_id"
        + " join (select user_id, count(*) as teams from membership group by user_id) c on c.user_id = m.user_id"
        + " where exists (select 1 from hedge_position h where h.portfolio_id = p.id and h.status = 'OPEN')"
        + " order by p.team_id, c.teams, m.user_id", s -> { }, rows -> rows.getLong(1));
  }

  /** The counters moved by every write of team or market data (any instance): a change means re-evaluate. */
  public String dataStamp() {
    return sql.query("select (select version from market_data_version) || ':' || (select coalesce(sum(data_version),"
        + " 0) from team)", s -> { }, rows -> rows.getString(1)).get(0);
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
