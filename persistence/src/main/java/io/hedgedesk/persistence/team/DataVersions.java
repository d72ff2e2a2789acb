package io.hedgedesk.persistence.team;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a page built from a user's teams depends on, as one string: each team the user belongs to with its role and
 * data version, and the market data version (V19: triggers move the versions on every write, by any writer). Two
 * equal stamps mean the same data for that user; a new membership, a changed role, a holding, a ledger event or a
 * price all change it.
 */
@ApplicationScoped
public class DataVersions {

    /** The stamp of the user whose id is {@code u.id}, as a scalar subquery (one more column of the user lookup). */
    static final String STAMP_OF_U = """
      (select coalesce(string_agg(m.team_id || ':' || m.role || ':' || t.data_version, ',' order by m.team_id), '')
              || '|' || (select v.version from market_data_version v)
       from membership m join team t on t.id = m.team_id
       where m.user_id = u.id)""";

    private static final String STAMP = "select " + STAMP_OF_U + " from app_user u where u.id = ?1";

    /**
     * The stamp of the user's data now. Read it <em>before</em> the data it labels: under READ COMMITTED a later read
     * sees at least these versions, so data is never older than its stamp (see V19).
     */
    public String stampOf(long userId) {
        return (String) Panache.getEntityManager()
                .createNativeQuery(STAMP)
                .setParameter(1, userId)
                .getSingleResult();
    }
}
