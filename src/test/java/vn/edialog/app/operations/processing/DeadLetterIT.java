package vn.edialog.app.operations.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.edialog.app.operations.cli.Cli;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.CliRuns;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.command.dialogue.api.DialogueAsked;
import vn.edialog.command.pki.TestPki;
import vn.edialog.processes.dialogue.DialogueProcessBridge;
import vn.edialog.query.summary.DialogueSummaryProjection;

/**
 * A poison event parks its own dialogue only. A handler that joins a processor fails one dialogue's ask: with an SQL
 * error in a read model's processor (which aborts the PostgreSQL transaction), with a Camunda error in the process
 * bridge's (which marks the transaction rollback-only). The next 20 dialogues still reach every processor; the parked
 * dialogue is listed by the command line, counted by the Prometheus gauge and, once the cause is gone, retried to
 * success from the command line by the running server. A transient failure (the database connection killed) is
 * retried past the attempt limit and never parked.
 */
@EDialogIntegrationTest
@AutoConfigureObservability(tracing = false)
@Import(DeadLetterIT.PoisonConfiguration.class)
@TestPropertySource(
        properties = {"edialog.processing.dead-letter.max-attempts=2", "edialog.processing.dead-letter.retry-poll=200ms"
        })
class DeadLetterIT {

    @LocalServerPort
    int port;

    @Autowired
    ReadModelPoison readModelPoison;

    @Autowired
    ProcessPoison processPoison;

    @Autowired
    Transient flaky;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskService tasks;

    @Autowired
    Environment environment;

