package io.hedgedesk.web.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A request needs at most one pooled connection at a time. Found by the load test: the user lookup held its
 * connection to the end of the request, and when "last seen" had to move, the request asked for a second one for that
 * write; with as many requests in flight as the pool has connections, each held one and waited for another (time-outs,
 * 500s, until the pool gave up). Here the test itself holds all connections but one.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConcurrentSignInTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    @Test
    void withOneFreeConnectionPagesLoadAlsoWhenLastSeenMovesAndTheDashboardIsBuilt() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            String cookies = alice.browser().getCookieManager().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            List<Connection> held = new ArrayList<>();
            try {
                for (String path : List.of("", "dashboard")) {
                    // the sign-in writes "last seen" in a transaction of its own; the dashboard is built anew (its
                    // stamp moved)
                    lastSeenAnHourAgoAndTeamTouched(alice.username);
                    while (held.size() < poolSize - 1) {
                        held.add(dataSource.getConnection());
                    }
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(URI.create(root + path))
                                    .header("Cookie", cookies)
                                    .timeout(Duration.ofSeconds(60))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as("/" + path).isEqualTo(200);
                    assertThat(r.body()).contains("Alice");
                    for (Connection c : held) {
                        c.close();
                    }
                    held.clear();
                }
            } finally {
                for (Connection c : held) {
                    c.close();
                }
            }
        }
    }

    private void lastSeenAnHourAgoAndTeamTouched(String username) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement seen = c.prepareStatement(
                        "update app_user set last_seen_at = now() - interval '1 hour' where username = ?");
                PreparedStatement team = c.prepareStatement(
                        "update team set name = name where id in "
                                + "(select m.team_id from membership m join app_user u on u.id = m.user_id where u.username = ?)")) {
            seen.setString(1, username);
            assertThat(seen.executeUpdate()).isEqualTo(1);
            team.setString(1, username);
            assertThat(team.executeUpdate()).isEqualTo(1);
        }
    }
}
