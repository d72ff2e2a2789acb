package io.hedgedesk.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.user.OidcIdentity;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.support.SqlCount;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Used form tokens older than the configured 30 days are deleted, in the database; younger ones stay. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class FormTokenCleanupTest {

    @Inject
    FormTokenCleanup cleanup;

    @Inject
    AppUserRepository users;

    @Inject
    DataSource dataSource;

    @Test
    void tokensUsedMoreThanThirtyDaysAgoAreDeletedAndYoungerOnesKept() throws Exception {
        long userId = users.provision(OidcIdentity.fromClaims(
                        "https://cleanup.example", UUID.randomUUID().toString(), null, null, "Cleanup"))
                .id();
        UUID old = UUID.randomUUID();
        UUID almostOld = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        insert(old, userId, "31 days");
        insert(almostOld, userId, "29 days 23 hours");
        insert(fresh, userId, "0 days");

        int deleted = cleanup.deleteOld();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(exists(old)).isFalse();
        assertThat(exists(almostOld)).isTrue();
        assertThat(exists(fresh)).isTrue();
        assertThat(SqlCount.of(
                        dataSource, "select count(*) from used_form_token where used_at < now() - interval '30 days'"))
                .isZero();
    }

    @Test
    void aKeepShorterThanADayIsRefused() {
        assertThatThrownBy(() -> new FormTokenCleanup(null, Clock.systemUTC(), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hedgedesk.form-tokens.keep");
    }

    private void insert(UUID token, long userId, String age) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into used_form_token (token, user_id, used_at) values (?, ?, now() - cast(? as interval))")) {
            s.setObject(1, token);
            s.setLong(2, userId);
            s.setString(3, age);
            s.executeUpdate();
        }
    }

    private boolean exists(UUID token) {
        return SqlCount.of(dataSource, "select count(*) from used_form_token where token = ?", token) == 1;
    }
}
