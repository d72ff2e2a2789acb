package io.hedgedesk.web.market.refresh;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import io.hedgedesk.domain.market.feed.MarketDataSource;
import io.hedgedesk.marketdata.refresh.BackfillKind;
import io.hedgedesk.marketdata.refresh.BackfillRefusedException;
import io.hedgedesk.marketdata.refresh.BackfillService;
import io.hedgedesk.marketdata.refresh.MarketRefreshJob;
import io.hedgedesk.web.support.Browser;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.LocalDate;
import java.util.OptionalLong;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** The default (and test) configuration: the offline source, which schedules nothing and backfills nothing. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MarketRefreshJobTest {

    @Inject
    MarketDataSource source;

    @Inject
    MarketRefreshJob job;

    @Inject
    Scheduler scheduler;

    @Inject
    BackfillService backfills;

    @TestHTTPResource("/")
    URL root;

    @Test
    void offlineSchedulesNothing() {
        assertThat(source.name()).isEqualTo("offline");
        assertThat(source.live()).isFalse();
        assertThat(job.scheduled()).isFalse();
        assertThat(scheduler.getScheduledJobs())
                .noneMatch(trigger -> trigger.getId().equals(MarketRefreshJob.JOB));
    }

    @Test
    void offlineBackfillsAreRefused() {
        assertThatThrownBy(() -> backfills.start(
                        BackfillKind.FUNDING,
                        "BYBIT:BTCUSD",
                        LocalDate.of(2024, 1, 1),
                        LocalDate.of(2024, 1, 2),
                        OptionalLong.empty(),
                        "alice"))
                .isInstanceOf(BackfillRefusedException.class)
                .hasMessageContaining("offline");
    }

    @Test
    void theBackfillPageNeedsALogin() {
        given().redirects()
                .follow(false)
                .when()
                .get("/market/backfill")
                .then()
                .statusCode(302)
                .header("Location", containsString("/auth/realms/quarkus"));
    }

    @Test
    void theBackfillPageSaysTheSourceIsOffline() throws Exception {
        try (WebClient browser = Browser.create()) {
            HtmlPage login = browser.getPage(new URL(root, "market/backfill"));
            HtmlForm form = login.getForms().get(0);
            form.getInputByName("username").type("alice");
            form.getInputByName("password").type("alice");
            HtmlPage page = form.getInputByValue("login").click();

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(page.getTitleText()).isEqualTo("Market data backfill · hedgedesk");
            assertThat(page.getHtmlElementById("source").getTextContent()).isEqualTo("offline");
            assertThat(page.getHtmlElementById("offline").getTextContent()).contains("hedgedesk.market.source");
            assertThat(page.getForms()).noneMatch(f -> "/market/backfill".equals(f.getActionAttribute()));
        }
    }
}
