package io.hedgedesk.web.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Security events, one line each, in their own logger category ({@value #CATEGORY}) so they can be routed, kept
 * and alerted on apart from the application log:
 * {@code event=access-denied at=2026-11-29T14:00:00Z user=alice path=/teams/7/members/3/role role=VIEWER}.
 *
 * <p>Values are who (the principal name, never an e-mail), what (event, path, ids, roles) and when (UTC). Tokens,
 * cookies, passwords and secrets are never passed in. Every value is user-controlled text as far as the log is
 * concerned: anything but a short safe alphabet is quoted, and control characters (CR, LF, TAB, …) are escaped,
 * so no value can end the line or fake another key.
 */
public final class SecurityLog {

    public static final String CATEGORY = "hedgedesk.security";

    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:/@+,\\-]{1,200}");
    private static final int MAX_VALUE = 200;

    private static final Clock CLOCK = Clock.systemUTC();

    private SecurityLog() {}

    /** A normal security-relevant fact (login, logout, a role change). {@code fields}: key, value, key, value… */
    public static void info(String event, Object... fields) {
        LOG.info(line(event, CLOCK.instant(), fields));
    }

    /** A refusal or failure (access denied, CSRF, bad callback, dev secrets in production). */
    public static void warn(String event, Object... fields) {
        LOG.warn(line(event, CLOCK.instant(), fields));
    }

    /** The principal name of {@code identity}, or {@code anonymous}. */
    public static String who(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous()
                ? "anonymous"
                : identity.getPrincipal().getName();
    }

    static String line(String event, Instant at, Object... fields) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("fields must be key, value pairs, got " + fields.length + " items");
        }
        StringBuilder line = new StringBuilder("event=")
                .append(value(event))
                .append(" at=")
                .append(at.truncatedTo(ChronoUnit.MILLIS));
        for (int i = 0; i < fields.length; i += 2) {
            line.append(' ').append(fields[i]).append('=').append(value(fields[i + 1]));
        }
        return line.toString();
    }

    /** A value as it appears in the line: plain when safe, else quoted with every control character escaped. */
    static String value(Object raw) {
        if (raw == null) {
            return "-";
        }
        String text = raw.toString();
        if (PLAIN.matcher(text).matches()) {
            return text;
        }
        StringBuilder quoted = new StringBuilder("\"");
        text.codePoints().limit(MAX_VALUE).forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\').appendCodePoint(c);
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                quoted.append(String.format("\\u%04x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        if (text.codePointCount(0, text.length()) > MAX_VALUE) {
            quoted.append("…");
        }
        return quoted.append('"').toString();
    }
}
