package vn.edialog.app.operations.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.edialog.app.operations.database.DatabaseProperties;
import vn.edialog.app.operations.database.EmbeddedDatabase;
import vn.edialog.app.operations.processing.DeadLetters;
import vn.edialog.app.web.L10n;

/**
 * {@code dead-letters list | retry | evict}: the dialogues whose events an event processor parked. It works on the
 * server's database ({@code EDIALOG_DB_URL}, or the running embedded one found through its data folder); a retry is
 * done by a running server, which takes the request within seconds.
 */
@Command(
        name = "dead-letters",
        description = "Dialogues parked by an event processor after a handler failed on one of their events",
        subcommands = {
            DeadLettersCommand.ListParked.class,
            DeadLettersCommand.Retry.class,
            DeadLettersCommand.Evict.class
        })
final class DeadLettersCommand {

    @Command(name = "list", description = "The parked dialogues: processor, dialogue, first parked event, its cause")
    static final class ListParked implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--group", description = "Only this processing group, e.g. dialogue-process")
        String group;

        @Option(names = "--id", description = "Only this dialogue")
        String dialogue;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database database = Database.open()) {
                List<DeadLetters.Parked> parked =
                        DeadLetters.list(database.jdbc(), Optional.ofNullable(group), Optional.ofNullable(dialogue));
                if (parked.isEmpty()) {
                    out.println("No parked dialogues.");
                    return Cli.VALID;
                }
                for (DeadLetters.Parked p : parked) {
                    out.printf(
                            "%-20s %s  %s, %d event(s) parked  since %s, last tried %s%n    %s%n",
                            p.group(),
                            p.dialogue(),
                            p.eventType(),
                            p.events(),
                            L10n.DATE_TIME.format(p.firstAttempt()),
                            L10n.DATE_TIME.format(p.lastAttempt()),
                            p.cause());
                }
                out.printf("%d parked dialogue(s)%n", parked.size());
                return Cli.VALID;
            }
        }
    }

    @Command(
            name = "retry",
            description =
                    "Have a running server handle the parked dialogues again (all, one group's or one dialogue's),"
                            + " once the cause is fixed. Exit code 0 when all were handled, 1 when some stay parked or no"
                            + " server took the request in time (it stays queued).")
    static final class Retry implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--group", description = "Only this processing group")
        String group;

        @Option(names = "--id", description = "Only this dialogue")
        String dialogue;

        @Option(
                names = "--wait",
                defaultValue = "PT2M",
                description = "How long to wait for a server to do it, as ISO-8601 (default: ${DEFAULT-VALUE})")
        Duration wait;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            try (Database database = Database.open()) {
                JdbcClient jdbc = database.jdbc();
                if (DeadLetters.list(jdbc, Optional.ofNullable(group), Optional.ofNullable(dialogue))
                        .isEmpty()) {
                    out.println("No parked dialogues to retry.");
                    return Cli.VALID;
                }
                long id = jdbc.sql("INSERT INTO dead_letter_retry (processing_group, dialogue) VALUES (:group,"
                                + " :dialogue) RETURNING id")
                        .param("group", group, java.sql.Types.VARCHAR)
                        .param("dialogue", dialogue, java.sql.Types.VARCHAR)
                        .query(Long.class)
                        .single();
                Optional<ServerRequests.Done<Integer>> done =
                        ServerRequests.awaitDone(jdbc, "dead_letter_retry", "still_parked", Integer.class, id, wait);
                if (done.isPresent()) {
                    int still = done.get().result();
                    if (!done.get().outcome().isEmpty()) {
                        out.println(done.get().outcome());
                    }
                    out.println(
                            still == 0
                                    ? "Every parked dialogue was handled."
                                    : still + " dialogue(s) stay parked; see 'dead-letters list'.");
                    return still == 0 ? Cli.VALID : Cli.INVALID;
                }
                ServerRequests.notTaken(out, "request", id, wait);
                return Cli.INVALID;
            }
        }
    }

    @Command(
            name = "evict",
            description = "Remove a dialogue's parked events: that processor never handles them. For an event that can"
                    + " never be handled, after its effect was repaired by other means.")
    static final class Evict implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--id", required = true, description = "The dialogue")
        String dialogue;

        @Option(names = "--group", description = "Only in this processing group (default: in every one)")
        String group;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database database = Database.open()) {
                int evicted = DeadLetters.evict(database.jdbc(), dialogue, Optional.ofNullable(group));
                if (evicted == 0) {
                    out.println(
                            "No parked events of dialogue " + dialogue + (group == null ? "" : " in " + group) + ".");
                    return Cli.INVALID;
                }
                out.println("Evicted " + evicted + " parked event(s) of dialogue " + dialogue
                        + (group == null ? "" : " from " + group) + ".");
                return Cli.VALID;
            }
        }
    }

    /**
     * The server's database as its configuration names it. The embedded one is reached on the port its running
     * server wrote into {@code postmaster.pid}: the command line never starts a second server on the same folder.
     */
    record Database(ConfigurableApplicationContext context, JdbcClient jdbc) implements AutoCloseable {

        static Database open() {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(Connection.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .properties("logging.level.root=warn")
                    .run();
            return new Database(context, JdbcClient.create(context.getBean(HikariDataSource.class)));
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** Not a {@code @Configuration}: the server's component scan must not find it. */
    @EnableConfigurationProperties(DatabaseProperties.class)
    static class Connection {

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(DatabaseProperties properties, @Value("${edialog.data-dir:./data}") Path dataDir) {
            HikariDataSource source = new HikariDataSource();
            source.setPoolName("edialog-cli");
            source.setMaximumPoolSize(2);
            if (properties.embedded()) {
                source.setJdbcUrl("jdbc:postgresql://localhost:" + embeddedPort(dataDir.resolve("postgres")) + "/"
                        + EmbeddedDatabase.DATABASE);
                source.setUsername("postgres");
            } else {
                source.setJdbcUrl(properties.url());
                source.setUsername(properties.user());
                source.setPassword(properties.password());
            }
            return source;
        }

        private static int embeddedPort(Path cluster) {
            Path pid = cluster.resolve("postmaster.pid");
            try {
                List<String> lines = Files.readAllLines(pid);
                return Integer.parseInt(lines.get(3).trim());
            } catch (IOException | IndexOutOfBoundsException | NumberFormatException e) {
                throw new Inputs.UnusableInput("the embedded database is not running (no " + pid.toAbsolutePath()
                        + "): start the server, or set EDIALOG_DB_URL to the server's database");
            }
        }
    }
}
