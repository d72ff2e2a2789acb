package io.hedgedesk.persistence.team;

import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.domain.user.OidcIdentity;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.persistence.SqlValues;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The user behind a request's verified ID token, as every page needs it. The common case — a known user whose
 * profile is unchanged, seen within the last minute, with a team and no pending invitation — is one statement and
 * no transaction (issue 9: the BEGIN/COMMIT pairs of two transactions were most of a page's fixed cost). Anything
 * else (first login, profile change, "last seen" to move, an invitation to claim, no team) runs
 * {@link AppUserRepository#provision} and {@link TeamService#onLogin} in one transaction, as before.
 */
@ApplicationScoped
public class UserSignIn {

  private final AppUserRepository users;
  private final TeamService teams;
  private final DataVersions versions;
  private final Clock clock;

  public UserSignIn(AppUserRepository users, TeamService teams, DataVersions versions, Clock clock) {
    this.users = users;
    this.teams = teams;
    this.versions = versions;
    this.clock = clock;
  }

  /**
   * The user, and the stamp of the data the user sees ({@link DataVersions}), read in the same statement in the
   * common case: a page kept in memory then costs no statement of its own.
   */
  public record SignedIn(AppUser user, String dataStamp) {
  }

  public SignedIn signIn(OidcIdentity identity) {
    return settled(identity).orElseGet(() -> {
      AppUser user = QuarkusTransaction.joiningExisting().call(() -> {
        AppUser provisioned = users.provision(identity);
        teams.onLogin(provisioned);
        return provisioned;
      });
      return new SignedIn(user, versions.stampOf(user.id()));
    });
  }

  /** The user if nothing needs writing ({@link TeamService#NEEDS_ONBOARDING} false, profile and "last seen" current). */
  private Optional<SignedIn> settled(OidcIdentity identity) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
            "select u.id, u.username, u.email, u.display_name, u.created_at, u.last_seen_at, "
                + TeamService.NEEDS_ONBOARDING + ", " + DataVersions.STAMP_OF_U
                + " from app_user u where u.issuer = ?1 and u.subject = ?2")
        .setParameter(1, identity.issuer())
        .setParameter(2, identity.subject())
        .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = rows.get(0);
    AppUser user = new AppUser(((Number) row[0]).longValue(), identity.issuer(), identity.subject(), (String) row[1],
        Optional.ofNullable((String) row[2]), (String) row[3], SqlValues.instant(row[4]), SqlValues.instant(row[5]));
    boolean unchanged = user.username().equals(identity.username()) && user.email().equals(identity.email())
        && user.displayName().equals(identity.displayName());
    boolean seenLately = !user.lastSeenAt().isBefore(clock.instant().minus(AppUserRepository.LAST_SEEN_RESOLUTION));
    return unchanged && seenLately && Boolean.FALSE.equals(row[6])
        ? Optional.of(new SignedIn(user, (String) row[7])) : Optional.empty();
  }

}
