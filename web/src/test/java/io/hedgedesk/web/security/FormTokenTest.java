package io.hedgedesk.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.Test;

/**
 * The CSRF token of a form stays valid while the user views other pages (a form left open in another tab), and a
 * wrong token is still refused with nothing saved.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class FormTokenTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void aFormOpenInAnotherTabStillPostsAfterOtherPagesWereViewed() throws Exception {
        try (UserSession tabby = UserSession.logInNew(root, "tabby")) {
            String tokenOfTheFirstTab = tabby.csrfToken();
            tabby.page("/dashboard");
            tabby.page("/portfolios");
            tabby.page("/calculator");

            WebResponse created = tabby.postWithToken("/portfolios", tokenOfTheFirstTab, "name", "Opened in tab one");
            assertThat(created.getStatusCode()).isEqualTo(303);

            WebResponse forged = tabby.postWithToken("/portfolios", "bm90LXRoZS10b2tlbg", "name", "Forged");
            assertThat(forged.getStatusCode()).isEqualTo(400);
            assertThat(tabby.page("/portfolios").asNormalizedText())
                    .contains("Opened in tab one")
                    .doesNotContain("Forged");
        }
    }
}
