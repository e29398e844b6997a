package vn.edialog.query.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Full dumps of tables, one text line per row (PostgreSQL's row literal, generated columns included), sorted. */
public final class Tables {

    private Tables() {}

    public static Map<String, List<String>> dump(JdbcClient jdbc, String... tables) {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        for (String table : tables) {
            dump.put(
                    table,
                    jdbc.sql("select t::text from " + table + " t order by 1")
                            .query(String.class)
                            .list());
        }
        return dump;
    }

    public static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
