package io.hedgedesk.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.team.TeamSummary;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.support.Teams;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The first-run demo data: off unless configured (tests and production run without it), and when written, a demo team
 * made current with a priced three-coin portfolio, written once however often it is asked for. The dashboard's
 * onboarding steps follow what the user has done.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DemoDataTest {

  @TestHTTPResource("/")
  URL root;

  @Inject
  AppUserRepository users;
  @Inject
  DemoData demo;
  @Inject
  TeamService teamService;
  @Inject
  PortfolioService portfolios;

  @Test
  void offByDefaultThenWrittenOnceAndShownOnTheDashboard() throws Exception {
    assertThat(demo.enabled()).as("hedgedesk.demo-data defaults to false").isFalse();
    try (UserSession dora = UserSession.logInNew(root, "Dora")) {
      AppUser user = new Teams(users, teamService).user(dora);
      HtmlPage first = dora.page("/dashboard");
      assertThat(demoTeams(user)).as("nothing written while off").isEmpty();
      assertThat(first.getElementById("onboarding").asNormalizedText())
          .contains("Create or join a team", "Record the hedge you opened");
      assertThat(first.getByXPath("//section[@id='onboarding']//li[@class='done']")).isEmpty();

      assertThat(demo.seed(user)).isTrue();
      assertThat(demo.seed(user)).as("a second time writes nothing").isFalse();
      List<TeamSummary> teams = demoTeams(user);
      assertThat(teams).hasSize(1);
      assertThat(teams.get(0).current()).as("the demo team is the current one").isTrue();
      List<PortfolioAccess> bags = portfolios.listAll(user.id()).stream()
          .filter(p -> p.portfolio().name().equals(DemoData.PORTFOLIO)).toList();
      assertThat(bags).hasSize(1);
      var valuation = portfolios.valuation(user.id(), bags.get(0).portfolio().id());
      assertThat(valuation.lines()).extracting(l -> l.holding().draft().assetSymbol())
          .containsExactlyInAnyOrder("BTC", "ETH", "SOL");
      assertThat(valuation.unpriced()).as("valued from the shipped closes").isZero();

      // Renamed, the team is not recognised by name; the writes' single-use tokens still make a repeat a no-op.
      teamService.rename(user.id(), teams.get(0).team().id(), teams.get(0).team().version(), "Renamed demo");
      assertThat(demo.seed(user)).isFalse();
      assertThat(teamService.teamsOf(user.id())).filteredOn(t -> !t.team().personal()).hasSize(1);

      HtmlPage after = dora.page("/dashboard");
      assertThat(after.getByXPath("//section[@id='onboarding']//li[@class='done']")).hasSize(4);
      assertThat(after.getElementById("onboarding").asNormalizedText()).contains("Plan a hedge");
    }
  }

  private List<TeamSummary> demoTeams(AppUser user) {
    return teamService.teamsOf(user.id()).stream().filter(t -> t.team().name().equals(DemoData.TEAM)).toList();
  }
}
