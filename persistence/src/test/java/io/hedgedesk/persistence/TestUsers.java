package io.hedgedesk.persistence;

import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.domain.user.OidcIdentity;
import io.hedgedesk.persistence.user.AppUserRepository;
import java.util.Optional;
import java.util.UUID;

/** Users with unique names and subjects, so tests never collide with each other's rows. */
public final class TestUsers {

    private TestUsers() {}

    public static AppUser create(AppUserRepository users, String name) {
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return users.provision(new OidcIdentity(
                "https://idp.test", UUID.randomUUID().toString(), unique, Optional.of(unique + "@example.com"), name));
    }
}
