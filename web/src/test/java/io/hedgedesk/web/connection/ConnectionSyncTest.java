package io.hedgedesk.web.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.portfolio.HoldingDraft;
import io.hedgedesk.domain.portfolio.HoldingInput;
import io.hedgedesk.marketdata.account.VenueStub;
import io.hedgedesk.persistence.connection.ExchangeConnections;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.support.Teams;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** Syncing a connection's positions (stub venue), beside the hedges; failures, resume, and one claimer at a time. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(VenueStubResource.class)
class ConnectionSyncTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    TeamService teams;

    @Inject
    AppUserRepository users;

    @Inject
    ExchangeConnections connections;

    @Inject
    PortfolioService portfolios;

    private long userId(UserSession s) {
        return new Teams(users, teams).user(s).id();
    }

    private long teamOf(UserSession s) {
        return new Teams(users, teams).teamOf(s);
    }

    private long connect(UserSession s, long teamId, String venue) throws Exception {
        return StubConnections.connect(s, teamId, venue, connections);
    }

    @Test
    void aSyncedPositionIsShownBesideItsHedgeWithTheDifferences() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "SyncAlice")) {
            long teamId = teamOf(alice);
            long pid = alice.createPortfolio("Bag");
            long holding = portfolios
                    .addHolding(
                            userId(alice),
                            pid,
                            UUID.randomUUID(),
                            HoldingDraft.parse(
                                    new HoldingInput("ADA", false, "40000", "Ledger", "", "", ""), LocalDate.now()))
                    .id();
            // The hedge as recorded: short 1,334 ADAUSD_PERP at 0.6671, margin 9,000 ADA. The exchange (stub) reports
            // short 1,334 at 0.6671 with 10,000.1 ADA isolated margin: size and entry agree, margin 1,000.1 more.
            WebResponse open = alice.post(
                    "/portfolios/" + pid + "/hedges",
                    "contractId",
                    "BINANCE:ADAUSD_PERP",
                    "side",
                    "SHORT",
                    "size",
                    "1334",
                    "entryPrice",
                    "0.6671",
                    "leverage",
                    "2",
                    "margin",
                    "9000",
                    "marginSource",
                    "EXTRA_COIN",
                    "holding",
                    Long.toString(holding),
                    "targetCoverage",
                    "1",
                    "fee",
                    "0",
                    "openedAt",
                    "2025-12-06T00:00",
                    "formToken",
                    UUID.randomUUID().toString());
            assertThat(open.getStatusCode()).as(open.getContentAsString()).isEqualTo(303);
            long hedgeId =
                    Long.parseLong(open.getResponseHeaderValue("Location").replaceAll(".*/hedges/(\\d+).*", "$1"));

            long id = connect(alice, teamId, "BINANCE");
            HtmlPage before = alice.page("/teams/" + teamId + "/connections");
            assertThat(before.asNormalizedText()).contains("Not synced yet");

            assertThat(alice.post("/teams/" + teamId + "/connections/" + id + "/sync")
                            .getStatusCode())
                    .isEqualTo(303);
            String text = alice.page("/teams/" + teamId + "/connections?flash=connection-synced")
                    .asNormalizedText();
            assertThat(text)
                    .contains(
                            "Synced: the positions below are what the exchange reports now.",
                            "BINANCE:ADAUSD_PERP",
                            "short",
                            "hedge #" + hedgeId + " in Bag",
                            "matches",
                            "1,334 contracts of 10 USD",
                            "0.6671",
                            "10,000.1 ADA (1,000.1 ADA against the hedge)",
                            "-92.48 ADA");
            assertThat(VenueStubResource.stub.requests)
                    .anySatisfy(r -> assertThat(r).startsWith("/dapi/v1/positionRisk?"));
        }
    }

    @Inject
    ConnectionSync sync;

    @Test
    void theScheduledRunSyncsEveryDueConnection() throws Exception {
        try (UserSession fred = UserSession.logInNew(root, "SyncFred")) {
            long teamId = teamOf(fred);
            long id = connect(fred, teamId, "BINANCE");
            sync.syncDue();
            String text = fred.page("/teams/" + teamId + "/connections").asNormalizedText();
            assertThat(text).contains("BINANCE:ADAUSD_PERP", "No hedge records this position.");
            Instant next = QuarkusTransaction.requiringNew().call(() -> connections.of(teamId, id).nextSyncAt);
            assertThat(next).isAfter(Instant.now().plus(Duration.ofMinutes(14)));
        }
    }

    @Test
    void aPositionNoHedgeRecordsIsOfferedToBeRecorded() throws Exception {
        try (UserSession bob = UserSession.logInNew(root, "SyncBob")) {
            long teamId = teamOf(bob);
            long pid = bob.createPortfolio("Alts");
            long id = connect(bob, teamId, "BYBIT");
            assertThat(bob.post("/teams/" + teamId + "/connections/" + id + "/sync")
                            .getStatusCode())
                    .isEqualTo(303);
            HtmlPage page = bob.page("/teams/" + teamId + "/connections");
            assertThat(page.asNormalizedText())
                    .contains("BYBIT:ADAUSD", "13,340", "No hedge records this position.")
                    .doesNotContain("BYBIT:BTCUSD");

            // The page's "Record as a hedge" form carries the exchange's figures without padding zeros.
            HtmlPage withForm = bob.page("/teams/" + teamId + "/connections");
            assertThat(withForm.getElementsByName("size").get(0).getAttribute("value"))
                    .isEqualTo("13340");
            assertThat(withForm.getElementsByName("margin").get(0).getAttribute("value"))
                    .isEqualTo("9998.5");
            WebResponse record = bob.getResponse("/teams/" + teamId + "/connections/" + id + "/record?portfolio=" + pid
                    + "&contractId=BYBIT:ADAUSD&side=SHORT&size=13340&entryPrice=0.6671&leverage=2&margin=9998.5");
            assertThat(record.getStatusCode()).isEqualTo(303);
            String location = record.getResponseHeaderValue("Location");
            assertThat(location).contains("/portfolios/" + pid + "/hedges/new?contractId=BYBIT");
            HtmlPage form = bob.page(location.replaceFirst("^https?://[^/]+", ""));
            assertThat(form.getElementByName("size").getAttribute("value")).isEqualTo("13340");
            assertThat(form.getElementByName("entryPrice").getAttribute("value"))
                    .isEqualTo("0.6671");
        }
    }

    @Test
    void aServerErrorMidSyncIsShownAndTheNextSyncResumes() throws Exception {
        try (UserSession carl = UserSession.logInNew(root, "SyncCarl")) {
            long teamId = teamOf(carl);
            long id = connect(carl, teamId, "BYBIT");
            // The inverse page answers, the linear one fails: nothing is half-replaced, the error is kept.
            VenueStubResource.stub.once(
                    "/v5/position/list",
                    new VenueStub.Answer(
                            200,
                            "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"list\":[],\"nextPageCursor\":\"\"}}",
                            Map.of()));
            VenueStubResource.stub.once("/v5/position/list", new VenueStub.Answer(503, "<html>busy</html>", Map.of()));
            WebResponse failed = carl.post("/teams/" + teamId + "/connections/" + id + "/sync");
            assertThat(failed.getStatusCode()).isEqualTo(502);
            assertThat(failed.getContentAsString()).contains("The exchange could not be reached");
            assertThat(carl.page("/teams/" + teamId + "/connections").asNormalizedText())
                    .contains("The exchange could not be reached", "Not synced yet");

            assertThat(carl.post("/teams/" + teamId + "/connections/" + id + "/sync")
                            .getStatusCode())
                    .isEqualTo(303);
            String text = carl.page("/teams/" + teamId + "/connections").asNormalizedText();
            assertThat(text).contains("BYBIT:ADAUSD", "read-only key confirmed").doesNotContain("could not be reached");
        }
    }

    @Test
    void aRateLimitSaysWhenTheSyncResumes() throws Exception {
        try (UserSession dora = UserSession.logInNew(root, "SyncDora")) {
            long teamId = teamOf(dora);
            long id = connect(dora, teamId, "BINANCE");
            VenueStubResource.stub.once(
                    "/dapi/v1/positionRisk",
                    new VenueStub.Answer(
                            429, "{\"code\":-1003,\"msg\":\"Too many requests\"}", Map.of("Retry-After", "120")));
            WebResponse limited = dora.post("/teams/" + teamId + "/connections/" + id + "/sync");
            assertThat(limited.getStatusCode()).isEqualTo(502);
            assertThat(limited.getContentAsString()).contains("Rate limited by the exchange; the sync resumes at");
            Instant next = QuarkusTransaction.requiringNew().call(() -> connections.of(teamId, id).nextSyncAt);
            assertThat(next).isAfter(Instant.now().plusSeconds(100));
        }
    }

    @Test
    void twoInstancesClaimEachDueConnectionOnce() throws Exception {
        List<Long> mine = new ArrayList<>();
        try (UserSession eve = UserSession.logInNew(root, "SyncEve")) {
            long teamId = teamOf(eve);
            for (int i = 0; i < 3; i++) {
                mine.add(connect(eve, teamId, i % 2 == 0 ? "BYBIT" : "BINANCE"));
            }
        }
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        Instant now = Instant.now().plusSeconds(1);
        Callable<Void> instance = () -> {
            String owner = "instance-" + UUID.randomUUID();
            Optional<Long> id;
            while ((id = connections.claimDue(owner, now, Duration.ofMinutes(5))).isPresent()) {
                claimed.add(id.get());
            }
            return null;
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Void>> runs = two.invokeAll(List.of(instance, instance));
            for (Future<Void> run : runs) {
                run.get();
            }
        } finally {
            two.shutdownNow();
        }
        assertThat(claimed).doesNotHaveDuplicates();
        assertThat(mine).doesNotHaveDuplicates();
        assertThat(claimed).containsAll(mine);
        // Leased: neither instance takes them again until the lease runs out.
        assertThat(connections.claimDue("instance-3", now, Duration.ofMinutes(5)))
                .isEmpty();
        assertThat(connections.claimDue("instance-3", now.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5)))
                .isPresent();
    }
}
