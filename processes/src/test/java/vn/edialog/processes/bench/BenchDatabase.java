package vn.edialog.processes.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark's PostgreSQL: on the server named by {@code EDIALOG_TEST_DB_URL} (with {@code EDIALOG_TEST_DB_USER} and
 * {@code EDIALOG_TEST_DB_PASSWORD}; the role needs CREATEDB), otherwise an embedded server, as the process tests use
 * it. Hands out fresh databases, and reads PostgreSQL's own counters (rows written per table, commits) and, for the
 * embedded server, the CPU time of its processes from {@code /proc}.
 */
final class BenchDatabase implements AutoCloseable {

    record Connect(String url, String user, String password) {}

    /** Cumulative counters of one table (pg_stat_user_tables). */
    record TableStats(long inserted, long updated, long deleted, long seqScans, long seqRowsRead, long idxScans) {

        TableStats minus(TableStats before) {
            return new TableStats(
                    inserted - before.inserted,
                    updated - before.updated,
                    deleted - before.deleted,
                    seqScans - before.seqScans,
                    seqRowsRead - before.seqRowsRead,
                    idxScans - before.idxScans);
        }

        long written() {
            return inserted + updated + deleted;
        }
    }

    /** PostgreSQL's counters of one database at one moment, plus the server's CPU time (-1 when unknown). */
    record Snapshot(Map<String, TableStats> tables, long commits, long rollbacks, long serverCpuNanos) {}

    private static final long CLOCK_TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux

    private final EmbeddedPostgres embedded;
    private final String externalUrl;
    private final String externalUser;
    private final String externalPassword;

    private BenchDatabase(EmbeddedPostgres embedded, String externalUrl, String user, String password) {
        this.embedded = embedded;
        this.externalUrl = externalUrl;
        this.externalUser = user;
        this.externalPassword = password;
    }

    static BenchDatabase start() {
        String external = System.getenv("EDIALOG_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            return new BenchDatabase(
                    null, external, System.getenv("EDIALOG_TEST_DB_USER"), System.getenv("EDIALOG_TEST_DB_PASSWORD"));
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("timezone", "UTC")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .start();
            return new BenchDatabase(embedded, null, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    String describe() {
        return embedded != null ? "embedded PostgreSQL (zonky), same host" : "PostgreSQL at " + externalUrl;
    }

    /** Drops and creates the database {@code name}; returns how to reach it. */
    Connect fresh(String name) {
        Connect admin = embedded != null
                ? new Connect(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "")
                : new Connect(externalUrl, externalUser, externalPassword);
        try (Connection connection = DriverManager.getConnection(admin.url(), admin.user(), admin.password());
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name);
            statement.execute("create database " + name + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the benchmark database " + name, e);
        }
        if (embedded != null) {
            return new Connect(embedded.getJdbcUrl("postgres", name), "postgres", "");
        }
        return new Connect(replaceDatabase(externalUrl, name), externalUser, externalPassword);
    }

    /**
     * Waits until no other session is connected to the database (so that every backend has flushed its statistics on
     * exit), then reads the counters. The caller closes its connection pool first.
     */
    Snapshot snapshot(Connect database) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement statement = connection.createStatement()) {
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < until) {
                try (ResultSet rs = statement.executeQuery("select count(*) from pg_stat_activity"
                        + " where datname = current_database() and pid <> pg_backend_pid()")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(20);
            }
            Thread.sleep(200); // a backend leaves pg_stat_activity about when it flushes; leave it a moment
            Map<String, TableStats> tables = new HashMap<>();
            try (ResultSet rs = statement.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_del, seq_scan,"
                    + " seq_tup_read, coalesce(idx_scan, 0) from pg_stat_user_tables")) {
                while (rs.next()) {
                    tables.put(
                            rs.getString(1).toUpperCase(java.util.Locale.ROOT),
                            new TableStats(
                                    rs.getLong(2),
                                    rs.getLong(3),
                                    rs.getLong(4),
                                    rs.getLong(5),
                                    rs.getLong(6),
                                    rs.getLong(7)));
                }
            }
            long commits;
            long rollbacks;
            try (ResultSet rs = statement.executeQuery(
                    "select xact_commit, xact_rollback from pg_stat_database where datname = current_database()")) {
                rs.next();
                commits = rs.getLong(1);
                rollbacks = rs.getLong(2);
            }
            return new Snapshot(tables, commits, rollbacks, serverCpuNanos(statement));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read PostgreSQL's statistics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * CPU time of the embedded server: the postmaster, its live children and (through the postmaster's cutime and
     * cstime) every backend that already exited. -1 for an external server or without {@code /proc}.
     */
    private long serverCpuNanos(Statement statement) throws SQLException {
        if (embedded == null || !Files.isDirectory(Path.of("/proc/self"))) {
            return -1;
        }
        long checkpointer;
        try (ResultSet rs =
                statement.executeQuery("select pid from pg_stat_activity where backend_type = 'checkpointer'")) {
            if (!rs.next()) {
                return -1;
            }
            checkpointer = rs.getLong(1);
        }
        try {
            long[] self = procStat(Path.of("/proc", Long.toString(checkpointer), "stat"));
            if (self == null) {
                return -1;
            }
            long postmaster = self[0];
            long[] master = procStat(Path.of("/proc", Long.toString(postmaster), "stat"));
            if (master == null) {
                return -1;
            }
            long ticks = master[1] + master[2] + master[3] + master[4];
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : processes) {
                    long[] child = procStat(process.resolve("stat"));
                    if (child != null && child[0] == postmaster) {
                        ticks += child[1] + child[2];
                    }
                }
            }
            return ticks * CLOCK_TICK_NANOS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** ppid, utime, stime, cutime, cstime of a process, or null when it is gone. */
    private static long[] procStat(Path stat) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException e) {
            return null;
        }
        // The command name (field 2) is in parentheses and may hold spaces: parse after the last ')'.
        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
        // f[0] = state (field 3), f[1] = ppid (4), f[11..14] = utime, stime, cutime, cstime (14..17)
        return new long[] {
            Long.parseLong(f[1]),
            Long.parseLong(f[11]),
            Long.parseLong(f[12]),
            Long.parseLong(f[13]),
            Long.parseLong(f[14])
        };
    }

    private static String replaceDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        if (slash < 0) {
            return url + "/" + database;
        }
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
