package io.hedgedesk.web.security.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.domain.team.Role;
import io.hedgedesk.web.support.Browser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.htmlunit.WebClient;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.Test;

/**
 * Mass assignment and allow-listed filters (security.md, "Access control"): ids, team, owner, role, status and
 * version in a form are ignored (the path and the database decide), unknown JSON fields are refused, and the hedge
 * history's filters accept only their allow-listed values (nothing is concatenated into SQL).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MassAssignmentTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    Fixtures fixtures;

    @Test
    void formsCannotSetIdsTeamOwnerRoleStatusOrVersion() throws Exception {
        try (World world = fixtures.world(root, "Mass")) {
            long ownerId = fixtures.userId(world.owner);
            long editorId = fixtures.userId(world.editor);
            long outsiderId = fixtures.userId(world.outsider);
            String foreignTeam = Long.toString(world.outsiderTeamId);
            String foreignPortfolio = Long.toString(world.outsiderPortfolioId);

            // A portfolio lands in the creator's current team, whatever team/owner/id the form names.
            WebResponse created = world.owner.post(
                    "/portfolios",
                    "name",
                    "Mine",
                    "teamId",
                    foreignTeam,
                    "team_id",
                    foreignTeam,
                    "team",
                    foreignTeam,
                    "id",
                    Long.toString(world.outsiderPortfolioId),
                    "ownerId",
                    Long.toString(outsiderId),
                    "version",
                    "42");
            assertThat(created.getStatusCode()).isEqualTo(303);
            long pid = Long.parseLong(
                    created.getResponseHeaderValue("Location").replaceAll(".*/portfolios/(\\d+)\\?.*", "$1"));
            assertThat(pid).isNotEqualTo(world.outsiderPortfolioId);
            assertThat(fixtures.portfolios().access(ownerId, pid).portfolio().teamId())
                    .isEqualTo(world.teamId);
            assertThat(fixtures.portfolios().access(ownerId, pid).portfolio().version())
                    .isZero();
            assertThat(fixtures.portfolios().list(outsiderId, world.outsiderTeamId))
                    .extracting(p -> p.name())
                    .doesNotContain("Mine");

            // Renaming names its team by the path only.
            String outsiderTeamName = fixtures.teams()
                    .team(outsiderId, world.outsiderTeamId)
                    .team()
                    .name();
            long version = fixtures.teams().team(ownerId, world.teamId).team().version();
            boolean personal =
                    fixtures.teams().team(ownerId, world.teamId).team().personal();
            assertThat(world.owner
                            .post(
                                    "/teams/" + world.teamId + "/rename",
                                    "name",
                                    "Renamed",
                                    "version",
                                    Long.toString(version),
                                    "id",
                                    foreignTeam,
                                    "teamId",
                                    foreignTeam,
                                    "personal",
                                    "true")
                            .getStatusCode())
                    .isEqualTo(303);
            assertThat(fixtures.teams()
                            .team(outsiderId, world.outsiderTeamId)
                            .team()
                            .name())
                    .isEqualTo(outsiderTeamName);
            assertThat(fixtures.teams().team(ownerId, world.teamId).team().personal())
                    .isEqualTo(personal);
            assertThat(world.owner
                            .post(
                                    "/teams/" + world.teamId + "/rename",
                                    "name",
                                    "Renamed again",
                                    "version",
                                    Long.toString(version + 100))
                            .getStatusCode())
                    .isEqualTo(409);

            // An invitation belongs to the team of the path.
            String invitee = "mass-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            assertThat(world.owner
                            .post(
                                    "/teams/" + world.teamId + "/invitations",
                                    "invitee",
                                    invitee,
                                    "role",
                                    "VIEWER",
                                    "teamId",
                                    foreignTeam)
                            .getStatusCode())
                    .isEqualTo(303);
            assertThat(fixtures.teams().pendingInvitations(ownerId, world.teamId))
                    .extracting(i -> i.invitee())
                    .contains(invitee);
            assertThat(fixtures.teams().pendingInvitations(outsiderId, world.outsiderTeamId))
                    .isEmpty();

            // A holding edit cannot move the holding or touch another portfolio's; the version is compared, not
            // assigned.
            Holding foreignBefore =
                    fixtures.portfolios().holding(outsiderId, world.outsiderPortfolioId, world.outsiderHoldingId);
            long holdingVersion = fixtures.portfolios()
                    .holding(ownerId, world.portfolioId, world.holdingId)
                    .version();
            assertThat(world.editor
                            .post(
                                    "/portfolios/" + world.portfolioId + "/holdings/" + world.holdingId,
                                    "asset",
                                    "BTC",
                                    "quantity",
                                    "0.25",
                                    "venue",
                                    "Cold",
                                    "version",
                                    Long.toString(holdingVersion),
                                    "portfolioId",
                                    foreignPortfolio,
                                    "id",
                                    Long.toString(world.outsiderHoldingId),
                                    "updatedBy",
                                    Long.toString(outsiderId))
                            .getStatusCode())
                    .isEqualTo(303);
            Holding moved = fixtures.portfolios().holding(ownerId, world.portfolioId, world.holdingId);
            assertThat(moved.portfolioId()).isEqualTo(world.portfolioId);
            assertThat(moved.version()).isEqualTo(holdingVersion + 1);
            assertThat(fixtures.portfolios().holding(outsiderId, world.outsiderPortfolioId, world.outsiderHoldingId))
                    .isEqualTo(foreignBefore);
            assertThat(world.editor
                            .post(
                                    "/portfolios/" + world.portfolioId + "/holdings/" + world.holdingId,
                                    "asset",
                                    "BTC",
                                    "quantity",
                                    "9",
                                    "venue",
                                    "Cold",
                                    "version",
                                    Long.toString(holdingVersion + 100))
                            .getStatusCode())
                    .isEqualTo(409);

            // A new hedge is OPEN, in the path's portfolio, opened by whoever posts, with no realized PnL.
            WebResponse opened = world.editor.post(
                    "/portfolios/" + world.portfolioId + "/hedges",
                    "contractId",
                    "BYBIT:BTCUSD",
                    "side",
                    "SHORT",
                    "size",
                    "1000",
                    "entryPrice",
                    "50000",
                    "leverage",
                    "2",
                    "margin",
                    "0",
                    "marginSource",
                    "DEPOSITED",
                    "targetCoverage",
                    "1",
                    "fee",
                    "0",
                    "formToken",
                    UUID.randomUUID().toString(),
                    "status",
                    "CLOSED",
                    "portfolioId",
                    foreignPortfolio,
                    "openedBy",
                    Long.toString(outsiderId),
                    "realizedPnl",
                    "1000",
                    "version",
                    "7",
                    "id",
                    Long.toString(world.outsiderHedgeId));
            assertThat(opened.getStatusCode()).isEqualTo(303);
            long hedgeId =
                    Long.parseLong(opened.getResponseHeaderValue("Location").replaceAll(".*/hedges/(\\d+).*", "$1"));
            Hedge hedge = fixtures.book().hedge(editorId, hedgeId).hedge();
            assertThat(hedgeId).isNotEqualTo(world.outsiderHedgeId);
            assertThat(hedge.status()).isEqualTo(HedgeStatus.OPEN);
            assertThat(hedge.portfolioId()).isEqualTo(world.portfolioId);
            assertThat(hedge.openedByName())
                    .isEqualTo(fixtures.support().user(world.editor).displayName());
            assertThat(hedge.realizedPnl()).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(hedge.version()).isZero();

            // An editor cannot promote themselves (roles are the owner's to give).
            long membership = world.editorMembershipId;
            long membershipVersion = fixtures.teams().members(ownerId, world.teamId).stream()
                    .filter(m -> m.membershipId() == membership)
                    .findFirst()
                    .orElseThrow()
                    .version();
            assertThat(world.editor
                            .post(
                                    "/teams/" + world.teamId + "/members/" + membership + "/role",
                                    "role",
                                    "OWNER",
                                    "version",
                                    Long.toString(membershipVersion))
                            .getStatusCode())
                    .isEqualTo(403);
            assertThat(fixtures.teams().team(editorId, world.teamId).role()).isEqualTo(Role.EDITOR);
        }
    }

    @Test
    void jsonBodiesCannotCarryFieldsTheyDoNotDeclare() throws Exception {
        try (WebClient client = Browser.create()) {
            WebResponse response = Requests.postRaw(client, root, "/api/v1/hedge/size", "application/json", """
          {"contract":"BYBIT:ETHUSD","coins":"50","spotPrice":"3500","leverage":"2","id":7}""");
            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(response.getContentAsString()).contains("\"field\":\"id\"", "unknown field");
        }
    }

    @Test
    void hedgeHistoryFiltersAreAllowListedAndNeverReachTheSql() throws Exception {
        Database db = fixtures.db();
        try (World world = fixtures.world(root, "Filter")) {
            // The hedge's link in a ledger row; a bare "#39" would also match the entity of an echoed apostrophe
            // (&#39;).
            String row = ">#" + world.hedgeId + "</a>";
            String all = Requests.get(world.owner.browser(), root, "/hedges").getContentAsString();
            assertThat(all).contains(row);
            Map<String, String> before = db.snapshot();
            for (String status :
                    new String[] {"OPEN' OR '1'='1", "OPEN;DROP TABLE hedge_event", "ARCHIVED", "h.status"}) {
                WebResponse page = Requests.get(
                        world.owner.browser(),
                        root,
                        "/hedges?status="
                                + java.net.URLEncoder.encode(status, java.nio.charset.StandardCharsets.UTF_8));
                assertThat(page.getStatusCode()).as(status).isEqualTo(400);
                assertThat(page.getContentAsString())
                        .as(status)
                        .contains("status")
                        .doesNotContain(row);
            }
            // Unknown sort/order parameters are ignored: the same rows in the same (server-chosen) order.
            String sorted = Requests.get(world.owner.browser(), root, "/hedges?sort=id%3Bdrop&order=desc%2C1")
                    .getContentAsString();
            assertThat(rows(sorted)).isEqualTo(rows(all));
            // An asset must be a symbol (then matched against the contract catalog), never spliced into a query.
            WebResponse injected = Requests.get(
                    world.owner.browser(), root, "/hedges?asset=BTC%27%29%3B+delete+from+hedge_event%3B--");
            assertThat(injected.getStatusCode()).isEqualTo(400);
            assertThat(injected.getContentAsString()).contains("asset symbol").doesNotContain(row);
            assertThat(Requests.get(world.owner.browser(), root, "/hedges?asset=DOGE")
                            .getContentAsString())
                    .doesNotContain(row);
            assertThat(Requests.get(world.owner.browser(), root, "/hedges?asset=BTC")
                            .getContentAsString())
                    .contains(row);
            for (String q : new String[] {
                "format=xlsx",
                "format=native&portfolio=1%20or%201%3D1",
                "format=native&from=yesterday",
                "format=native&status=DELETED"
            }) {
                assertThat(Requests.get(world.owner.browser(), root, "/hedges/export.csv?" + q)
                                .getStatusCode())
                        .as(q)
                        .isEqualTo(400);
            }
            assertThat(Requests.get(
                                    world.owner.browser(),
                                    root,
                                    "/portfolios/" + world.portfolioId + "/plan/confirm?strategy=PER_ASSET%27--")
                            .getStatusCode())
                    .isEqualTo(400);
            assertThat(Database.changed(before, db.snapshot())).isEmpty();
        }
    }

    /** The ledger rows of a history page (each names its hedge "#id"), in order. */
    private static java.util.List<String> rows(String html) {
        java.util.List<String> rows = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<tr>.*?</tr>", java.util.regex.Pattern.DOTALL)
                .matcher(html);
        while (m.find()) {
            rows.add(m.group());
        }
        return rows;
    }
}
