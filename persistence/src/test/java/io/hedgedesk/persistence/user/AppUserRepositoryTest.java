package io.hedgedesk.persistence.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.domain.user.OidcIdentity;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AppUserRepositoryTest {

    @Inject
    AppUserRepository users;

    @Test
    @TestTransaction
    void firstLoginCreatesTheUserAndASecondLoginFindsTheSameRow() {
        String subject = UUID.randomUUID().toString();
        OidcIdentity alice = new OidcIdentity("https://idp.example/realms/a", subject, "alice",
                Optional.of("alice@example.com"), "Alice Liddell");

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
        AppUser a = users.provision(new OidcIdentity("https://idp-one.example", subject, "sam", Optional.empty(), "Sam"));
        AppUser b = users.provision(new OidcIdentity("https://idp-two.example", subject, "sam", Optional.empty(), "Sam"));

        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    @TestTransaction
    void profileChangesAtTheProviderAreFollowedButTheUserKeepsItsId() {
        String subject = UUID.randomUUID().toString();
        AppUser before = users.provision(new OidcIdentity("https://idp.example", subject, "bob", Optional.empty(), "Bob"));

        AppUser after = users.provision(new OidcIdentity("https://idp.example", subject, "robert",
                Optional.of("robert@example.com"), "Robert"));

        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.username()).isEqualTo("robert");
        assertThat(after.email()).contains("robert@example.com");
        assertThat(after.displayName()).isEqualTo("Robert");
    }
}
