package io.hedgedesk.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Alerts about a team's exchange connections, on connections whose state is set by hand: a sync failing for 8 hours
 * and a key expiring in 5 days raise one alert each (installation thresholds: 6 h or 3 failures, 14 days), delivered
 * through the outbox and shown on the dashboard, linked to the team's connections; a Binance key without an expiry
 * raises nothing; the failures in a row are counted as syncs release their lease; each user may acknowledge or snooze
 * a connection's alert.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConnectionAlertsTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    AlertEngine engine;

    @Inject
    DataSource dataSource;

    @Inject
    AppUserRepository users;

    @Inject
    TeamService teams;

    @Inject
    ConnectionAlerts connectionAlerts;

    /** The hand-made connections have no real sealed key: other tests (key rotation) must not meet them. */
    @AfterEach
    void removeConnections() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("delete from exchange_connection where kek_id = 'alert-test'")) {
            s.executeUpdate();
        }
    }

    @Test
    void aFailingSyncAndAnExpiringKeyAlertOnceAndShowOnTheDashboard() throws Exception {
        try (UserSession pat = UserSession.logInNew(root, "Pat");
                WebhookStub stub = new WebhookStub()) {
            Teams t = new Teams(users, teams);
            long teamId = t.teamOf(pat);
            long userId = t.user(pat).id();
            HtmlForm f = ThresholdPagesTest.form(pat.page("/settings/alerts"), "/settings/alerts");
            f.getInputByName("webhookUrl").setValue(stub.url("/pat"));
            f.getSelectByName("webhookKind").setSelectedAttribute("JSON", true);
            f.getInputByName("webhookOn").setChecked(true);
            ThresholdPagesTest.submit(f);
            Instant now = Instant.now();
            // failing since its last good sync 8 h ago (> 6 h), its key expiring in 5 days and 1 hour (121 h: "5 days")
            long failing = connection(
                    teamId,
                    userId,
                    "BYBIT",
                    "Main account",
                    now.plus(Duration.ofHours(121)),
                    "The exchange refused: invalid key (10003).",
                    now.minus(Duration.ofHours(8)));
            // a Binance reading key: no expiry reported, syncing fine
            long reader = connection(teamId, userId, "BINANCE", "Reader", null, null, now.minus(Duration.ofMinutes(5)));

            engine.evaluateAll();
            assertThat(alerts(failing)).containsExactlyInAnyOrder("SYNC_FAILING", "KEY_EXPIRING");
            assertThat(alerts(reader)).isEmpty();
            assertThat(deliveries(failing))
                    .containsExactlyInAnyOrder(
                            "hedgedesk: Exchange sync failing — Connection “Main account” (BYBIT)",
                            "hedgedesk: API key expiring — Connection “Main account” (BYBIT)");
            engine.evaluateAll(); // still failing, still expiring: nothing new
            assertThat(alerts(failing)).hasSize(2);

            HtmlPage dashboard = pat.page("/dashboard");
            List<String> lines = new ArrayList<>();
            dashboard
                    .getByXPath("//ul[contains(@class,'connections')]/li")
                    .forEach(n ->
                            lines.add(((HtmlElement) n).asNormalizedText().replace("\nAcknowledge Snooze 24 h", "")));
            String team = teams.currentTeam(userId).team().name();
            assertThat(lines)
                    .containsExactlyInAnyOrder(
                            "Connection “Main account” (BYBIT) (" + team
                                    + ") — Exchange sync failing: its syncs have failed 1 time in"
                                    + " a row, for 8 h (alert after 6 h or 3 failures): The exchange refused: invalid key (10003).",
                            "Connection “Main account” (BYBIT) (" + team
                                    + ") — API key expiring: its API key expires in 5 days (alert"
                                    + " 14 days before)");
            assertThat(dashboard.getByXPath("//ul[contains(@class,'connections')]/li/a/@href").stream()
                            .map(a -> ((org.htmlunit.html.DomAttr) a).getValue())
                            .distinct()
                            .toList())
                    .containsExactly("/teams/" + teamId + "/connections");
            assertThat(dashboard.getByXPath("//ul[contains(@class,'connections')]//button"))
                    .hasSize(4); // acknowledge and snooze on each

            // the sync's lease released with an error counts a failure in a row, without one ends the run
            long version = Long.parseLong(
                    single("select data_version from team where id = ?", teamId).get(0));
            release(reader, "The exchange could not be reached.");
            release(reader, "The exchange could not be reached.");
            assertThat(failures(reader)).isEqualTo(2);
            // each failed sync moves the team's counter, which the alerts' watch evaluates after
            assertThat(Long.parseLong(single("select data_version from team where id = ?", teamId)
                            .get(0)))
                    .isGreaterThanOrEqualTo(version + 2);
            release(reader, null);
            assertThat(failures(reader)).isZero();
        }
    }

    /**
     * Acknowledge and snooze, per user: Val acknowledges a failing sync and Wes (her teammate) snoozes it before the
     * alert fires; the alert is sent to Val (1 webhook row) and not to Wes (0); Val's acknowledgement is forgotten when
     * the sync works again (the gate re-arms), so the next failure shows again for her, while Wes's snooze still hides
     * it. Another team's connection is a 404; a missing or unknown field a 400 naming it.
     */
    @Test
    void acknowledgeAndSnoozeAConnectionsAlertPerUser() throws Exception {
        try (UserSession val = UserSession.logInNew(root, "Val");
                UserSession wes = UserSession.logInNew(root, "Wes");
                UserSession xan = UserSession.logInNew(root, "Xan");
                WebhookStub stub = new WebhookStub()) {
            Teams t = new Teams(users, teams);
            t.join(val, wes, io.hedgedesk.domain.team.Role.VIEWER);
            long teamId = t.teamOf(val);
            for (UserSession u : List.of(val, wes)) {
                HtmlForm f = ThresholdPagesTest.form(u.page("/settings/alerts"), "/settings/alerts");
                f.getInputByName("webhookUrl").setValue(stub.url("/" + u.username));
                f.getSelectByName("webhookKind").setSelectedAttribute("JSON", true);
                f.getInputByName("webhookOn").setChecked(true);
                ThresholdPagesTest.submit(f);
            }
            Instant now = Instant.now();
            // failing for 8 h (> 6 h), no key expiry: one alert, SYNC_FAILING
            long id = connection(
                    teamId, t.user(val).id(), "BYBIT", "Desk", null, "Refused.", now.minus(Duration.ofHours(8)));
            String line = "//ul[contains(@class,'connections')]/li";
            HtmlPage valPage = click(val.page("/dashboard"), line + "//button[@value='ack']");
            assertThat(valPage.getByXPath(line)).isEmpty();
            assertThat(valPage.getHtmlElementById("alerts-hidden").getTextContent())
                    .startsWith("1 acknowledged or snoozed");
            assertThat(wes.page("/dashboard").getByXPath(line)).hasSize(1); // a teammate still sees it
            HtmlPage wesPage = click(wes.page("/dashboard"), line + "//button[@value='snooze']");
            assertThat(wesPage.getByXPath(line)).isEmpty();

            engine.evaluateAll();
            assertThat(alerts(id)).containsExactly("SYNC_FAILING");
            // Val acknowledged (still told), Wes snoozed (not told)
            assertThat(deliveriesTo(id, t.user(val).id())).isEqualTo(1);
            assertThat(deliveriesTo(id, t.user(wes).id())).isZero();

            setError(id, null); // the sync works: the gate re-arms, Val's acknowledgement is forgotten
            engine.evaluateAll();
            setError(id, "Refused again.");
            assertThat(val.page("/dashboard").getByXPath(line)).hasSize(1);
            assertThat(wes.page("/dashboard").getByXPath(line)).isEmpty(); // snoozed for 24 h

            String[] ack = {"connectionId", String.valueOf(id), "kind", "SYNC_FAILING", "action", "ack"};
            assertThat(xan.post("/dashboard/alerts", ack).getStatusCode()).isEqualTo(404);
            assertRefused(val, "connectionId", "kind", "SYNC_FAILING", "action", "ack");
            assertRefused(val, "connectionId", "hedgeId", String.valueOf(id), "kind", "SYNC_FAILING", "action", "ack");
            assertRefused(val, "kind", "connectionId", String.valueOf(id), "kind", "NOPE", "action", "ack");
            assertRefused(val, "action", "connectionId", String.valueOf(id), "kind", "SYNC_FAILING", "action", "mute");
            assertThat(val.post("/dashboard/alerts", ack).getStatusCode()).isEqualTo(303);
        }
    }

    private static HtmlPage click(HtmlPage page, String xpath) throws Exception {
        return ((org.htmlunit.html.HtmlButton) page.getFirstByXPath(xpath)).click();
    }

    private static void assertRefused(UserSession s, String field, String... form) throws Exception {
        org.htmlunit.WebResponse r = s.post("/dashboard/alerts", form);
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains(": " + field + " is missing or unknown");
    }

    private void setError(long connectionId, String error) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "update exchange_connection set last_error = ?, last_sync_at = now() - interval '8 hours'"
                                + " where id = ?")) {
            s.setString(1, error);
            s.setLong(2, connectionId);
            s.executeUpdate();
        }
    }

    private long deliveriesTo(long connectionId, long userId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from alert_delivery d join alert_event e"
                        + " on e.id = d.alert_event_id where e.connection_id = ? and d.user_id = ?")) {
            s.setLong(1, connectionId);
            s.setLong(2, userId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * A portfolio's defaults set the team's connection thresholds; the tightest of its portfolios' count. With 12 h,
     * 5 failures and 30 days the same states measure: sync max(8/12, 1/4.5) = 0.667 (quiet), key 5.04 days (< 30: alert).
     */
    @Test
    void aPortfoliosDefaultsSetTheTeamsConnectionThresholds() throws Exception {
        try (UserSession quinn = UserSession.logInNew(root, "Quinn")) {
            Teams t = new Teams(users, teams);
            long teamId = t.teamOf(quinn);
            long pid = quinn.createPortfolio("Connected bags");
            HtmlForm f = ThresholdPagesTest.form(
                    quinn.page("/portfolios/" + pid + "/alerts"), "/portfolios/" + pid + "/alerts");
            f.getInputByName("syncHours").setValue("0");
            quinn.browser().getOptions().setThrowExceptionOnFailingStatusCode(false);
            HtmlPage refused = ThresholdPagesTest.submit(f);
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(refused.asNormalizedText()).contains("Enter a whole number from 1 to 8760.");
            f = ThresholdPagesTest.form(quinn.page("/portfolios/" + pid + "/alerts"), "/portfolios/" + pid + "/alerts");
            f.getInputByName("syncHours").setValue("12");
            f.getInputByName("syncFailures").setValue("5");
            f.getInputByName("keyDays").setValue("30");
            ThresholdPagesTest.submit(f);
            Instant now = Instant.now();
            long id = connection(
                    teamId,
                    t.user(quinn).id(),
                    "BYBIT",
                    "Desk",
                    now.plus(Duration.ofHours(121)),
                    "Refused.",
                    now.minus(Duration.ofHours(8)));
            ConnectionAlerts.Evaluated e = connectionAlerts.evaluate(java.util.Optional.of(List.of(teamId))).stream()
                    .filter(x -> x.connection().id() == id)
                    .findFirst()
                    .orElseThrow();
            assertThat(e.thresholds())
                    .isEqualTo(new io.hedgedesk.pricing.alerts.ConnectionChecks.Thresholds(12, 5, 30));
            assertThat(e.checks())
                    .filteredOn(io.hedgedesk.pricing.alerts.AlertEvaluator.Check::alarm)
                    .extracting(io.hedgedesk.pricing.alerts.AlertEvaluator.Check::kind)
                    .containsExactly(io.hedgedesk.pricing.alerts.AlertKind.KEY_EXPIRING);
            assertThat(quinn.page("/portfolios/" + pid + "/alerts")
                            .getHtmlElementById("syncHours")
                            .getAttribute("value"))
                    .isEqualTo("12");
        }
    }

    private long connection(
            long teamId,
            long userId,
            String venue,
            String label,
            Instant keyExpiresAt,
            String lastError,
            Instant lastSync)
            throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into"
                        + " exchange_connection (team_id, venue, label, key_hint, kek_id, wrapped_key, wrap_nonce, ciphertext, nonce,"
                        + " key_expires_at, checked_at, last_sync_at, last_error, created_by) values (?, ?, ?, 'abcd', 'alert-test',"
                        + " '\\x00', '\\x00', '\\x00', '\\x00', ?, now(), ?, ?, ?) returning id")) {
            s.setLong(1, teamId);
            s.setString(2, venue);
            s.setString(3, label);
            s.setObject(
                    4,
                    keyExpiresAt == null ? null : keyExpiresAt.atOffset(ZoneOffset.UTC),
                    java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            s.setObject(5, OffsetDateTime.ofInstant(lastSync, ZoneOffset.UTC));
            s.setString(6, lastError);
            s.setLong(7, userId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void release(long connectionId, String error) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("update exchange_connection set lease_owner = 'test',"
                    + " lease_until = now() + interval '5 minutes' where id = ?")) {
                s.setLong(1, connectionId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("update exchange_connection set lease_owner = null,"
                    + " lease_until = null, last_error = ? where id = ?")) {
                s.setString(1, error);
                s.setLong(2, connectionId);
                s.executeUpdate();
            }
        }
    }

    private long failures(long connectionId) throws Exception {
        return Long.parseLong(single(
                        "select coalesce((select failures from connection_sync_failure"
                                + " where connection_id = ?), 0)",
                        connectionId)
                .get(0));
    }

    private List<String> alerts(long connectionId) throws Exception {
        return single("select kind from alert_event where connection_id = ? order by id", connectionId);
    }

    private List<String> deliveries(long connectionId) throws Exception {
        return single(
                "select d.subject from alert_delivery d join alert_event e on e.id = d.alert_event_id"
                        + " where e.connection_id = ? order by d.id",
                connectionId);
    }

    private List<String> single(String sql, long id) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }
}
