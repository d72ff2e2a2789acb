package io.hedgedesk.web.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.marketdata.account.Credentials;
import io.hedgedesk.marketdata.account.SecretSealer;
import io.hedgedesk.marketdata.account.VenueStub;
import io.hedgedesk.persistence.audit.AuditLog;
import io.hedgedesk.persistence.connection.ExchangeConnectionEntity;
import io.hedgedesk.persistence.connection.ExchangeConnections;
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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** Connecting a read-only key through the team's page, against the signature-checking venue stub. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(VenueStubResource.class)
class ConnectionPagesTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    TeamService teams;

    @Inject
    AppUserRepository users;

    @Inject
    ExchangeConnections connections;

    @Inject
    ConnectionStore store;

    @Inject
    AuditLog audit;

    private long userId(UserSession s) {
        return new Teams(users, teams).user(s).id();
    }

    private long teamOf(UserSession s) {
        return new Teams(users, teams).teamOf(s);
    }

    private WebResponse connect(UserSession s, long teamId, String venue, String key, String secret) throws Exception {
        String path = "/teams/" + teamId + "/connections";
        return s.post(
                path,
                "venue",
                venue,
                "label",
                venue + " main",
                "apiKey",
                key,
                "secret",
                secret,
                "formToken",
                s.formToken(path, path));
    }

    @Test
    void aReadOnlyKeyIsConnectedAndItsSecretIsStoredEncryptedOnly() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long teamId = teamOf(alice);
            assertThat(alice.page("/teams/" + teamId).getElementById("connections-link"))
                    .isNotNull();
            WebResponse made = connect(alice, teamId, "BYBIT", VenueStubResource.API_KEY, VenueStubResource.SECRET);
            assertThat(made.getStatusCode()).as(made.getContentAsString()).isEqualTo(303);

            HtmlPage list = alice.page("/teams/" + teamId + "/connections?flash=connection-saved");
            String text = list.asNormalizedText();
            assertThat(text)
                    .contains(
                            "Connected: the venue confirmed the key is read-only",
                            "BYBIT main",
                            "Bybit (v5, unified or classic account)",
                            "…abcd",
                            "24617703",
                            "2027-03-06",
                            "read-only key confirmed");
            assertThat(list.asXml()).doesNotContain(VenueStubResource.SECRET).doesNotContain(VenueStubResource.API_KEY);

            ExchangeConnectionEntity row = QuarkusTransaction.requiringNew()
                    .call(() -> connections.ofTeam(teamId).get(0));
            assertThat(new String(row.ciphertext, StandardCharsets.ISO_8859_1))
                    .doesNotContain(VenueStubResource.SECRET);
            assertThat(row.kekId).isEqualTo("dev");
            assertThat(store.credentials(teamId, row.id))
                    .isEqualTo(new Credentials(VenueStubResource.API_KEY, VenueStubResource.SECRET));
            assertThat(audit.teamTrail(teamId))
                    .anySatisfy(e -> assertThat(e.action()).isEqualTo("CONNECTED"));

            // Another team cannot see or delete it.
            try (UserSession mallory = UserSession.logInNew(root, "Mallory")) {
                assertThat(mallory.getStatus("/teams/" + teamId + "/connections"))
                        .isEqualTo(404);
                assertThat(mallory.post("/teams/" + teamId + "/connections/" + row.id + "/delete")
                                .getStatusCode())
                        .isEqualTo(404);
            }

            // Deleting removes the ciphertext.
            assertThat(alice.post("/teams/" + teamId + "/connections/" + row.id + "/delete")
                            .getStatusCode())
                    .isEqualTo(303);
            assertThat(QuarkusTransaction.requiringNew().call(() -> connections.ofTeam(teamId)))
                    .isEmpty();
        }
    }

    @Test
    void aKeyThatCanTradeIsRefusedWithTheReasonAndNothingIsSaved() throws Exception {
        VenueStubResource.stub.once(
                "/sapi/v1/account/apiRestrictions",
                new VenueStub.Answer(
                        200,
                        "{\"ipRestrict\":false,\"createTime\":1623840271000,\"enableReading\":true,\"enableWithdrawals\":true,"
                                + "\"enableInternalTransfer\":false,\"enableMargin\":false,\"enableFutures\":true,"
                                + "\"permitsUniversalTransfer\":false,\"enableVanillaOptions\":false,"
                                + "\"enableSpotAndMarginTrading\":false}",
                        Map.of()));
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long teamId = teamOf(alice);
            WebResponse refused =
                    connect(alice, teamId, "BINANCE", VenueStubResource.API_KEY, VenueStubResource.SECRET);
            assertThat(refused.getStatusCode()).isEqualTo(400);
            assertThat(refused.getContentAsString())
                    .contains(
                            "Nothing was saved",
                            "Refused: hedgedesk only accepts read-only keys, and this Binance key it can trade (enableFutures);"
                                    + " it can withdraw (enableWithdrawals)")
                    .doesNotContain(VenueStubResource.SECRET);
            assertThat(QuarkusTransaction.requiringNew().call(() -> connections.ofTeam(teamId)))
                    .isEmpty();
        }
    }

    @Test
    void aWrongSecretAndBadInputGetClearMessages() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long teamId = teamOf(alice);
            WebResponse wrong = connect(alice, teamId, "BYBIT", VenueStubResource.API_KEY, "not-the-secret");
            assertThat(wrong.getStatusCode()).isEqualTo(400);
            assertThat(wrong.getContentAsString())
                    .contains("Bybit refused the key: the signature does not match: check the secret (10004).");

            WebResponse blank = connect(alice, teamId, "BYBIT", " ", "x y");
            assertThat(blank.getStatusCode()).isEqualTo(400);
            assertThat(blank.getContentAsString()).contains("API key: paste it as the exchange shows it");

            WebResponse venue = connect(alice, teamId, "KRAKEN", VenueStubResource.API_KEY, VenueStubResource.SECRET);
            assertThat(venue.getContentAsString()).contains("Exchange: choose Bybit or Binance COIN-M futures.");
            assertThat(QuarkusTransaction.requiringNew().call(() -> connections.ofTeam(teamId)))
                    .isEmpty();
        }
    }

    @Test
    void aViewerSeesConnectionsButCannotConnect() throws Exception {
        try (UserSession owner = UserSession.logInNew(root, "Olive");
                UserSession viewer = UserSession.logInNew(root, "Victor")) {
            long teamId = teamOf(owner);
            owner.post("/teams/" + teamId + "/invitations", "invitee", viewer.username, "role", "VIEWER");
            viewer.page("/teams");
            HtmlPage page = viewer.page("/teams/" + teamId + "/connections");
            assertThat(page.asNormalizedText())
                    .contains("No exchange connected yet")
                    .doesNotContain("Connect an exchange");
            String path = "/teams/" + teamId + "/connections";
            assertThat(viewer.post(
                                    path,
                                    "venue",
                                    "BYBIT",
                                    "label",
                                    "x",
                                    "apiKey",
                                    VenueStubResource.API_KEY,
                                    "secret",
                                    VenueStubResource.SECRET,
                                    "formToken",
                                    java.util.UUID.randomUUID().toString())
                            .getStatusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    void rotationRewrapsUnderTheNewKeyEncryptionKey() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long teamId = teamOf(alice);
            assertThat(connect(alice, teamId, "BYBIT", VenueStubResource.API_KEY, VenueStubResource.SECRET)
                            .getStatusCode())
                    .isEqualTo(303);
            long id = QuarkusTransaction.requiringNew()
                    .call(() -> connections.ofTeam(teamId).get(0).id);
            byte[] newKek = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
            SecretSealer rotated = SecretSealer.fromSpec("new:"
                    + Base64.getEncoder().encodeToString(newKek) + ",dev:ZGV2LW9ubHkta2V5LWVuY3J5cHRpb24ta2V5LTAwMDE=");
            ConnectionStore rotatedStore = new ConnectionStore(
                    connections, rotated, audit, java.time.Clock.systemUTC(), null, null, null, null);
            assertThat(QuarkusTransaction.requiringNew().call(rotatedStore::rewrapAll))
                    .isGreaterThanOrEqualTo(1);
            ConnectionStore onlyNew = new ConnectionStore(
                    connections,
                    SecretSealer.fromSpec("new:" + Base64.getEncoder().encodeToString(newKek)),
                    audit,
                    java.time.Clock.systemUTC(),
                    null,
                    null,
                    null,
                    null);
            assertThat(QuarkusTransaction.requiringNew()
                            .call(() -> onlyNew.credentials(teamId, id))
                            .secret())
                    .isEqualTo(VenueStubResource.SECRET);
            // Put the development key back for the other tests of this run: then nothing is left to re-wrap.
            ConnectionStore back = new ConnectionStore(
                    connections,
                    SecretSealer.fromSpec("dev:ZGV2LW9ubHkta2V5LWVuY3J5cHRpb24ta2V5LTAwMDE=,new:"
                            + Base64.getEncoder().encodeToString(newKek)),
                    audit,
                    java.time.Clock.systemUTC(),
                    null,
                    null,
                    null,
                    null);
            QuarkusTransaction.requiringNew().call(back::rewrapAll);
            assertThat(QuarkusTransaction.requiringNew().call(store::rewrapAll)).isZero();
        }
    }
}
