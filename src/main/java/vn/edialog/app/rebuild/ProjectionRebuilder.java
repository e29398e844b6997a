package vn.edialog.app.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.edialog.query.inbox.PartyInboxProjection;
import vn.edialog.query.portal.PublishedDialogueProjection;
import vn.edialog.query.sla.SlaFactsProjection;
import vn.edialog.query.summary.DialogueSummaryProjection;
import vn.edialog.query.timeline.DialogueTimelineProjection;

/**
 * Rebuilds read models: stops a projection's processor, resets its token (its reset handler empties its tables),
 * starts it again and reports progress until it has replayed the whole event store. Only projections can be rebuilt;
 * the processors with effects outside the database (mail, processes) are not read models and are never reset here.
 */
@Component
public class ProjectionRebuilder {

    /** The read models, by processing group. */
    public static final List<String> PROJECTIONS = List.of(
            DialogueSummaryProjection.PROCESSING_GROUP,
            DialogueTimelineProjection.PROCESSING_GROUP,
            PublishedDialogueProjection.PROCESSING_GROUP,
            PartyInboxProjection.PROCESSING_GROUP,
            SlaFactsProjection.PROCESSING_GROUP);

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ProjectionRebuilder(EventProcessingConfiguration processing, JdbcClient jdbc, DataSource dataSource) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Where a rebuild stands. */
    public record Progress(String projection, long position, long head, Duration elapsed) {
        public double fraction() {
            return head <= 0 ? 1.0 : Math.min(1.0, (double) Math.max(position, 0) / head);
        }

        /** Estimated time left, from the rate so far. */
        public Duration eta() {
            double done = fraction();
            if (done <= 0) {
                return null;
            }
            return Duration.ofMillis((long) (elapsed.toMillis() * (1 - done) / done));
        }
    }

    /** The outcome of rebuilding one projection. */
    public record Result(String projection, long events, Duration took) {
        public double eventsPerSecond() {
            return took.toMillis() == 0 ? events : events * 1000.0 / took.toMillis();
        }
    }

    public Result rebuild(String projection, Consumer<Progress> progress) throws InterruptedException {
        if (!PROJECTIONS.contains(projection)) {
            throw new IllegalArgumentException(
                    "No projection '" + projection + "'; the read models are " + String.join(", ", PROJECTIONS));
        }
        StreamingEventProcessor processor = processing
                .eventProcessor(projection, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("The processor " + projection + " is not running"));
        long head = head();
        long events = jdbc.sql("select count(*) from domainevententry")
                .query(Long.class)
                .single();
        long started = System.nanoTime();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        while (true) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            long position = status.values().stream()
                    .mapToLong(s -> s.getCurrentPosition().orElse(-1))
                    .min()
                    .orElse(-1);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            progress.accept(new Progress(projection, position, head, elapsed));
            // Done when every segment has processed the newest event that existed when the rebuild began (Axon's
            // replay flag may stay set on an idle store, so the position decides).
            boolean done = !status.isEmpty() && position >= head;
            if (done || head < 0) {
                return new Result(projection, events, elapsed);
            }
            Thread.sleep(100);
        }
    }

    /** The global index of the newest event (-1 for an empty store). */
    long head() {
        Long head = jdbc.sql("select max(globalindex) from domainevententry")
                .query(Long.class)
                .single();
        return head == null ? -1 : head;
    }

    /** Reads every stored event's bytes in order, as fast as JDBC allows: the ceiling a rebuild is compared to. */
    public Result rawRead() throws SQLException {
        long started = System.nanoTime();
        long count = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // lets PostgreSQL stream the rows by the fetch size
            try (PreparedStatement query = connection.prepareStatement(
                    "select globalindex, payload, metadata from domainevententry order by globalindex")) {
                query.setFetchSize(1000);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        rows.getBytes(2);
                        count++;
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        return new Result("raw event read", count, Duration.ofNanos(System.nanoTime() - started));
    }
}
