package io.hedgedesk.web.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.persistence.connection.ExchangeConnections;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.htmlunit.WebResponse;

/** Connecting a session's team to the stub venue through the page, as a user does. */
final class StubConnections {

    private StubConnections() {}

    /** Connects {@code venue} with the stub's read-only key; the new connection's id. */
    static long connect(UserSession s, long teamId, String venue, ExchangeConnections connections) throws Exception {
        String path = "/teams/" + teamId + "/connections";
        WebResponse made = s.post(
                path,
                "venue",
                venue,
                "label",
                venue + " account",
                "apiKey",
                VenueStubResource.API_KEY,
                "secret",
                VenueStubResource.SECRET,
                "formToken",
                s.formToken(path, path));
        assertThat(made.getStatusCode()).as(made.getContentAsString()).isEqualTo(303);
        return QuarkusTransaction.requiringNew()
                .call(() -> connections.ofTeam(teamId).stream()
                        .filter(c -> c.venue.equals(venue))
                        .mapToLong(c -> c.id)
                        .max()
                        .orElseThrow());
    }
}
