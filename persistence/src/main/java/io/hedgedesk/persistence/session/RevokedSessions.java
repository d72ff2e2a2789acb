package io.hedgedesk.persistence.session;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
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

  /** When each of {@code keys} that is revoked was revoked (a primary-key lookup). */
  @Transactional
  public Map<String, Instant> revokedAt(Collection<String> keys) {
    Map<String, Instant> revoked = new HashMap<>();
    if (keys.isEmpty()) {
      return revoked;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = Panache.getEntityManager()
        .createNativeQuery("select session_key, revoked_at from revoked_session where session_key in (?1)")
        .setParameter(1, keys)
        .getResultList();
    for (Object[] row : rows) {
      revoked.put((String) row[0], instant(row[1]));
    }
    return revoked;
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    return ((Timestamp) value).toInstant();
  }
}
