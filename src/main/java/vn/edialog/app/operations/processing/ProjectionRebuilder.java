package vn.edialog.app.operations.processing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
    private static final long POLL_MILLIS = 10;

    private static final long PROGRESS_INTERVAL_NANOS = Duration.ofMillis(100).toNanos();

    public static final List<String> PROJECTIONS = List.of(
            DialogueSummaryProjection.PROCESSING_GROUP,
            DialogueTimelineProjection.PROCESSING_GROUP,
            PublishedDialogueProjection.PROCESSING_GROUP,
            PartyInboxProjection.PROCESSING_GROUP,
            SlaFactsProjection.PROCESSING_GROUP);

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;

    ProjectionRebuilder(EventProcessingConfiguration processing, JdbcClient jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
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

    /**
     * The outcome of rebuilding one projection.
     *
     * @param took from stopping the processor until it had replayed the newest event of the store
     * @param stopping stopping the processor (a worker waiting for new events notices after up to a second)
     * @param resetting resetting its tokens, the reset handler emptying the read model's tables
     * @param claiming starting it until every segment is claimed again; with the two above the fixed overhead of a
     *     rebuild
     */
    public record Result(
            String projection, long events, Duration took, Duration stopping, Duration resetting, Duration claiming) {

        /** The fixed part of {@code took}: stopping, resetting and claiming. */
        public Duration overhead() {
            return stopping.plus(resetting).plus(claiming);
        }

        /** Events per second over the whole rebuild, fixed overhead included. */
        public double eventsPerSecond() {
            return rate(events, took);
        }

        /** Events per second once the processor replays, fixed overhead excluded. */
        public double replayEventsPerSecond() {
            return rate(events, took.minus(overhead()));
        }

        private static double rate(long events, Duration duration) {
            long nanos = duration.toNanos();
            return nanos <= 0 ? events : events * 1e9 / nanos;
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
        long segments = jdbc.sql("select count(*) from tokenentry where processorname = :name")
                .param("name", projection)
                .query(Long.class)
                .single();
        long started = System.nanoTime();
        processor.shutDown();
        long stopped = System.nanoTime();
        processor.resetTokens();
        long reset = System.nanoTime();
        processor.start();
        Duration claiming = null;
        long reported = 0;
        while (true) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            long now = System.nanoTime();
            if (claiming == null && !status.isEmpty() && status.size() >= segments) {
                claiming = Duration.ofNanos(now - reset); // every segment claimed: from here on it replays
            }
            long position = status.values().stream()
                    .mapToLong(s -> s.getCurrentPosition().orElse(-1))
                    .min()
                    .orElse(-1);
            Duration elapsed = Duration.ofNanos(now - started);
            // Done when every segment has processed the newest event that existed when the rebuild began (Axon's
            // replay flag may stay set on an idle store, so the position decides).
            boolean done = !status.isEmpty() && position >= head;
            if (done || head < 0 || now - reported >= PROGRESS_INTERVAL_NANOS) {
                progress.accept(new Progress(projection, position, head, elapsed));
                reported = now;
            }
            if (done || head < 0) {
                return new Result(
                        projection,
                        events,
                        elapsed,
                        Duration.ofNanos(stopped - started),
                        Duration.ofNanos(reset - stopped),
                        claiming == null ? Duration.ofNanos(now - reset) : claiming);
            }
            // Polling is cheap (the status is in memory): a short interval keeps the measured duration exact.
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** The global index of the newest event (-1 for an empty store). */
    long head() {
        // coalesce: JdbcClient's single() refuses a null value, which max() gives for an empty store.
        return jdbc.sql("select coalesce(max(globalindex), -1) from domainevententry")
                .query(Long.class)
                .single();
    }
}
