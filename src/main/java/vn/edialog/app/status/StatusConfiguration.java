package vn.edialog.app.status;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.query.inbox.PartyInboxProjection;
import vn.edialog.query.portal.PublishedDialogueProjection;
import vn.edialog.query.sla.SlaFactsProjection;
import vn.edialog.query.summary.DialogueSummaryProjection;
import vn.edialog.query.timeline.DialogueTimelineProjection;

/**
 * Registers the read side's projections, one tracking processor each (the query module stays free of Spring's
 * component scanning). They write through JDBC batches, hence the named-parameter template rather than the client.
 */
@Configuration(proxyBeanMethods = false)
class StatusConfiguration {

    @Bean
    DialogueSummaryProjection dialogueSummaryProjection(NamedParameterJdbcOperations jdbc) {
        return new DialogueSummaryProjection(jdbc);
    }

    @Bean
    DialogueTimelineProjection dialogueTimelineProjection(NamedParameterJdbcOperations jdbc) {
        return new DialogueTimelineProjection(jdbc);
    }

    @Bean
    PublishedDialogueProjection publishedDialogueProjection(NamedParameterJdbcOperations jdbc) {
        return new PublishedDialogueProjection(jdbc);
    }

    @Bean
    PartyInboxProjection partyInboxProjection(NamedParameterJdbcOperations jdbc) {
        return new PartyInboxProjection(jdbc);
    }

    @Bean
    SlaFactsProjection slaFactsProjection(NamedParameterJdbcOperations jdbc, WorkingDayCalendar calendar) {
        return new SlaFactsProjection(jdbc, calendar);
    }
}
