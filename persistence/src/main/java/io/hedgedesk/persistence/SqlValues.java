package io.hedgedesk.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/** Values of native query results, whichever Java type the driver and Hibernate chose for them. */
public final class SqlValues {

    private SqlValues() {}

    /** A {@code timestamptz} column as an instant. */
    public static Instant instant(Object value) {
        Objects.requireNonNull(value, "timestamp");
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
