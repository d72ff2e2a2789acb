package io.hedgedesk.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

/** Flushes pending changes, turning a concurrent update detected by the {@code @Version} column into a {@link StaleEditException}. */
public final class Flush {

    private Flush() {}

    public static void orStale(EntityManager em, String objectType, long objectId, long submittedVersion) {
        try {
            em.flush();
        } catch (OptimisticLockException | StaleStateException e) {
            throw new StaleEditException(objectType, objectId, submittedVersion);
        }
    }
}
