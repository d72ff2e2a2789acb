package io.hedgedesk.persistence.user;

import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.domain.user.OidcIdentity;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Users keyed by (issuer, subject); provisioning at first login and a throttled "last seen" stamp. */
@ApplicationScoped
public class AppUserRepository implements PanacheRepository<AppUserEntity> {

    /** "Last seen" is refreshed at most this often, so an ordinary page view stays a single read. */
    public static final Duration LAST_SEEN_RESOLUTION = Duration.ofMinutes(1);

    private final Clock clock;

    public AppUserRepository(Clock clock) {
        this.clock = clock;
    }

    public Optional<AppUser> findByIssuerAndSubject(String issuer, String subject) {
        return findEntity(issuer, subject).map(AppUserEntity::toDomain);
    }

    /**
     * Returns the user for this identity, creating it at first login. Profile fields follow the provider;
     * {@code last_seen_at} moves forward when it is older than {@link #LAST_SEEN_RESOLUTION}. Concurrent first
     * requests of one user are safe: the insert is an upsert on the (issuer, subject) key.
     */
    @Transactional
    public AppUser provision(OidcIdentity identity) {
        Objects.requireNonNull(identity, "identity");
        Instant now = clock.instant();
        Optional<AppUserEntity> existing = findEntity(identity.issuer(), identity.subject());
        if (existing.isEmpty()) {
            getEntityManager()
                    .createNativeQuery("""
                    insert into app_user (issuer, subject, username, email, display_name, created_at, last_seen_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?6)
                    on conflict (issuer, subject) do nothing""")
                    .setParameter(1, identity.issuer())
                    .setParameter(2, identity.subject())
                    .setParameter(3, identity.username())
                    .setParameter(4, identity.email().orElse(null))
                    .setParameter(5, identity.displayName())
                    .setParameter(6, now)
                    .executeUpdate();
            return findEntity(identity.issuer(), identity.subject())
                    .orElseThrow()
                    .toDomain();
        }
        AppUserEntity user = existing.get();
        boolean profileChanged = !user.username.equals(identity.username())
                || !Objects.equals(user.email, identity.email().orElse(null))
                || !user.displayName.equals(identity.displayName());
        if (profileChanged || user.lastSeenAt.isBefore(now.minus(LAST_SEEN_RESOLUTION))) {
            // A plain update, not the entity's versioned one: concurrent requests of one user (tabs opened
            // together) all write the same provider profile and time, and must not fail each other with an
            // optimistic-lock conflict (found by bench/load.sh: 500s once a minute under load).
            getEntityManager()
                    .createNativeQuery("""
                    update app_user set username = ?1, email = ?2, display_name = ?3,
                                        last_seen_at = greatest(last_seen_at, ?4)
                    where id = ?5""")
                    .setParameter(1, identity.username())
                    .setParameter(2, identity.email().orElse(null))
                    .setParameter(3, identity.displayName())
                    .setParameter(4, now)
                    .setParameter(5, user.id)
                    .executeUpdate();
            return new AppUser(
                    user.id,
                    user.issuer,
                    user.subject,
                    identity.username(),
                    identity.email(),
                    identity.displayName(),
                    user.createdAt,
                    now);
        }
        return user.toDomain();
    }

    private Optional<AppUserEntity> findEntity(String issuer, String subject) {
        return find("issuer = ?1 and subject = ?2", issuer, subject).firstResultOptional();
    }
}
