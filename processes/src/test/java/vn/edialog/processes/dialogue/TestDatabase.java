package vn.edialog.processes.dialogue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A fresh PostgreSQL database for this test JVM: on the server named by {@code EDIALOG_TEST_DB_URL} (with
 * {@code EDIALOG_TEST_DB_USER} and {@code EDIALOG_TEST_DB_PASSWORD}; the role needs CREATEDB), otherwise on an
 * embedded server. Never H2: the process runs on the database it runs on in production.
 */
final class TestDatabase {

    record Connect(String url, String user, String password) {}

    private static EmbeddedPostgres embedded;

    private TestDatabase() {}

    static synchronized Connect fresh() {
        String name = "edialog_processes_" + ProcessHandle.current().pid();
        String external = System.getenv("EDIALOG_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            String user = System.getenv("EDIALOG_TEST_DB_USER");
            String password = System.getenv("EDIALOG_TEST_DB_PASSWORD");
            try (Connection connection = DriverManager.getConnection(external, user, password)) {
                create(connection, name);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "EDIALOG_TEST_DB_URL=" + external + " is set but no test database could be created there", e);
            }
            return new Connect(replaceDatabase(external, name), user, password);
        }
        try {
            if (embedded == null) {
                embedded = EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("timezone", "UTC")
                        .setLocaleConfig("encoding", "UTF8")
                        .setLocaleConfig("locale", "C.UTF-8")
                        .start();
            }
            try (Connection connection = embedded.getPostgresDatabase().getConnection()) {
                create(connection, name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database on the embedded PostgreSQL", e);
        }
        return new Connect(embedded.getJdbcUrl("postgres", name), "postgres", "");
    }

    private static void create(Connection connection, String name) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name);
            statement.execute("create database " + name + " encoding 'UTF8' template template0");
        }
    }

    private static String replaceDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        if (slash < 0) {
            return url + "/" + database;
        }
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }
}
