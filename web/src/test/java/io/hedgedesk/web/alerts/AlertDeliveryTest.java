package io.hedgedesk.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.util.Arrays;
import org.eclipse.microprofile.config.ConfigProvider;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * From a crossed threshold to one e-mail (a real SMTP server, GreenMail, in the test) and one webhook call (a local HTTP
 * stub): the hedge's stop, the gate's hysteresis and re-arm, the minimum interval, the delivery log, test messages.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class AlertDeliveryTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(
                    ConfigProvider.getConfig()
                            .getOptionalValue("quarkus.mailer.port", Integer.class)
                            .orElse(17107),
                    "127.0.0.1",
                    ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @TestHTTPResource("/")
    URL root;

    @Inject
    AlertEngine engine;

    @Inject
    AlertWorker worker;

    private static HtmlPage enterPrice(UserSession s, long hedgeId, String price) throws Exception {
        HtmlForm f = ThresholdPagesTest.form(s.page("/hedges/" + hedgeId), "/hedges/" + hedgeId + "/mark");
        f.getInputByName("mark").setValue(price);
        return ThresholdPagesTest.submit(f);
    }

    private static void saveDelivery(UserSession s, String email, String hook, String kind) throws Exception {
        HtmlForm f = ThresholdPagesTest.form(s.page("/settings/alerts"), "/settings/alerts");
        f.getInputByName("email").setValue(email);
        f.getInputByName("emailOn").setChecked(true);
        f.getInputByName("webhookUrl").setValue(hook);
        f.getSelectByName("webhookKind").setSelectedAttribute(kind, true);
        f.getInputByName("webhookOn").setChecked(true);
        assertThat(ThresholdPagesTest.submit(f).asNormalizedText()).contains("Alert delivery saved.");
    }

    private long mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(address);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .count();
    }

    private void cycle() {
        engine.evaluateAll();
        worker.deliverDue();
    }

    /**
     * Short 10,000 BYBIT:BTCUSD at 50,000 with its stop at 52,000 (the other thresholds quiet). At a team price of 50,000 the stop is
     * (52,000 − 50,000)/50,000 = 4 % away: nothing. At 53,000 it is (52,000 − 53,000)/53,000 = −1.89 %: crossed, one
     * e-mail and one webhook call. Evaluated again at 53,000: still fired, nothing. Back at 52,100 the value
     * (52,000 − 52,100)/52,100 = −0.19 % is still beyond the 0.5 % re-arm band (it needs ≥ +0.5 %): nothing; at 50,000
     * (+4 %) it re-arms; at 53,000 again it would fire, but within the hour after the first message: held back.
     */
    @Test
    void aCrossedStopSendsOneEmailAndOneWebhookCall() throws Exception {
        try (UserSession ivy = UserSession.logInNew(root, "Ivy");
                WebhookStub stub = new WebhookStub()) {
            String address = "ivy-" + ivy.subject + "@example.com";
            long pid = ivy.createPortfolio("Stopped bags");
            long hedgeId = ThresholdPagesTest.recordHedge(ivy, pid);
            saveDelivery(ivy, address, stub.url("/ivy"), "JSON");
            enterPrice(ivy, hedgeId, "50000");
            HtmlForm targets =
                    ThresholdPagesTest.form(ivy.page("/hedges/" + hedgeId), "/hedges/" + hedgeId + "/targets");
            targets.getInputByName("stopPrice").setValue("52000");
            assertThat(ThresholdPagesTest.submit(targets).asNormalizedText()).contains("Close targets saved.");
            // No holdings: the 0.1 BTC of extra margin is the whole exposure, hedged twice over (coverage 2, drift 1);
            // this test is about the stop, so the hedge's drift alert is set beyond it.
            HtmlForm own = ThresholdPagesTest.form(ivy.page("/hedges/" + hedgeId), "/hedges/" + hedgeId + "/alerts");
            own.getInputByName("driftPct").setValue("150");
            ThresholdPagesTest.submit(own);

            cycle();
            assertThat(mailsTo(address)).isZero();
            assertThat(stub.callsTo("/ivy")).isEmpty();

            enterPrice(ivy, hedgeId, "53000");
            cycle();
            assertThat(mailsTo(address)).isEqualTo(1);
            assertThat(stub.callsTo("/ivy")).hasSize(1);
            MimeMessage mail = smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1];
            assertThat(mail.getSubject())
                    .isEqualTo("hedgedesk: Stop crossed — Hedge #" + hedgeId + " BYBIT:BTCUSD (Stopped bags)");
            assertThat(stub.callsTo("/ivy").get(0).body())
                    .contains("\"subject\":\"hedgedesk: Stop crossed", "the mark has crossed the stop level by 1.89 %");

            cycle();
            enterPrice(ivy, hedgeId, "52100");
            cycle();
            enterPrice(ivy, hedgeId, "50000");
            cycle();
            enterPrice(ivy, hedgeId, "53000");
            cycle();
            assertThat(mailsTo(address)).isEqualTo(1);
            assertThat(stub.callsTo("/ivy")).hasSize(1);

            assertThat(ivy.page("/hedges/" + hedgeId)
                            .getHtmlElementById("hedge-delivery-log")
                            .asNormalizedText())
                    .contains("Stop crossed — Hedge #" + hedgeId, "e-mail\t" + address + "\tsent");
            HtmlPage log = ivy.page("/settings/alerts");
            assertThat(log.getHtmlElementById("delivery-log").asNormalizedText())
                    .contains(
                            "Stop crossed — Hedge #" + hedgeId,
                            "e-mail\t" + address + "\tsent",
                            "webhook\t" + stub.url("/ivy") + "\tsent");
        }
    }

    @Test
    void aFailingWebhookIsRetriedAndLogged() throws Exception {
        try (UserSession jo = UserSession.logInNew(root, "Jo");
                WebhookStub stub = new WebhookStub()) {
            saveDelivery(jo, "jo-" + jo.subject + "@example.com", stub.url("/jo"), "CHAT");
            stub.status = 503;
            jo.post("/settings/alerts/test-webhook");
            worker.deliverDue();
            assertThat(stub.callsTo("/jo")).hasSize(1);
            assertThat(stub.callsTo("/jo").get(0).body())
                    .contains("\"content\":\"hedgedesk: test message\\n", "\"text\":\"hedgedesk: test message\\n");
            assertThat(jo.page("/settings/alerts")
                            .getHtmlElementById("delivery-log")
                            .asNormalizedText())
                    .contains("failed, will retry\tHTTP 503; next attempt");
        }
    }

    @Test
    void testMessagesByEmailAndNtfy() throws Exception {
        try (UserSession kim = UserSession.logInNew(root, "Kim");
                WebhookStub stub = new WebhookStub()) {
            String address = "kim-" + kim.subject + "@example.com";
            saveDelivery(kim, address, stub.url("/kim-topic"), "NTFY");
            HtmlPage after = ((HtmlPage) kim.page("/settings/alerts"))
                    .getHtmlElementById("test-email")
                    .click();
            assertThat(after.asNormalizedText()).contains("A test message is on its way");
            kim.post("/settings/alerts/test-webhook");
            worker.deliverDue();
            assertThat(mailsTo(address)).isEqualTo(1);
            assertThat(stub.callsTo("/kim-topic")).singleElement().satisfies(c -> {
                assertThat(c.title()).isEqualTo("hedgedesk: test message");
                assertThat(c.body()).isEqualTo("This is a test of your hedgedesk alerts by webhook.");
                assertThat(c.contentType()).startsWith("text/plain");
            });
        }
    }

    @Test
    void aWebhookToTheCloudMetadataServiceIsRefusedWithAClearMessage() throws Exception {
        try (UserSession lee = UserSession.logInNew(root, "Lee")) {
            HtmlForm f = ThresholdPagesTest.form(lee.page("/settings/alerts"), "/settings/alerts");
            f.getInputByName("webhookUrl").setValue("http://169.254.169.254/latest/meta-data/");
            f.getInputByName("webhookOn").setChecked(true);
            lee.browser().getOptions().setThrowExceptionOnFailingStatusCode(false);
            HtmlPage refused = ThresholdPagesTest.submit(f);
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(refused.getHtmlElementById("delivery-refused").getTextContent())
                    .contains(
                            "The host 169.254.169.254 points at 169.254.169.254, the cloud metadata service: webhooks may only call"
                                    + " public addresses.");
            assertThat(lee.page("/settings/alerts")
                            .getHtmlElementById("webhookUrl")
                            .getAttribute("value"))
                    .isEmpty();
        }
    }
}
