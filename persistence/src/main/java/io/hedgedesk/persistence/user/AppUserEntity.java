package io.hedgedesk.persistence.user;

import io.hedgedesk.domain.user.AppUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "app_user")
public class AppUserEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String issuer;

    @Column(nullable = false, updatable = false)
    public String subject;

    @Column(nullable = false)
    public String username;

    public String email;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    @Version
    public long version;

    AppUser toDomain() {
        return new AppUser(
                id, issuer, subject, username, Optional.ofNullable(email), displayName, createdAt, lastSeenAt);
    }
}
