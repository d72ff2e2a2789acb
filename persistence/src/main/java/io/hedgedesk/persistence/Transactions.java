package io.hedgedesk.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import java.sql.SQLException;
import org.hibernate.Session;

/** What the web module needs to know about the current transaction and the database's refusals, without JDBC. */
public final class Transactions {

    private Transactions() {}

    /**
     * Loads the entities of the current transaction read-only: nothing loaded is dirty-checked at the commit. For pages
     * that only read.
     */
    public static void readOnly() {
        Panache.getEntityManager().unwrap(Session.class).setDefaultReadOnly(true);
    }

    /**
     * Whether the database refused a value somewhere in {@code e}'s causes: SQLState class 22 (data exception, e.g. a
     * numeric overflow of a computed amount). The statement's transaction was rolled back; the input was the cause.
     */
    public static boolean valueRefused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}
