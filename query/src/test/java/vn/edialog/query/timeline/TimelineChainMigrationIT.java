package vn.edialog.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.command.dialogue.api.Evidence;
import vn.edialog.query.support.Parties;
import vn.edialog.query.support.Recorded;
import vn.edialog.query.support.Story;
import vn.edialog.query.support.TestDatabase;

/** V107 moves the certificate chains of rows stored before it into timeline_chain, named as the projection names them. */
class TimelineChainMigrationIT {

    @Test
    void rowsStoredBeforeKeepTheirChainsOnceEachUnderTheProjectionsHash() {
        TestDatabase.Partial database = TestDatabase.freshUpTo("106");
        JdbcClient jdbc = JdbcClient.create(database.jdbc());
        Story story = DialogueTimelineProjectionIT.answeredViaForward("timeline-migration");
        for (Recorded recorded : story.events()) {
            insertAsBeforeV107(jdbc, story, recorded);
        }

        // Up to the last migration that keeps the rows: V122 empties the timeline for a rebuild
        // (TimelineFactsMigrationIT).
        database.migrateUpTo("121");

        for (Recorded recorded : story.events()) {
            List<String> chain = DialogueTimelineProjectionIT.evidenceOf(recorded.event())
                    .signed()
                    .chain();
            // Read as the queries of that schema read it (later migrations add columns the current queries select).
            assertThat(jdbc.sql(
                                    """
                                    select c.certificate_chain from timeline_event e
                                    left join timeline_chain c on c.chain_hash = e.chain_hash
                                    where e.dialogue_id = :id and e.sequence = :seq""")
                            .param("id", story.id())
                            .param("seq", recorded.sequence())
                            .query((rows, n) -> java.util.Arrays.asList(
                                    (String[]) rows.getArray(1).getArray()))
                            .single())
                    .isEqualTo(chain);
            assertThat(jdbc.sql("select chain_hash from timeline_event where dialogue_id = :id and sequence = :seq")
                            .param("id", story.id())
                            .param("seq", recorded.sequence())
                            .query(String.class)
                            .single())
                    .isEqualTo(DialogueTimelineProjection.chainHash(chain));
        }
        // The business asked; officials signed the rest with the test PKI's one agency key.
        assertThat(jdbc.sql("select count(*) from timeline_chain")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from information_schema.columns"
                                + " where table_name = 'timeline_event' and column_name = 'certificate_chain'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static void insertAsBeforeV107(JdbcClient jdbc, Story story, Recorded recorded) {
        Evidence evidence = DialogueTimelineProjectionIT.evidenceOf(recorded.event());
        jdbc.sql(
                        """
                        insert into timeline_event (dialogue_id, sequence, tenant, event_type, occurred_at, actor_kind,
                            actor_id, summary_vi, summary_en, signed_payload, signature, certificate_chain,
                            previous_hash, hash)
                        values (:id, :seq, :tenant, :type, :at, 'OFFICIAL', 'someone', 'tóm tắt', 'summary',
                            :payload, :signature, :chain, :previousHash, :hash)
                        """)
                .param("id", story.id())
                .param("seq", recorded.sequence())
                .param("tenant", Parties.TENANT)
                .param("type", recorded.event().getClass().getSimpleName())
                .param("at", Timestamp.valueOf("2026-03-02 09:00:00"))
                .param("payload", evidence.signed().payload())
                .param("signature", evidence.signed().signature())
                .param("chain", evidence.signed().chain().toArray(String[]::new))
                .param("previousHash", evidence.previousHash())
                .param("hash", evidence.hash())
                .update();
    }
}
