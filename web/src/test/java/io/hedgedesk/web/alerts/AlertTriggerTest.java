package io.hedgedesk.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Alerts evaluated right after a new mark: with every timer of the alerts off (no scheduled evaluation, no watch of the
 * data counters, no scheduled delivery), a team's price entered on the hedge's page and an administrator's mark of a
 * contract each put the alert's message in the outbox, and send it, within seconds — also while a slow webhook
 * receiver keeps the delivery busy.
 *
 * <p>Both hedges are short inverse contracts at 2x: margin = half the position's coins, so liquidation is where the
 * loss eats the margin, about twice the entry (BTC: 10,000 USD at 50,000 with 0.1 BTC: 0.1 + 10,000/P − 0.2 = 0 →
 * P ≈ 100,000, less the maintenance margin). With the alert below 50 % of the mark: at 50,000 the move left is
 * (100,000 − 50,000)/50,000 ≈ 100 %, no alert; at 70,000 it is ≈ 30,000/70,000 = 43 %, alert. ETH the same at 3,000
 * (≈ 100 %) and 4,200 (≈ 43 %).
 */
@QuarkusTest
@TestProfile(AlertTriggerTest.MarksOnly.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AlertTriggerTest {

    /** The alerts on, their timers off: only a stored mark evaluates. */
    public static class MarksOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "hedgedesk.alerts.scheduled",
                    "true",
                    "hedgedesk.alerts.watch-every",
                    "off",
                    "hedgedesk.alerts.evaluate-every",
                    "off",
                    "hedgedesk.alerts.deliver-every",
                    "off");
        }
    }

    /** Well under the scheduled evaluation's minute (and there is none here). */
    private static final Duration WITHIN = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URL root;

    @Inject
    DataSource dataSource;

    @Test
    void aTeamPriceAndAContractMarkEachRaiseTheirAlertAtOnce() throws Exception {
        try (UserSession nia = UserSession.logInNew(root, "Nia");
                UserSession admin = UserSession.logInNewAdmin(root, "Mark admin");
                WebhookStub stub = new WebhookStub()) {
            saveWebhook(nia, stub.url("/nia"));
            long btc = ThresholdPagesTest.recordHedge(nia, nia.createPortfolio("Triggered BTC"));
            quietExceptLiquidation(nia, btc);
            enterPrice(nia, btc, "50000");
            Thread.sleep(2_000);
            assertThat(messages(btc)).isZero();

            enterPrice(nia, btc, "70000");
            awaitMessage(btc);
            assertThat(messages(btc)).isEqualTo(1);

            long eth = recordEthHedge(nia, nia.createPortfolio("Triggered ETH"));
            quietExceptLiquidation(nia, eth);
            mark(admin, "3000");
            Thread.sleep(2_000);
            assertThat(messages(eth)).isZero();
            // a slow receiver: 8 test messages take 16 s to send; the evaluation after the mark does not wait for them
            stub.delayMillis = 2_000;
            for (int i = 0; i < 8; i++) {
                nia.post("/settings/alerts/test-webhook");
            }
            long marked = System.nanoTime();
            mark(admin, "4200");
            awaitMessage(eth);
            assertThat(messages(eth)).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - marked)).isLessThan(Duration.ofSeconds(6));
            stub.delayMillis = 0;
            // and sent once the test messages before it are (oldest first)
            long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (stub.callsTo("/nia").stream().noneMatch(c -> c.body().contains("Hedge #" + eth + " "))
                    && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            assertThat(stub.callsTo("/nia"))
                    .anySatisfy(c -> assertThat(c.body()).contains("Hedge #" + eth + " "));
        }
    }

    private void awaitMessage(long hedgeId) throws Exception {
        long until = System.nanoTime() + WITHIN.toNanos();
        while (messages(hedgeId) == 0 && System.nanoTime() < until) {
            Thread.sleep(100);
        }
    }

    /** Outbox messages about the hedge's liquidation alert. */
    private long messages(long hedgeId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*)"
                        + " from alert_delivery d join alert_event e on e.id = d.alert_event_id where e.hedge_id = ?"
                        + " and e.kind = 'LIQUIDATION'")) {
            s.setLong(1, hedgeId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static void saveWebhook(UserSession s, String url) throws Exception {
        HtmlForm f = ThresholdPagesTest.form(s.page("/settings/alerts"), "/settings/alerts");
        f.getInputByName("webhookUrl").setValue(url);
        f.getSelectByName("webhookKind").setSelectedAttribute("JSON", true);
        f.getInputByName("webhookOn").setChecked(true);
        assertThat(ThresholdPagesTest.submit(f).asNormalizedText()).contains("Alert delivery saved.");
    }

    /** The hedge's own thresholds: liquidation closer than 50 %, everything else out of the way. */
    private static void quietExceptLiquidation(UserSession s, long hedgeId) throws Exception {
        HtmlForm own = ThresholdPagesTest.form(s.page("/hedges/" + hedgeId), "/hedges/" + hedgeId + "/alerts");
        own.getInputByName("liquidationPct").setValue("50");
        own.getInputByName("driftPct").setValue("200");
        own.getSelectByName("stops").setSelectedAttribute("off", true);
        own.getSelectByName("fundingSign").setSelectedAttribute("off", true);
        own.getInputByName("staleHours").setValue("8760");
        ThresholdPagesTest.submit(own);
    }

    private static void enterPrice(UserSession s, long hedgeId, String price) throws Exception {
        HtmlForm f = ThresholdPagesTest.form(s.page("/hedges/" + hedgeId), "/hedges/" + hedgeId + "/mark");
        f.getInputByName("mark").setValue(price);
        assertThat(ThresholdPagesTest.submit(f).asNormalizedText()).contains("Price saved.");
    }

    private static void mark(UserSession admin, String price) throws Exception {
        HtmlForm f = ThresholdPagesTest.form(admin.page("/market/BYBIT:ETHUSD"), "/market/BYBIT:ETHUSD/mark");
        f.getInputByName("mark").setValue(price);
        ThresholdPagesTest.submit(f);
    }

    private static long recordEthHedge(UserSession s, long portfolioId) throws Exception {
        HtmlForm open = ThresholdPagesTest.form(s.page("/portfolios/" + portfolioId + "/hedges/new"), "/hedges");
        open.getSelectByName("contractId").setSelectedAttribute("BYBIT:ETHUSD", true);
        open.getInputByName("size").setValue("3000");
        open.getInputByName("entryPrice").setValue("3000");
        open.getInputByName("leverage").setValue("2");
        open.getInputByName("margin").setValue("0.5");
        HtmlPage tracked = ThresholdPagesTest.submit(open);
        return Long.parseLong(tracked.getUrl().getPath().substring("/hedges/".length()));
    }
}
