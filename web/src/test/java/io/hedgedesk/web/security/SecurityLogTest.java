package io.hedgedesk.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecurityLogTest {

    private static final Instant AT = Instant.parse("2026-11-29T14:05:06.789Z");

    @Test
    void oneLineOfKeyValuePairsWithTheTimeInUtc() {
        assertThat(SecurityLog.line("access-denied", AT, "user", "alice", "path", "/teams/7/rename", "team", 7L))
                .isEqualTo("event=access-denied at=2026-11-29T14:05:06.789Z user=alice path=/teams/7/rename team=7");
    }

    @Test
    void userTextCannotEndTheLineOrForgeAnotherKey() {
        String line = SecurityLog.line("not-found", AT, "path", "/x\r\nevent=login user=admin", "detail", "a \"b\"\\");

        assertThat(line)
                .doesNotContain("\r", "\n")
                .isEqualTo("event=not-found at=2026-11-29T14:05:06.789Z"
                        + " path=\"/x\\u000d\\u000aevent=login user=admin\" detail=\"a \\\"b\\\"\\\\\"");
    }

    @Test
    void missingValuesAreADashAndLongOnesAreCut() {
        assertThat(SecurityLog.value(null)).isEqualTo("-");
        assertThat(SecurityLog.value("\u2028")).isEqualTo("\"\\u2028\"");
        assertThat(SecurityLog.value("x".repeat(500))).hasSize(1 + 200 + 1 + 1).endsWith("x…\"");
    }

    @Test
    void fieldsComeInPairs() {
        assertThatThrownBy(() -> SecurityLog.line("login", AT, "user"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pairs");
    }
}
