package io.hedgedesk.web.home;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;

/**
 * The dashboard and the portfolio page's data are kept in memory per user while the user's data stamp is unchanged
 * (the tests run with a time to live of 30 s). Writes are made here in plain SQL, as another instance, an import or
 * psql would make them.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PageCacheTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyWriteShowsOnTheNextPageAndAnUnchangedDashboardIsServedFromMemory() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long portfolio = alice.createPortfolio("Main");
            assertThat(dashboard(alice)).contains("Main").doesNotContain("100.00");

            sql(
                    "insert into holding (portfolio_id, asset_symbol, quantity, venue, updated_by) "
                            + "select ?, 'USDT', 100, 'Ledger', id from app_user where username = ?",
                    portfolio,
                    alice.username);
            assertThat(dashboard(alice)).contains("Main", "100.00");
            sql("update holding set quantity = 250 where portfolio_id = ?", portfolio);
            assertThat(dashboard(alice)).contains("250.00").doesNotContain("100.00");

            // A change the stamp cannot see (its trigger off) is not shown: the page comes from memory, not the
            // database.
            sql("alter table holding disable trigger holding_data_version_upd");
            try {
                sql("update holding set quantity = 300 where portfolio_id = ?", portfolio);
            } finally {
                sql("alter table holding enable trigger holding_data_version_upd");
            }
            assertThat(dashboard(alice)).contains("250.00").doesNotContain("300.00");

            // the next write the stamp sees brings everything up to date
            sql(
                    "update team set name = 'Renamed desk' where id = (select team_id from portfolio where id = ?)",
                    portfolio);
            assertThat(dashboard(alice)).contains("Renamed desk", "300.00");

            sql("delete from portfolio where id = ?", portfolio);
            assertThat(dashboard(alice)).contains("No portfolios yet").doesNotContain("Main");
        }
    }

    @Test
    void leavingATeamHidesItsPortfoliosAtOnce() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice");
                UserSession bob = UserSession.logInNew(root, "Bob")) {
            long shared = alice.createPortfolio("Shared bags");
            sql(
                    "insert into membership (team_id, user_id, role) select p.team_id, u.id, 'VIEWER' "
                            + "from portfolio p, app_user u where p.id = ? and u.username = ?",
                    shared,
                    bob.username);
            assertThat(dashboard(bob)).contains("Shared bags");
            sql(
                    "delete from membership where user_id = (select id from app_user where username = ?) "
                            + "and team_id = (select team_id from portfolio where id = ?)",
                    bob.username,
                    shared);
            assertThat(dashboard(bob)).doesNotContain("Shared bags");
        }
    }

    @Test
    void thePortfolioPageShowsEveryWriteAtOnceAndAccessEndsWithTheMembership() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice");
                UserSession bob = UserSession.logInNew(root, "Bob")) {
            long portfolio = alice.createPortfolio("Main");
            String page = "/portfolios/" + portfolio;
            sql(
                    "insert into holding (portfolio_id, asset_symbol, quantity, venue, updated_by) "
                            + "select ?, 'USDT', 100, 'Ledger', id from app_user where username = ?",
                    portfolio,
                    alice.username);
            assertThat(alice.page(page).asNormalizedText()).contains("Total value: 100.00 USD");
            sql("update holding set quantity = 250 where portfolio_id = ?", portfolio);
            assertThat(alice.page(page).asNormalizedText()).contains("Total value: 250.00 USD");

            // served from memory: a change the stamp cannot see is not shown until the next one it can
            sql("alter table holding disable trigger holding_data_version_upd");
            try {
                sql("update holding set quantity = 300 where portfolio_id = ?", portfolio);
            } finally {
                sql("alter table holding enable trigger holding_data_version_upd");
            }
            assertThat(alice.page(page).asNormalizedText()).contains("Total value: 250.00 USD");
            sql("update portfolio set name = 'Main bags' where id = ?", portfolio);
            assertThat(alice.page(page).asNormalizedText()).contains("Main bags", "Total value: 300.00 USD");

            // another team's portfolio: not found, before and after bob joins and leaves the team
            assertThat(bob.getStatus(page)).isEqualTo(404);
            sql(
                    "insert into membership (team_id, user_id, role) select p.team_id, u.id, 'VIEWER' "
                            + "from portfolio p, app_user u where p.id = ? and u.username = ?",
                    portfolio,
                    bob.username);
            assertThat(bob.page(page).asNormalizedText()).contains("Main bags", "Total value: 300.00 USD");
            sql(
                    "delete from membership where user_id = (select id from app_user where username = ?) "
                            + "and team_id = (select team_id from portfolio where id = ?)",
                    bob.username,
                    portfolio);
            assertThat(bob.getStatus(page)).isEqualTo(404);
        }
    }

    private static String dashboard(UserSession user) throws Exception {
        return user.page("/dashboard").asNormalizedText();
    }

    private void sql(String statement, Object... parameters) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.execute();
        }
    }
}
