package io.hedgedesk.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PendingLoginsTest {

    @Test
    void pendingLoginCookiesAreReadInTheOrderSentOthersIgnored() {
        assertThat(PendingLogins.names(null)).isEmpty();
        assertThat(PendingLogins.names("q_session=abc; csrf-token=x")).isEmpty();
        assertThat(PendingLogins.names("q_auth_Default_test_b=1|2; q_session=s;q_auth_Default_test_a=3 ; q_auth_x"))
                .containsExactly("q_auth_Default_test_b", "q_auth_Default_test_a", "q_auth_x");
        assertThat(PendingLogins.names("q_auth_a=1; q_auth_a=2")).containsExactly("q_auth_a");
    }
}
