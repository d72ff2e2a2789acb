package io.hedgedesk.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Alerts in a real browser against the packaged application and the real Keycloak, with a real SMTP server and a
 * webhook receiver started by the test ({@link AlertMailAndHook}): alice records a short of 10,000 BYBIT:BTCUSD at
 * 50,000 (2×, 0.1 BTC margin), sends her alerts to an e-mail address and the webhook, sets the hedge's thresholds
 * (liquidation closer than 50 %, the other kinds quiet), prices BTC at 50,000 (liquidation about 98 % away: nothing),
 * then at 70,000 (the liquidation price about 99,010 is (99,010 − 70,000)/70,000 ≈ 41 % away: below 50 %). Exactly one
 * e-mail and one webhook call about the hedge arrive, and the delivery log says "sent". Screenshots under
 * web/target/screenshots/AlertJourneyIT/.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = AlertMailAndHook.class, restrictToAnnotatedClass = true)
class AlertJourneyIT {

    /**
     * Long enough for the minute's scheduled evaluation to run twice: on a loaded machine the evaluation after the
     * stored mark was once seen to wait for it (the message still went out once).
     */
    private static final Duration DELIVERY = Duration.ofSeconds(150);

    @TestHTTPResource("/")
    URL root;

    private Chromium browser;
    private String app;

    @Test
    void aThresholdCrossedByTheMarkSendsOneEmailAndOneWebhookCall() throws Exception {
        app = root.toString();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String address = "alice-" + run + "@example.com";
        try (Chromium started = Chromium.start("AlertJourneyIT")) {
            browser = started;
            browser.open(app, "landing");
            browser.clickAndWait(browser.driver().findElement(By.linkText("Log in")), "keycloak-login");
            browser.driver().findElement(By.id("username")).sendKeys("alice");
            browser.driver().findElement(By.id("password")).sendKeys("alice");
            browser.clickAndWait(browser.driver().findElement(By.id("kc-login")), "dashboard");

            browser.open(app + "portfolios", "portfolios");
            type("name", "Alerted " + run);
            submit("form[action='/portfolios'] button[type=submit]", "portfolio-created");
            long portfolioId = idIn("/portfolios/");

            browser.open(app + "portfolios/" + portfolioId + "/hedges/new", "hedge-form");
            new Select(browser.driver().findElement(By.id("contractId"))).selectByValue("BYBIT:BTCUSD");
            type("size", "10000");
            type("entryPrice", "50000");
            type("leverage", "2");
            type("margin", "0.1");
            submit("form.hedge button[type=submit]", "hedge-recorded");
            long hedgeId = idIn("/hedges/");

            // The thresholds first: alerts the defaults raised meanwhile (old data, the drift of a hedge without
            // holdings)
            // reached nobody, as no delivery was chosen yet, and re-arm under these thresholds.
            browser.open(app + "hedges/" + hedgeId, "hedge");
            type("liquidationPct", "50");
            type("driftPct", "200");
            new Select(browser.driver().findElement(By.id("stops"))).selectByValue("off");
            new Select(browser.driver().findElement(By.id("fundingSign"))).selectByValue("off");
            type("staleHours", "8760");
            submit("form[action$='/alerts'] button[type=submit]", "thresholds-saved");
            assertThat(browser.driver()
                            .findElement(By.id("alert-thresholds-in-force"))
                            .getText())
                    .startsWith("liquidation closer than 50.00 %");

            browser.open(app + "settings/alerts", "alert-settings");
            type("email", address);
            check("emailOn");
            type("webhookUrl", AlertMailAndHook.hookUrl());
            new Select(browser.driver().findElement(By.id("webhookKind"))).selectByValue("JSON");
            check("webhookOn");
            submit("form[action='/settings/alerts'] button[type=submit]", "alert-settings-saved");
            assertThat(browser.text()).contains("Alert delivery saved.");

            enterPrice(hedgeId, "50000", "price-50000");
            Thread.sleep(5_000); // a few evaluation cycles at 50,000: nothing may be sent
            assertThat(mailsAbout(hedgeId)).isEmpty();
            enterPrice(hedgeId, "70000", "price-70000");

            Instant until = Instant.now().plus(DELIVERY);
            while (Instant.now().isBefore(until)
                    && (mailsAbout(hedgeId).isEmpty() || hookCallsAbout(hedgeId).isEmpty())) {
                Thread.sleep(500);
            }
            Thread.sleep(5_000); // and nothing more after it
            List<MimeMessage> mails = mailsAbout(hedgeId);
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).getAllRecipients()[0].toString()).isEqualTo(address);
            assertThat(mails.get(0).getSubject())
                    .isEqualTo(
                            "hedgedesk: Liquidation near — Hedge #" + hedgeId + " BYBIT:BTCUSD (Alerted " + run + ")");
            assertThat(hookCallsAbout(hedgeId))
                    .singleElement()
                    .asString()
                    .contains("\"subject\":\"hedgedesk: Liquidation" + " near", "(alert below 50.00 %)");

            browser.open(app + "settings/alerts", "delivery-log");
            assertThat(browser.driver().findElement(By.id("delivery-log")).getText())
                    .contains("Liquidation near — Hedge #" + hedgeId, address, "sent");
            browser.open(app + "dashboard", "dashboard-with-alert");
            assertThat(browser.text()).contains("Liquidation near: liquidation is ", "(alert below 50.00 %)");
        }
    }

    private void enterPrice(long hedgeId, String price, String page) {
        browser.open(app + "hedges/" + hedgeId, page + "-form");
        type("mark", price);
        submit("form[action$='/mark'] button[type=submit]", page);
        assertThat(browser.text()).contains("Price saved.");
    }

    /** The liquidation alerts of the hedge (its other alerts, e.g. on the age of the stored data, are not this test's). */
    private static List<MimeMessage> mailsAbout(long hedgeId) {
        return Arrays.stream(AlertMailAndHook.smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject().contains("Liquidation near — Hedge #" + hedgeId + " ");
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static List<String> hookCallsAbout(long hedgeId) {
        return AlertMailAndHook.HOOK_BODIES.stream()
                .filter(b -> b.contains("Liquidation near — Hedge #" + hedgeId + " "))
                .toList();
    }

    private long idIn(String prefix) {
        String url = browser.driver().getCurrentUrl();
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "(\\d+)").matcher(url);
        assertThat(m.find()).as("%s in %s", prefix, url).isTrue();
        return Long.parseLong(m.group(1));
    }

    private void submit(String buttonSelector, String page) {
        browser.clickAndWait(browser.driver().findElement(By.cssSelector(buttonSelector)), page);
    }

    private void type(String field, String value) {
        WebElement input = browser.driver().findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }

    private void check(String name) {
        WebElement box = browser.driver().findElement(By.name(name));
        if (!box.isSelected()) {
            box.click();
        }
    }
}
