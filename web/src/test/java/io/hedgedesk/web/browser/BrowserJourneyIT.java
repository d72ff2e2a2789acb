package io.hedgedesk.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A visitor's first journey in a real browser (headless Chromium) against the packaged application and the real
 * Keycloak: the landing page, the public calculator, logging in as alice through Keycloak's own form, the dashboard,
 * logging out (RP-initiated: our POST /logout, a redirect to Keycloak's end-session endpoint and back), and proof
 * that both sessions are gone. The browser enforces our Content-Security-Policy throughout; its console must show
 * no violation (in particular, form-action must let the logout form's redirect reach Keycloak).
 * Screenshots: web/target/screenshots/BrowserJourneyIT/.
 */
@QuarkusIntegrationTest
class BrowserJourneyIT {

  @TestHTTPResource("/")
  URL root;

  /** Where Selenium Manager would unpack itself and what it downloads (its default cache). */
  private static final Path SELENIUM_MANAGER_CACHE = Path.of(System.getProperty("user.home"), ".cache", "selenium");

  @Test
  void visitorCalculatesLogsInAndOut() {
    String app = root.toString();
    boolean seleniumManagerCacheBefore = Files.exists(SELENIUM_MANAGER_CACHE);
    try (Chromium browser = Chromium.start("BrowserJourneyIT")) {
      browser.open(app, "landing");
      assertThat(browser.driver().findElement(By.tagName("h1")).getText())
          .isEqualTo("Insure your bags without selling them");
      assertThat(stylesheetApplied(browser)).as("app.css applied (CSP style-src 'self')").isTrue();

      browser.open(app + "calculator", "calculator");
      // Same hand arithmetic as CalculatorPageTest: short 175,000 ETHUSD at 3,500, 2x, mark 3,000.
      assertThat(browser.driver().findElement(By.id("pnlUsd")).getText()).isEqualTo("25000.00 USD");

      new Select(browser.driver().findElement(By.id("contract"))).selectByValue("BYBIT:BTCUSDT");
      browser.driver().findElement(By.cssSelector("input[name=side][value=LONG]")).click();
      type(browser, "size", "1");
      type(browser, "entryPrice", "10000");
      type(browser, "leverage", "50");
      type(browser, "markPrice", "");
      type(browser, "fundingRate", "");
      browser.clickAndWait(browser.driver().findElement(By.cssSelector("form[action='/calculator'] button")),
          "calculator-linear-long");
      // https://help.bybit.com/hc/en-us/articles/900000181046 : 10,000 × (1 − 2 % + 0.5 %) = 9,850 (entry value)
      assertThat(browser.driver().findElement(By.id("initialMargin")).getText()).isEqualTo("200.00000000 USDT");
      assertThat(browser.text()).contains("9850.00");

      browser.clickAndWait(browser.driver().findElement(By.linkText("Log in")), "keycloak-login");
      assertThat(browser.driver().getCurrentUrl()).contains("/realms/hedgedesk/protocol/openid-connect/auth");
      browser.driver().findElement(By.id("username")).sendKeys("alice");
      browser.driver().findElement(By.id("password")).sendKeys("alice");
      browser.clickAndWait(browser.driver().findElement(By.id("kc-login")), "dashboard");
      assertThat(browser.driver().getCurrentUrl()).isEqualTo(app + "dashboard");
      assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Hello, Alice Nakamoto");
      assertThat(browser.text()).contains("Signed in as alice");

      browser.clickAndWait(browser.driver().findElement(By.name("logout")), "after-logout");
      // Back on our landing page (Quarkus adds the logout request's state to the post-logout URL).
      assertThat(browser.driver().getCurrentUrl()).matches(Pattern.quote(app) + "(\\?state=[-0-9a-f]+)?");
      assertThat(browser.driver().findElements(By.name("logout"))).as("no logout button once logged out").isEmpty();
      assertThat(browser.driver().findElement(By.linkText("Log in")).isDisplayed()).isTrue();

      // The app's session cookie is gone, and so is Keycloak's: the dashboard asks for the password again.
      browser.open(app + "dashboard", "dashboard-again");
      assertThat(browser.driver().getCurrentUrl()).contains("/realms/hedgedesk/protocol/openid-connect/auth");
      assertThat(browser.await(By.id("kc-form-login")).isDisplayed()).isTrue();

      assertThat(browser.console()).as("browser console (CSP violations are reported there)")
          .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Refused to"));
    }
    if (!seleniumManagerCacheBefore) {
      assertThat(SELENIUM_MANAGER_CACHE).as("Selenium Manager never ran (nothing downloaded)").doesNotExist();
    }
  }

  private static void type(Chromium browser, String field, String value) {
    WebElement input = browser.driver().findElement(By.id(field));
    input.clear();
    input.sendKeys(value);
  }

  private static boolean stylesheetApplied(Chromium browser) {
    // .topbar has a white background in app.css; without the stylesheet it would be transparent.
    String background = browser.driver().findElement(By.cssSelector("header.topbar")).getCssValue("background-color");
    return background.equals("rgba(255, 255, 255, 1)");
  }
}
