package io.hedgedesk.persistence.connection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Where each history stream of a connection has been synced to ({@code connection_stream}), and its last run. */
@ApplicationScoped
public class HistoryCursors {

    /**
     * A stream's state.
     *
     * @param syncedUntil  rows before this time are synced
     * @param rowsStored   rows stored by every run so far
     * @param lastRunRows  rows stored by the last run
     * @param lastRunAt    when the last run ended
     * @param lastError    what stopped the last run, in words; empty when it went through
     */
    public record Cursor(
            String stream,
            Instant syncedUntil,
            int rowsStored,
            int lastRunRows,
            Optional<Instant> lastRunAt,
            Optional<String> lastError) {}

    private final EntityManager em;

    public HistoryCursors(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public List<Cursor> of(long connectionId) {
        List<?> rows = em.createNativeQuery("select stream, synced_until, rows_stored, last_run_rows, last_run_at,"
                        + " last_error from connection_stream where connection_id = ?1 order by stream desc")
                .setParameter(1, connectionId)
                .getResultList();
        return rows.stream()
                .map(o -> (Object[]) o)
                .map(r -> new Cursor(
                        (String) r[0],
                        instant(r[1]),
                        ((Number) r[2]).intValue(),
                        ((Number) r[3]).intValue(),
                        Optional.ofNullable(r[4]).map(HistoryCursors::instant),
                        Optional.ofNullable((String) r[5])))
                .toList();
    }

    @Transactional
    public Optional<Instant> syncedUntil(long connectionId, String stream) {
        return of(connectionId).stream()
                .filter(c -> c.stream().equals(stream))
                .findFirst()
                .map(Cursor::syncedUntil);
    }

    /** Starts a run of {@code stream}: its run counters restart (a run that stores nothing shows 0). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void start(long connectionId, String stream, Instant firstFrom) {
        em.createNativeQuery("insert into connection_stream (connection_id, stream, synced_until) values (?1, ?2, ?3)"
                        + " on conflict (connection_id, stream) do update set last_run_rows = 0")
                .setParameter(1, connectionId)
                .setParameter(2, stream)
                .setParameter(3, firstFrom)
                .executeUpdate();
    }

    /** A window done: call in the transaction that stored its rows, so both are kept or neither. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(long connectionId, String stream, Instant until, int stored, Instant at) {
        em.createNativeQuery("update connection_stream set synced_until = greatest(synced_until, ?3),"
                        + " rows_stored = rows_stored + ?4, last_run_rows = last_run_rows + ?4, last_run_at = ?5,"
                        + " last_error = null where connection_id = ?1 and stream = ?2")
                .setParameter(1, connectionId)
                .setParameter(2, stream)
                .setParameter(3, until)
                .setParameter(4, stored)
                .setParameter(5, at)
                .executeUpdate();
    }

    /** A run stopped by {@code error} (the windows committed before it stay). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(long connectionId, String stream, String error, Instant at) {
        em.createNativeQuery("update connection_stream set last_error = ?3, last_run_at = ?4"
                        + " where connection_id = ?1 and stream = ?2")
                .setParameter(1, connectionId)
                .setParameter(2, stream)
                .setParameter(3, error.length() > 500 ? error.substring(0, 500) : error)
                .setParameter(4, at)
                .executeUpdate();
    }

    /** Forgets where the streams were: the next sync reads the whole history again (keys drop what is stored). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reset(long connectionId) {
        em.createNativeQuery("delete from connection_stream where connection_id = ?1")
                .setParameter(1, connectionId)
                .executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
