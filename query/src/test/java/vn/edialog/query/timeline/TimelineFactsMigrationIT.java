package vn.edialog.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.query.support.Parties;
import vn.edialog.query.support.Projector;
import vn.edialog.query.support.Story;
import vn.edialog.query.support.TestDatabase;

/**
 * V122 replaces the timeline's sentences by facts. Rows stored before have none, so it empties the timeline and removes
 * its processor's token and dead letters, and the next start rebuilds it from the event store; the other read models
 * keep their tokens.
 */
class TimelineFactsMigrationIT {

    @Test
    void theTimelineIsEmptiedAndRebuiltFromTheStoreWhileOtherProcessorsKeepTheirPlace() {
        TestDatabase.Partial database = TestDatabase.freshUpTo("121");
        JdbcClient jdbc = JdbcClient.create(database.jdbc());
        // The application's schema holds Axon's token and dead-letter tables: the columns V122 reads are enough here.
        jdbc.sql("create table tokenentry (processorname varchar(255), segment integer)")
                .update();
        jdbc.sql("create table deadletterentry (processinggroup varchar(255), sequenceidentifier varchar(255))")
                .update();
        for (String processor : List.of(DialogueTimelineProjection.PROCESSING_GROUP, "dialogue-summary")) {
            jdbc.sql("insert into tokenentry values (:name, 0)")
                    .param("name", processor)
                    .update();
            jdbc.sql("insert into deadletterentry values (:name, 'some dialogue')")
                    .param("name", processor)
                    .update();
        }
        jdbc.sql(
                        """
                        insert into timeline_chain values (repeat('a', 64), array['MIIB']);
                        insert into timeline_event (dialogue_id, sequence, tenant, event_type, occurred_at, actor_kind,
                            actor_id, summary_vi, summary_en, signed_payload, signature, chain_hash, previous_hash, hash)
                        values (gen_random_uuid(), 0, 'hanoi', 'DialogueAsked', now(), 'BUSINESS', '0101234567',
                            'Gửi câu hỏi, mã hồ sơ HS-1', 'Question submitted, tracking code HS-1', '{}', 'MIIC',
                            repeat('a', 64), repeat('0', 64), repeat('1', 64))
                        """)
                .update();

        database.migrateTheRest();

        assertThat(count(jdbc, "timeline_event")).isZero();
        assertThat(count(jdbc, "timeline_chain")).isZero();
        assertThat(jdbc.sql("select processorname from tokenentry")
                        .query(String.class)
                        .list())
                .containsExactly("dialogue-summary");
        assertThat(jdbc.sql("select processinggroup from deadletterentry")
                        .query(String.class)
                        .list())
                .containsExactly("dialogue-summary");

        // The replay the removed token starts writes facts.
        DialogueTimelineProjection timeline = new DialogueTimelineProjection(database.jdbc());
        Story story = DialogueTimelineProjectionIT.answeredViaForward("timeline-facts-migration");
        Projector.apply(timeline, story.events());
        assertThat(new DialogueTimelineQueries(database.jdbc())
                        .timeline(Parties.TENANT, story.id())
                        .get(1)
                        .facts()
                        .agency())
                .isEqualTo("skhdt");
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
