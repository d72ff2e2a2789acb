package io.hedgedesk.web.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.support.Teams;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.Test;

/** An export of 100,000 ledger rows over HTTP: streamed (chunked, no Content-Length), every row present. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class HedgeExportVolumeTest {

    private static final int ROWS = 100_000;

    @TestHTTPResource("/")
    URL root;

    @Inject
    AppUserRepository users;

    @Inject
    TeamService teamService;

    @Inject
    HedgeBookService book;

    @Test
    void aHundredThousandRowsAreStreamed() throws Exception {
        Teams teams = new Teams(users, teamService);
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long pid = alice.createPortfolio("Volume");
            long userId = teams.user(alice).id();
            long id = book.open(
                    userId,
                    UUID.randomUUID(),
                    new io.hedgedesk.domain.hedge.OpenHedge(
                            pid,
                            "BYBIT:BTCUSD",
                            io.hedgedesk.domain.instrument.Side.SHORT,
                            new BigDecimal("1000"),
                            new BigDecimal("60000"),
                            BigDecimal.ONE,
                            BigDecimal.ZERO,
                            "DEPOSITED",
                            List.of(),
                            BigDecimal.ONE,
                            "",
                            BigDecimal.ZERO));
            QuarkusTransaction.requiringNew()
                    .run(() -> Panache.getEntityManager()
                            .createNativeQuery("""
              insert into hedge_event (hedge_id, portfolio_id, event_type, occurred_at, actor_id, settlement_asset,
                settlement_usd, cash_change, cash_change_usd, size_after, entry_after)
              select ?1, ?2, 'FUNDING', now() + make_interval(secs => g), ?3, 'BTC', 60000, 0.00000123, 0.0738,
                1000, 60000
              from generate_series(1, ?4) g""")
                            .setParameter(1, id)
                            .setParameter(2, pid)
                            .setParameter(3, userId)
                            .setParameter(4, ROWS)
                            .executeUpdate());

            WebResponse response = alice.browser()
                    .loadWebResponse(new org.htmlunit.WebRequest(
                            new URL(root, "/hedges/export.csv?format=native&portfolio=" + pid)));
            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getResponseHeaderValue("Content-Length")).isNull();
            long lines = 0;
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(response.getContentAsStream(), StandardCharsets.UTF_8))) {
                while (reader.readLine() != null) {
                    lines++;
                }
            }
            // header + OPEN + 100,000 fundings
            assertThat(lines).isEqualTo(ROWS + 2);
        }
    }
}
