package vn.edialog.app.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import vn.edialog.app.operations.database.EmbeddedDatabase;

/**
 * The PostgreSQL server of this test JVM: the one named by {@code EDIALOG_TEST_DB_URL} (with {@code
 * EDIALOG_TEST_DB_USER} and {@code EDIALOG_TEST_DB_PASSWORD}; the role needs CREATEDB), otherwise one embedded
 * server started on first use. Every Spring context gets a fresh database on it, so the tracking processors of two
 * cached contexts never compete for the same tokens.
 */
public final class TestDatabases {

    /** A database to connect to. */
    public record Database(String url, String user, String password) {}

    private static final AtomicInteger counter = new AtomicInteger();
    private static EmbeddedDatabase embedded;

    private TestDatabases() {}

    public static synchronized Database fresh() {
        String name = "edialog_t" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
        String external = System.getenv("EDIALOG_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            String user = System.getenv("EDIALOG_TEST_DB_USER");
            String password = System.getenv("EDIALOG_TEST_DB_PASSWORD");
            try (Connection connection = DriverManager.getConnection(external, user, password);
                    var statement = connection.createStatement()) {
                statement.execute("create database " + name + " encoding 'UTF8' template template0");
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "EDIALOG_TEST_DB_URL=" + external + " is set but no test database could be created there: "
                                + e.getMessage(),
                        e);
            }
            return new Database(replaceDatabase(external, name), user, password);
        }
        if (embedded == null) {
            embedded = EmbeddedDatabase.start(null);
            // Stopped when the JVM exits; contexts still closing then fail fast on short pool timeouts.
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-postgres-stop"));
        }
        try (Connection connection = embedded.maintenanceDataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database " + name + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database on the embedded PostgreSQL", e);
        }
        return new Database(embedded.jdbcUrl(name), "postgres", "");
    }

    static String replaceDatabase(String url, String database) {
        // jdbc:postgresql://host:port/name?params -> jdbc:postgresql://host:port/<database>?params
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        if (slash < 0) {
            return url + "/" + database;
        }
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }
}
