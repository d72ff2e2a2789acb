package io.hedgedesk.web.security.inventory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A fingerprint of every table of the application's schema: row count and an MD5 over all rows. Two equal
 * snapshots mean nothing was inserted, updated or deleted in between. {@code app_user.last_seen_at} and the row's
 * version are left out: the login bookkeeping moves them forward on requests by design (not business data).
 */
record Database(DataSource dataSource) {

    /** Table → "rows:md5". */
    Map<String, String> snapshot() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            Map<String, List<String>> columns = new TreeMap<>();
            try (ResultSet r = s.executeQuery("""
          select c.table_name, c.column_name from information_schema.columns c
          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
          where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
            and c.table_name not like 'flyway%' and not (c.table_name = 'app_user' and c.column_name in ('last_seen_at', 'version'))
          order by c.table_name, c.ordinal_position""")) {
                while (r.next()) {
                    columns.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                            .add('"' + r.getString(2) + '"');
                }
            }
            Map<String, String> result = new LinkedHashMap<>();
            for (var table : columns.entrySet()) {
                String row = "concat_ws('|', " + String.join(", ", table.getValue()) + ")";
                try (ResultSet r = s.executeQuery("select count(*), coalesce(md5(string_agg(md5(" + row
                        + "), '' order by md5(" + row + "))), '') from \"" + table.getKey() + "\"")) {
                    r.next();
                    result.put(table.getKey(), r.getLong(1) + ":" + r.getString(2));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tables whose fingerprint differs between two snapshots. */
    static List<String> changed(Map<String, String> before, Map<String, String> after) {
        List<String> tables = new ArrayList<>();
        after.forEach((table, print) -> {
            if (!print.equals(before.get(table))) {
                tables.add(table);
            }
        });
        return tables;
    }
}
