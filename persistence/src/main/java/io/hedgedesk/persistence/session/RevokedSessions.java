package io.hedgedesk.persistence.session;

import io.hedgedesk.persistence.SqlValues;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server-side list of logged-out sessions (table {@code revoked_session}), shared by every instance of the app.
 * Keys are opaque here; the web layer decides what identifies a session.
 */
@ApplicationScoped
public class RevokedSessions {

    /** Records a revocation (a later one of the same key wins) and deletes the rows that have expired. */
    @Transactional
    public void revoke(String key, Instant revokedAt, Instant expiresAt) {
        var em = Panache.getEntityManager();
        em.createNativeQuery("delete from revoked_session where expires_at < ?1")
                .setParameter(1, revokedAt)
                .executeUpdate();
        em.createNativeQuery("""
            insert into revoked_session (session_key, revoked_at, expires_at) values (?1, ?2, ?3)
            on conflict (session_key) do update
              set revoked_at = greatest(revoked_session.revoked_at, excluded.revoked_at),
                  expires_at = greatest(revoked_session.expires_at, excluded.expires_at)""")
                .setParameter(1, key)
                .setParameter(2, revokedAt)
                .setParameter(3, expiresAt)
                .executeUpdate();
    }

    /** Every revocation that can still match a live session: key → when it was revoked. */
    @Transactional
    public Map<String, Instant> current(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("select session_key, revoked_at from revoked_session where expires_at >= ?1")
                .setParameter(1, now)
                .getResultList();
        Map<String, Instant> revoked = new HashMap<>(rows.size() * 2);
        for (Object[] row : rows) {
            revoked.put((String) row[0], SqlValues.instant(row[1]));
        }
        return revoked;
    }
}
