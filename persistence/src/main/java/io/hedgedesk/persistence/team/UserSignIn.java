package io.hedgedesk.persistence.team;

import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.domain.user.OidcIdentity;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The user behind a request's verified ID token, as every page needs it. The common case — a known user whose
 * profile is unchanged, seen within the last minute, with a team and no pending invitation — is one statement and
 * no transaction (the BEGIN/COMMIT pairs of two transactions were most of a page's fixed cost). Anything
 * else (first login, profile change, "last seen" to move, an invitation to claim, no team) runs
 * {@link AppUserRepository#provision} and {@link TeamService#onLogin} in one transaction, as before.
 */
@ApplicationScoped
public class UserSignIn {

    private static final String SETTLED = "select u.id, u.username, u.email, u.display_name, u.created_at, "
            + "u.last_seen_at, " + TeamService.NEEDS_ONBOARDING + ", " + DataVersions.STAMP_OF_U
            + " from app_user u where u.issuer = ? and u.subject = ?";

    private final AppUserRepository users;
    private final TeamService teams;
    private final DataVersions versions;
    private final Clock clock;
    private final DataSource dataSource;

    public UserSignIn(
            AppUserRepository users, TeamService teams, DataVersions versions, Clock clock, DataSource dataSource) {
        this.users = users;
        this.teams = teams;
        this.versions = versions;
        this.clock = clock;
        this.dataSource = dataSource;
    }

    /**
     * The user, and the stamp of the data the user sees ({@link DataVersions}), read in the same statement in the
     * common case: a page kept in memory then costs no statement of its own.
     */
    public record SignedIn(AppUser user, String dataStamp) {}

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

    /**
     * The user if nothing needs writing ({@link TeamService#NEEDS_ONBOARDING} false, profile and "last seen" current).
     * Plain JDBC: Hibernate's native-query set-up and result mapping were more than half of this lookup's CPU, and it
     * runs on every logged-in request. Outside a transaction the connection goes back to the pool at once;
     * a request-scoped Hibernate session would keep it to the end of the request, and when "last seen" moved, every
     * request in flight then waited for a second connection for the transaction below while holding its first: with
     * more requests than the pool has connections, none got one (acquisition time-outs, 500s; found by the load test).
     * Inside a transaction the pool hands out the transaction's own connection.
     */
    private Optional<SignedIn> settled(OidcIdentity identity) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SETTLED)) {
            statement.setString(1, identity.issuer());
            statement.setString(2, identity.subject());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? settled(identity, row) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read the signed-in user", e);
        }
    }

    private Optional<SignedIn> settled(OidcIdentity identity, ResultSet row) throws SQLException {
        AppUser user = new AppUser(
                row.getLong(1),
                identity.issuer(),
                identity.subject(),
                row.getString(2),
                Optional.ofNullable(row.getString(3)),
                row.getString(4),
                row.getObject(5, OffsetDateTime.class).toInstant(),
                row.getObject(6, OffsetDateTime.class).toInstant());
        boolean unchanged = user.username().equals(identity.username())
                && user.email().equals(identity.email())
                && user.displayName().equals(identity.displayName());
        boolean seenLately = !user.lastSeenAt().isBefore(clock.instant().minus(AppUserRepository.LAST_SEEN_RESOLUTION));
        return unchanged && seenLately && !row.getBoolean(7)
                ? Optional.of(new SignedIn(user, row.getString(8)))
                : Optional.empty();
    }
}
