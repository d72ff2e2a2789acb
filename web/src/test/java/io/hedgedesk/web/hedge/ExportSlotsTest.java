package io.hedgedesk.web.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.Test;

/**
 * While every export slot is taken, an export is refused with 503, a Retry-After and the history page saying why;
 * once one is free the same export is served, and a served export gives its slot back.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ExportSlotsTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    ExportSlots slots;

    @Test
    void theDefaultLeavesOneWorkerForThePages() {
        int workers = ConfigProvider.getConfig().getValue("quarkus.thread-pool.max-threads", Integer.class);
        assertThat(slots.size()).isEqualTo(Math.max(1, workers - 1));
    }

    @Test
    void anExportBeyondTheLimitIsRefusedUntilASlotIsFree() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long pid = alice.createPortfolio("Busy exports");
            String path = "/hedges/export.csv?format=koinly&portfolio=" + pid;

            List<ExportSlots.Slot> taken = takeAll();
            try {
                assertThat(taken).hasSize(slots.size());
                WebResponse refused = get(alice, path);
                assertThat(refused.getStatusCode()).isEqualTo(503);
                assertThat(refused.getResponseHeaderValue("Retry-After")).isEqualTo("5");
                assertThat(refused.getContentType()).isEqualTo("text/html");
                assertThat(refused.getContentAsString())
                        .contains(HedgeHistoryResource.BUSY_MESSAGE)
                        .contains("Hedge history")
                        .doesNotContain("Date,Sent Amount");
            } finally {
                taken.get(0).close();
            }

            WebResponse served = get(alice, path);
            assertThat(served.getStatusCode()).isEqualTo(200);
            assertThat(served.getContentAsString()).contains("Date,Sent Amount,Sent Currency");
            taken.forEach(ExportSlots.Slot::close);
        }
        // The served export's slot comes back when its response has ended (Vert.x calls that back just after the client
        // has read it): wait for it, then every slot can be taken again.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        List<ExportSlots.Slot> again = takeAll();
        while (again.size() < slots.size() && Instant.now().isBefore(deadline)) {
            again.forEach(ExportSlots.Slot::close);
            Thread.sleep(20);
            again = takeAll();
        }
        again.forEach(ExportSlots.Slot::close);
        assertThat(again).hasSize(slots.size());
    }

    private List<ExportSlots.Slot> takeAll() {
        List<ExportSlots.Slot> taken = new ArrayList<>();
        for (Optional<ExportSlots.Slot> slot = slots.tryTake(); slot.isPresent(); slot = slots.tryTake()) {
            taken.add(slot.get());
        }
        return taken;
    }

    private WebResponse get(UserSession session, String path) throws Exception {
        return session.browser().loadWebResponse(new WebRequest(new URL(root, path)));
    }
}
