package vn.edialog.app.operations.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.app.access.Official;
import vn.edialog.app.submission.GovernmentActions;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.app.support.ReadModelTables;
import vn.edialog.command.pki.TestPki;

/** Rebuilding every read model by replay yields the same tables, and touches nothing but the read models. */
@EDialogIntegrationTest
class ProjectionRebuildIT {

    private static final Official MODERATOR = new Official("nguyen.van.a", "Nguyễn Văn A", "demo", "ubnd");
    private static final Official DPI = new Official("pham.van.d", "Phạm Văn D", "demo", "skhdt");

    /** Every read model table, dumped in a stable order. */
    private static final Map<String, String> TABLES = ReadModelTables.all(ProjectionRebuilder.PROJECTIONS);

    @LocalServerPort
    int port;

    @Autowired
    GovernmentActions government;

    @Autowired
    ProjectionRebuilder rebuilder;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    private Map<String, List<Map<String, Object>>> dump() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        TABLES.forEach((table, order) -> tables.put(
                table,
                jdbc.sql("select * from " + table + " order by " + order).query().listOfRows().stream()
                        .map(ProjectionRebuildIT::comparable)
                        .toList()));
        return tables;
    }

    /** SQL arrays compare by identity: turn them into lists. */
    private static Map<String, Object> comparable(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            try {
                copy.put(column, value instanceof java.sql.Array array ? List.of((Object[]) array.getArray()) : value);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return copy;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void aRebuildYieldsIdenticalReadModelsAndHasNoSideEffects() throws Exception {
        Api api = new Api(port);
        for (int i = 0; i < 4; i++) {
            UUID id = UUID.randomUUID();
            assertThat(api.post(
                                    "/api/v1/dialogues",
                                    Envelopes.signed(TestPki.shared().business(), Envelopes.ask(id)))
                            .status())
                    .isEqualTo(201);
            government.forward(
                    id, MODERATOR, "skhdt", "Chuyển Sở", Instant.now().plus(10, ChronoUnit.DAYS));
            if (i > 0) {
                government.answer(id, DPI, "Trả lời số " + i);
            }
            // Every publication decision: published then withdrawn, published redacted, kept private.
            switch (i) {
                case 1 -> {
                    government.publish(id, MODERATOR);
                    government.withdrawPublication(id, MODERATOR, "Văn bản hết hiệu lực");
                }
                case 2 -> government.publishRedacted(id, MODERATOR, "Câu hỏi", "Câu hỏi [đã ẩn]", "Trả lời [đã ẩn]");
                case 3 -> government.keepPrivate(id, MODERATOR, "Hồ sơ cá nhân");
                default -> {}
            }
        }
        long head = count("select max(globalindex) from domainevententry");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select coalesce(max(last_sequence), -1) from dialogue_summary") >= 0
                        && count("select count(*) from timeline_event")
                                == count("select count(*) from domainevententry"));
        Map<String, List<Map<String, Object>>> before = dump();
        // Every dialogue has its one process, and the side effects have settled, before the rebuild.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from act_hi_procinst where proc_def_key_ = 'DialogueProcess'")
                        == count("select count(*) from domainevententry where payloadtype like '%.DialogueAsked'"));
        long[] settled = {-1};
        await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(1)).until(() -> {
            long now = count("select count(*) from mail_outbox");
            boolean same = now == settled[0];
            settled[0] = now;
            return same;
        });
        long mails = settled[0];
        long processes = count("select count(*) from act_hi_procinst");

        for (String projection : ProjectionRebuilder.PROJECTIONS) {
            ProjectionRebuilder.Result result = rebuilder.rebuild(projection, progress -> {});
            assertThat(result.events()).isGreaterThanOrEqualTo(head);
        }

        Map<String, List<Map<String, Object>>> after = dump();
        for (String table : TABLES.keySet()) {
            assertThat(after.get(table)).as(table).containsExactlyElementsOf(before.get(table));
        }
        assertThat(count("select count(*) from mail_outbox"))
                .as("no mail queued again")
                .isEqualTo(mails);
        assertThat(count("select count(*) from act_hi_procinst"))
                .as("no process started again")
                .isEqualTo(processes);
    }
}
