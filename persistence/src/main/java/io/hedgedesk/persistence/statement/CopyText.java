package io.hedgedesk.persistence.statement;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * Rows written with PostgreSQL's {@code COPY … FROM STDIN} in its text format (tab-separated, {@code \N} for null,
 * backslash escapes): the fastest way to insert many rows, with the table's constraints and triggers all applied.
 */
public final class CopyText {

    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean lineStarted;

    /** Adds a field of the current line; null is SQL NULL. */
    public CopyText add(Object value) {
        if (lineStarted) {
            text.append('\t');
        }
        lineStarted = true;
        if (value == null) {
            text.append("\\N");
            return this;
        }
        String s = value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
        if (plain(s)) {
            text.append(s);
            return this;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return this;
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    /** Ends the current line. */
    public CopyText end() {
        text.append('\n');
        lineStarted = false;
        return this;
    }

    /**
     * Runs {@code copy table (columns) from stdin} with the lines added.
     *
     * @return the rows copied
     */
    public long copyInto(Connection connection, String tableAndColumns) throws SQLException {
        try {
            return connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy " + tableAndColumns + " from stdin", new StringReader(text.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("cannot copy into " + tableAndColumns + ": " + e.getMessage(), e);
        }
    }
}
