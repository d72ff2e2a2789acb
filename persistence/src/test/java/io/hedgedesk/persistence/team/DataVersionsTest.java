package io.hedgedesk.persistence.team;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.domain.user.OidcIdentity;
import io.hedgedesk.persistence.TestUsers;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The V19 triggers, written to in plain SQL as another instance, an import or psql would: every write to data of a
 * user's team, and every market data write, changes the user's stamp; writes to another team's data do not.
 */
@QuarkusTest
class DataVersionsTest {

    @Inject
    AppUserRepository users;

    @Inject
    TeamService teams;

    @Inject
    DataVersions versions;

    @Inject
    UserSignIn signIn;

    private AppUser alice;

    @Test
    @TestTransaction
    void everyWriteToTheUsersTeamsOrToMarketDataChangesTheStampAndNothingElseDoes() {
        alice = login("Alice");
        AppUser bob = login("Bob");
        long aliceTeam = teams.currentTeam(alice.id()).team().id();
        long bobTeam = teams.currentTeam(bob.id()).team().id();
        long mine = portfolio(aliceTeam, "Bags");
        long theirs = portfolio(bobTeam, "Other bags");
        assertThat(versions.stampOf(alice.id())).matches(aliceTeam + ":OWNER:\\d+\\|\\d+");

        changes(
                "insert into holding (portfolio_id, asset_symbol, quantity, venue, updated_by) values (?1, 'SOL', 10, 'w', ?2)",
                mine,
                alice.id());
        unchanged(
                "insert into holding (portfolio_id, asset_symbol, quantity, venue, updated_by) values (?1, 'SOL', 10, 'w', ?2)",
                theirs,
                bob.id());
        changes("update holding set quantity = 11 where portfolio_id = ?1", mine);
        unchanged("update holding set quantity = 11 where portfolio_id = ?1", theirs);
        changes(
                "insert into manual_price (team_id, asset_symbol, price_usd, entered_by) values (?1, 'SOL', 150, ?2)",
                aliceTeam,
                alice.id());
        unchanged(
                "insert into manual_price (team_id, asset_symbol, price_usd, entered_by) values (?1, 'SOL', 150, ?2)",
                bobTeam,
                bob.id());
        changes("update portfolio set name = 'Bags (renamed)' where id = ?1", mine);
        changes("update team set name = 'Alice''s desk' where id = ?1", aliceTeam);
        unchanged("update team set name = 'Bob''s desk' where id = ?1", bobTeam);

        changes("""
        insert into hedge_position (portfolio_id, contract_id, contract_type, side, size, entry_price, leverage, margin,
            margin_source, settlement_asset, target_coverage, status, opened_by, opened_at)
        values (?1, 'BYBIT:SOLUSD', 'INVERSE', 'SHORT', 15, 150, 2, 0.5, 'test', 'SOL', 1, 'OPEN', ?2, now())""", mine, alice.id());
        long hedge = ((Number) Panache.getEntityManager()
                        .createNativeQuery("select id from hedge_position where portfolio_id = ?1")
                        .setParameter(1, mine)
                        .getSingleResult())
                .longValue();
        changes(
                "insert into hedge_holding (hedge_id, holding_id) select ?1, id from holding where portfolio_id = ?2",
                hedge,
                mine);
        changes("""
        insert into hedge_event (hedge_id, portfolio_id, event_type, occurred_at, actor_id, settlement_asset,
            settlement_usd, cash_change, cash_change_usd, funding_rate, size_after, entry_after)
        values (?1, ?2, 'FUNDING', now(), ?3, 'SOL', 150, 0.001, 0.15, 0.0001, 15, 150)""", hedge, mine, alice.id());
        changes("update hedge_position set manual_mark = 151, manual_mark_at = now() where id = ?1", hedge);
        // deleting the holding also deletes its hedge_holding row (cascade): one more change of the same team
        changes("delete from holding where portfolio_id = ?1", mine);
        unchanged("delete from holding where portfolio_id = ?1", theirs);

        // market data belongs to every team
        changes(
                "insert into price_history (asset_symbol, day, close, source) values ('ZZDV', date '2024-01-01', 1, 's')");
        changes("update price_history set close = 2 where asset_symbol = 'ZZDV'");
        changes("insert into funding_rate_history (series_id, funding_time, rate, source) "
                + "values ('TEST:ZZDV', now(), 0.0001, 's')");
        changes(
                "insert into market_tick (contract_id, mark_price, source, fetched_at) values ('TEST:ZZDV', 1, 's', now())");

        // membership: joining a team, a new role, leaving it
        changes("insert into membership (team_id, user_id, role) values (?1, ?2, 'VIEWER')", bobTeam, alice.id());
        assertThat(versions.stampOf(alice.id())).contains(bobTeam + ":VIEWER:");
        changes("update membership set role = 'EDITOR' where team_id = ?1 and user_id = ?2", bobTeam, alice.id());
        changes(
                "insert into holding (portfolio_id, asset_symbol, quantity, venue, updated_by) values (?1, 'ETH', 1, 'w', ?2)",
                theirs,
                bob.id());
        changes("delete from membership where team_id = ?1 and user_id = ?2", bobTeam, alice.id());
        unchanged(
                "insert into holding (portfolio_id, asset_symbol, quantity, venue, updated_by) values (?1, 'ETH', 1, 'w', ?2)",
                theirs,
                bob.id());
    }

    @Test
    @TestTransaction
    void signingInReadsTheStampWithTheUserOnTheFirstLoginAndLater() {
        OidcIdentity identity = new OidcIdentity(
                "https://idp.test",
                UUID.randomUUID().toString(),
                "carol-" + UUID.randomUUID().toString().substring(0, 8),
                Optional.empty(),
                "Carol");
        UserSignIn.SignedIn first = signIn.signIn(identity); // provisions the user and a personal team
        assertThat(first.dataStamp())
                .isEqualTo(versions.stampOf(first.user().id()))
                .matches("\\d+:OWNER:\\d+\\|\\d+");
        UserSignIn.SignedIn again = signIn.signIn(identity); // the one-statement path
        assertThat(again.user()).isEqualTo(first.user());
        assertThat(again.dataStamp()).isEqualTo(first.dataStamp());

        long team = teams.currentTeam(first.user().id()).team().id();
        Panache.getEntityManager()
                .createNativeQuery("update team set name = 'Carol''s desk' where id = ?1")
                .setParameter(1, team)
                .executeUpdate();
        assertThat(signIn.signIn(identity).dataStamp())
                .isNotEqualTo(first.dataStamp())
                .isEqualTo(versions.stampOf(first.user().id()));
    }

    private AppUser login(String name) {
        AppUser user = TestUsers.create(users, name);
        teams.onLogin(user);
        return user;
    }

    private long portfolio(long teamId, String name) {
        return ((Number) Panache.getEntityManager()
                        .createNativeQuery("insert into portfolio (team_id, name) values (?1, ?2) returning id")
                        .setParameter(1, teamId)
                        .setParameter(2, name)
                        .getSingleResult())
                .longValue();
    }

    private void changes(String sql, Object... parameters) {
        String before = versions.stampOf(alice.id());
        run(sql, parameters);
        assertThat(versions.stampOf(alice.id())).as(sql).isNotEqualTo(before);
    }

    private void unchanged(String sql, Object... parameters) {
        String before = versions.stampOf(alice.id());
        run(sql, parameters);
        assertThat(versions.stampOf(alice.id())).as(sql).isEqualTo(before);
    }

    private static void run(String sql, Object... parameters) {
        var query = Panache.getEntityManager().createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }
}
