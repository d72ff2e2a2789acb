package io.hedgedesk.persistence.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.domain.user.OidcIdentity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AppUserRepositoryTest {

    @Inject
    AppUserRepository users;

    @Test
    @TestTransaction
    void firstLoginCreatesTheUserAndASecondLoginFindsTheSameRow() {
        String subject = UUID.randomUUID().toString();
        OidcIdentity alice = new OidcIdentity(
                "https://idp.example/realms/a", subject, "alice", Optional.of("alice@example.com"), "Alice Liddell");

        AppUser created = users.provision(alice);
        AppUser again = users.provision(alice);

        assertThat(again.id()).isEqualTo(created.id());
        assertThat(created.username()).isEqualTo("alice");
        assertThat(created.email()).contains("alice@example.com");
        assertThat(created.displayName()).isEqualTo("Alice Liddell");
        assertThat(created.createdAt()).isEqualTo(created.lastSeenAt());
        assertThat(users.findByIssuerAndSubject(alice.issuer(), subject)).contains(again);
    }

    @Test
    @TestTransaction
    void theSameSubjectAtAnotherIssuerIsAnotherUser() {
        String subject = UUID.randomUUID().toString();
        AppUser a =
                users.provision(new OidcIdentity("https://idp-one.example", subject, "sam", Optional.empty(), "Sam"));
        AppUser b =
                users.provision(new OidcIdentity("https://idp-two.example", subject, "sam", Optional.empty(), "Sam"));

        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    @TestTransaction
    void profileChangesAtTheProviderAreFollowedButTheUserKeepsItsId() {
        String subject = UUID.randomUUID().toString();
        AppUser before =
                users.provision(new OidcIdentity("https://idp.example", subject, "bob", Optional.empty(), "Bob"));

        AppUser after = users.provision(new OidcIdentity(
                "https://idp.example", subject, "robert", Optional.of("robert@example.com"), "Robert"));

        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.username()).isEqualTo("robert");
        assertThat(after.email()).contains("robert@example.com");
        assertThat(after.displayName()).isEqualTo("Robert");
    }

    /**
     * Tabs opened together: several first requests of one user after "last seen" went stale all update the row at
     * once. Each must succeed (a versioned entity update failed all but one with an optimistic-lock conflict → 500).
     */
    @Test
    void concurrentRequestsOfOneUserAllSucceedWhenLastSeenMoves() throws Exception {
        String subject = UUID.randomUUID().toString();
        OidcIdentity carol = new OidcIdentity(
                "https://idp.example", subject, "carol-" + subject.substring(0, 8), Optional.empty(), "Carol");
        long id = users.provision(carol).id();
        QuarkusTransaction.requiringNew()
                .run(() -> users.getEntityManager()
                        .createNativeQuery("update app_user set last_seen_at = now() - interval '1 hour' where id = ?1")
                        .setParameter(1, id)
                        .executeUpdate());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AppUser>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return users.provision(carol);
                }));
            }
            start.countDown();
            for (Future<AppUser> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS).id()).isEqualTo(id);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(users.findByIssuerAndSubject(carol.issuer(), subject)
                        .orElseThrow()
                        .lastSeenAt())
                .isAfter(Instant.now().minus(Duration.ofMinutes(5)));
    }
}
