package vn.edialog.app.operations.processing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.query.inbox.PartyInboxProjection;
import vn.edialog.query.inbox.PartyInboxQueries;
import vn.edialog.query.portal.PublishedDialogueProjection;
import vn.edialog.query.portal.PublishedDialogueQueries;
import vn.edialog.query.sla.SlaFactsProjection;
import vn.edialog.query.sla.SlaFactsQueries;
import vn.edialog.query.summary.DialogueSummaryProjection;
import vn.edialog.query.summary.DialogueSummaryQueries;
import vn.edialog.query.timeline.DialogueTimelineProjection;
import vn.edialog.query.timeline.DialogueTimelineQueries;

/**
 * Registers the read side's projections and their processors (the query module stays free of Spring's component
 * scanning). They write through JDBC batches, hence the named-parameter template rather than the client.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    /**
     * One tracking processor per read model, with {@code segments} segments and as many threads. Events are split
     * among the segments by dialogue, so each dialogue's events are still handled in order, by one thread; the
     * segments of one read model share no rows but the timeline's certificate chains, which are written in one order.
     * Each thread reads the whole stream and handles its share: a replay writes in parallel (1.2 to 1.5 times the rate
     * of one segment on two cores), and the nodes of a cluster can claim different segments. The count is fixed when
     * the processor's tokens are first created; a database created with one segment keeps it.
     *
     * <p>A thread takes up to {@code batch-size} events per transaction: the handlers are idempotent and send their
     * writes as JDBC batches at commit, so a replay costs few round trips and commits, while live a batch holds just
     * what has arrived.
     *
     * <p>An idle thread waits up to {@code event-wait} for new events, then renews its token claim (one small update)
     * and waits again; stopping the processor (as a rebuild does) waits for that wait to end. Axon's default of one
     * second made the stop most of a rebuild's fixed cost on a store of 30,000 events. Events appended on this node
     * arrive at once either way; those of other nodes are polled by the event store.
     */
    @Bean
    ConfigurerModule readModelProcessors(
            @Value("${edialog.read-models.segments}") int segments,
            @Value("${edialog.read-models.batch-size}") int batchSize,
            @Value("${edialog.read-models.event-wait}") Duration eventWait) {
        return configurer -> configurer.eventProcessing(
                processing -> ProjectionRebuilder.PROJECTIONS.forEach(name -> processing.registerTrackingEventProcessor(
                        name,
                        org.axonframework.config.Configuration::eventStore,
                        axon -> TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                                .andInitialSegmentsCount(segments)
                                .andBatchSize(batchSize)
                                .andEventAvailabilityTimeout(eventWait.toMillis(), TimeUnit.MILLISECONDS))));
    }

    @Bean
    DialogueSummaryProjection dialogueSummaryProjection(NamedParameterJdbcOperations jdbc) {
        return new DialogueSummaryProjection(jdbc);
    }

    @Bean
    DialogueSummaryQueries dialogueSummaryQueries(NamedParameterJdbcOperations jdbc) {
        return new DialogueSummaryQueries(jdbc);
    }

    @Bean
    DialogueTimelineProjection dialogueTimelineProjection(NamedParameterJdbcOperations jdbc) {
        return new DialogueTimelineProjection(jdbc);
    }

    @Bean
    DialogueTimelineQueries dialogueTimelineQueries(NamedParameterJdbcOperations jdbc) {
        return new DialogueTimelineQueries(jdbc);
    }

    @Bean
    PublishedDialogueProjection publishedDialogueProjection(NamedParameterJdbcOperations jdbc) {
        return new PublishedDialogueProjection(jdbc);
    }

    @Bean
    PublishedDialogueQueries publishedDialogueQueries(NamedParameterJdbcOperations jdbc) {
        return new PublishedDialogueQueries(jdbc);
    }

    @Bean
    PartyInboxProjection partyInboxProjection(NamedParameterJdbcOperations jdbc) {
        return new PartyInboxProjection(jdbc);
    }

    @Bean
    PartyInboxQueries partyInboxQueries(NamedParameterJdbcOperations jdbc) {
        return new PartyInboxQueries(jdbc);
    }

    @Bean
    SlaFactsProjection slaFactsProjection(NamedParameterJdbcOperations jdbc, WorkingDayCalendar calendar) {
        return new SlaFactsProjection(jdbc, calendar);
    }

    @Bean
    SlaFactsQueries slaFactsQueries(NamedParameterJdbcOperations jdbc) {
        return new SlaFactsQueries(jdbc);
    }
}
