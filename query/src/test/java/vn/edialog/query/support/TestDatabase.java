package vn.edialog.query.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The PostgreSQL server of this test JVM: the one named by {@code EDIALOG_TEST_DB_URL} (with {@code
 * EDIALOG_TEST_DB_USER} and {@code EDIALOG_TEST_DB_PASSWORD}; the role needs CREATEDB), otherwise one embedded server
 * started on first use. Each call gives a fresh database migrated by the query module's Flyway migrations. Never
 * skips: an unreachable server fails the tests.
 */
public final class TestDatabase {

    private static final AtomicInteger counter = new AtomicInteger();
    private static EmbeddedPostgres embedded;

    private TestDatabase() {}

    /** A fresh, migrated database on the test server (wrap it in a {@link JdbcClient} to read the tables). */
    public static synchronized NamedParameterJdbcTemplate fresh() {
        Server server = create();
        flyway(server, null).migrate();
        return server.template();
    }

    /** A fresh database migrated up to {@code version} only, to test the migrations after it on rows it holds. */
    public static synchronized Partial freshUpTo(String version) {
        Server server = create();
        flyway(server, version).migrate();
        return new Partial(server.template(), target -> flyway(server, target).migrate());
    }

    /** A database migrated up to a version, and what migrates it further. */
    public record Partial(NamedParameterJdbcTemplate jdbc, Consumer<String> migrations) {

        /** Applies every migration not applied yet. */
        public void migrateTheRest() {
            migrations.accept(null);
        }

        /** Applies the migrations up to {@code version}, and none after it. */
        public void migrateUpTo(String version) {
            migrations.accept(version);
        }
    }

    private record Server(String url, String user, String password) {
        /** One connection, auto-commit: each statement commits as a tracking processor's unit of work would. */
        NamedParameterJdbcTemplate template() {
            return new NamedParameterJdbcTemplate(new SingleConnectionDataSource(url, user, password, true));
        }
    }

    private static Flyway flyway(Server server, String target) {
        var configuration = Flyway.configure()
                .dataSource(server.url(), server.user(), server.password())
                .locations("classpath:db/migration");
        return (target == null ? configuration : configuration.target(target)).load();
    }

    private static Server create() {
        String name = "edialog_query_t" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
        String external = System.getenv("EDIALOG_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            String user = System.getenv("EDIALOG_TEST_DB_USER");
            String password = System.getenv("EDIALOG_TEST_DB_PASSWORD");
            try (Connection connection = DriverManager.getConnection(external, user, password)) {
                create(connection, name);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "EDIALOG_TEST_DB_URL=" + external + " is set but no test database could be created there: "
                                + e.getMessage(),
                        e);
            }
            return new Server(replaceDatabase(external, name), user, password);
        }
        try (Connection connection = embedded().getPostgresDatabase().getConnection()) {
            create(connection, name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database on the embedded PostgreSQL", e);
        }
        return new Server(embedded.getJdbcUrl("postgres", name), "postgres", "");
    }

    private static EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("timezone", "UTC")
                        .setLocaleConfig("encoding", "UTF8")
                        .setLocaleConfig("locale", "C.UTF-8")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
            }
        }
        return embedded;
    }

    private static void create(Connection connection, String name) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("create database " + name + " encoding 'UTF8' template template0");
        }
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