    @Test
    void aPoisonEventInAReadModelParksItsDialogueWhileTheNextTwentyAreProcessedAndARetryHandlesItOnceFixed() {
        UUID poisoned = UUID.randomUUID();
        readModelPoison.dialogue = poisoned;
        ask(poisoned);
        List<UUID> next = askTwenty();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(summaries(next)).isEqualTo(20);
            next.forEach(
                    id -> assertThat(triageTasks(id)).as("triage task of " + id).isEqualTo(1));
        });
        awaitParked(poisoned);

        CliRuns.Run listed = cli("dead-letters", "list", "--group", DialogueSummaryProjection.PROCESSING_GROUP);
        assertThat(listed.exit()).isEqualTo(Cli.VALID);
        assertThat(listed.out())
                .contains(DialogueSummaryProjection.PROCESSING_GROUP, poisoned.toString(), "DialogueAsked")
                .contains("division by zero")
                .contains("1 parked dialogue(s)");
        assertThat(metrics())
                .contains("edialog_dead_letters{processing_group=\"" + DialogueSummaryProjection.PROCESSING_GROUP
                        + "\"} 1.0");
        assertThat(triageTasks(poisoned))
                .as("the other processors handled the poisoned dialogue")
                .isEqualTo(1);

        CliRuns.Run stillPoisoned = cli("dead-letters", "retry", "--id", poisoned.toString());
        assertThat(stillPoisoned.exit()).isEqualTo(Cli.INVALID);
        assertThat(stillPoisoned.out()).contains("still parked", "division by zero");

        readModelPoison.dialogue = null;
        CliRuns.Run retried = cli("dead-letters", "retry");

        assertThat(retried.exit()).as(retried.out()).isEqualTo(Cli.VALID);
        assertThat(retried.out()).contains(poisoned + ": handled", "Every parked dialogue was handled.");
        assertThat(cli("dead-letters", "list").out()).contains("No parked dialogues.");
        assertThat(summaries(List.of(poisoned))).isEqualTo(1);
        assertThat(metrics())
                .contains("edialog_dead_letters{processing_group=\"" + DialogueSummaryProjection.PROCESSING_GROUP
                        + "\"} 0.0");
    }

    @Test
    void aPoisonEventInTheProcessBridgeParksItsDialogueUntilRetriedAndAnEvictedOneIsNeverHandled() {
        UUID poisoned = UUID.randomUUID();
        UUID evicted = UUID.randomUUID();
        processPoison.dialogues.addAll(Set.of(poisoned, evicted));
        ask(poisoned);
        ask(evicted);
        List<UUID> next = askTwenty();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> next.forEach(id ->
                        assertThat(triageTasks(id)).as("triage task of " + id).isEqualTo(1)));
        awaitParked(poisoned);
        awaitParked(evicted);
        assertThat(triageTasks(poisoned))
                .as("the bridge's own start was rolled back with the poison")
                .isZero();

        CliRuns.Run removed = cli("dead-letters", "evict", "--id", evicted.toString());
        assertThat(removed.exit()).isEqualTo(Cli.VALID);
        assertThat(removed.out()).contains("Evicted 1 parked event(s) of dialogue " + evicted);
        assertThat(cli("dead-letters", "evict", "--id", evicted.toString()).exit())
                .isEqualTo(Cli.INVALID);

        processPoison.dialogues.clear();
        CliRuns.Run retried = cli("dead-letters", "retry", "--group", DialogueProcessBridge.PROCESSING_GROUP);

        assertThat(retried.exit()).as(retried.out()).isEqualTo(Cli.VALID);
        assertThat(triageTasks(poisoned)).isEqualTo(1);
        assertThat(triageTasks(evicted)).isZero();
        assertThat(cli("dead-letters", "list").out()).contains("No parked dialogues.");
    }

    @Test
    void aTransientFailureIsRetriedBeyondTheAttemptLimitAndNeverParked() {
        UUID id = UUID.randomUUID();
        flaky.dialogue = id;

        ask(id);

        await().atMost(Duration.ofSeconds(60)).until(() -> flaky.handled.contains(id));
        assertThat(flaky.attempts.get(id))
                .as("killed three times, handled the fourth")
                .hasValue(4);
        assertThat(DeadLetters.list(jdbc, Optional.empty(), Optional.of(id.toString())))
                .isEmpty();
    }

    private List<UUID> askTwenty() {
        List<UUID> next = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID id = UUID.randomUUID();
            next.add(id);
            ask(id);
        }
        return next;
    }

    private void awaitParked(UUID dialogue) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !DeadLetters.list(jdbc, Optional.empty(), Optional.of(dialogue.toString()))
                        .isEmpty());
    }

    private CliRuns.Run cli(String... args) {
        return CliRuns.run(environment, args);
    }

    private String metrics() {
        Api.Response scraped = new Api(port).get("/actuator/prometheus");
        assertThat(scraped.status()).isEqualTo(200);
        return scraped.body();
    }

    private long triageTasks(UUID id) {
        return tasks.createTaskQuery().processInstanceBusinessKey(id.toString()).count();
    }

    private long summaries(List<UUID> ids) {
        return jdbc.sql("SELECT count(*) FROM dialogue_summary WHERE dialogue_id IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single();
    }

    private void ask(UUID id) {
        Api.Response asked = new Api(port)
                .post("/api/v1/dialogues", Envelopes.signed(TestPki.shared().business(), Envelopes.ask(id)));
        assertThat(asked.status()).isEqualTo(201);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class PoisonConfiguration {
        @Bean
        ReadModelPoison readModelPoison(JdbcClient jdbc) {
            return new ReadModelPoison(jdbc);
        }

        @Bean
        ProcessPoison processPoison(RuntimeService runtime) {
            return new ProcessPoison(runtime);
        }

        @Bean
        Transient transientFailures(JdbcClient jdbc) {
            return new Transient(jdbc);
        }
    }

    /** Joins the dialogue-summary processor and fails one dialogue's ask with an SQL error while armed. */
    @ProcessingGroup(DialogueSummaryProjection.PROCESSING_GROUP)
    static class ReadModelPoison {

        private final JdbcClient jdbc;
        volatile UUID dialogue;

        ReadModelPoison(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(DialogueAsked event) {
            if (event.dialogueId().equals(dialogue)) {
                jdbc.sql("SELECT 1 / 0").query(Integer.class).single();
            }
        }
    }

    /**
     * Joins the process bridge's processor ahead of the bridge and fails the asks of some dialogues with a Camunda
     * error (which marks the transaction rollback-only) while armed.
     */
    @ProcessingGroup(DialogueProcessBridge.PROCESSING_GROUP)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class ProcessPoison {

        private final RuntimeService runtime;
        final Set<UUID> dialogues = ConcurrentHashMap.newKeySet();

        ProcessPoison(RuntimeService runtime) {
            this.runtime = runtime;
        }

        @EventHandler
        void on(DialogueAsked event) {
            if (dialogues.contains(event.dialogueId())) {
                runtime.startProcessInstanceByKey("no-such-process");
            }
        }
    }

    /** Kills its own database connection the first three times it sees its dialogue's ask, as a restart would. */
    @ProcessingGroup("test-transient")
    static class Transient {

        private final JdbcClient jdbc;
        volatile UUID dialogue;
        final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final Set<UUID> handled = ConcurrentHashMap.newKeySet();

        Transient(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(DialogueAsked event) {
            if (!event.dialogueId().equals(dialogue)) {
                return;
            }
            int attempt = attempts.computeIfAbsent(event.dialogueId(), id -> new AtomicInteger())
                    .incrementAndGet();
            if (attempt <= 3) {
                jdbc.sql("SELECT pg_terminate_backend(pg_backend_pid())")
                        .query()
                        .listOfRows();
            }
            handled.add(event.dialogueId());
        }
    }
}
