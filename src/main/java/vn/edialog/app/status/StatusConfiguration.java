package vn.edialog.app.status;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.query.inbox.PartyInboxProjection;
import vn.edialog.query.portal.PublishedDialogueProjection;
import vn.edialog.query.sla.SlaFactsProjection;
import vn.edialog.query.summary.DialogueSummaryProjection;
import vn.edialog.query.timeline.DialogueTimelineProjection;

/**
 * Registers the read side's projections, one tracking processor each (the query module stays free of Spring's
 * component scanning).
 */
@Configuration(proxyBeanMethods = false)
class StatusConfiguration {

    @Bean
    DialogueSummaryProjection dialogueSummaryProjection(JdbcClient jdbc) {
        return new DialogueSummaryProjection(jdbc);
    }

    @Bean
    DialogueTimelineProjection dialogueTimelineProjection(JdbcClient jdbc) {
        return new DialogueTimelineProjection(jdbc);
    }

    @Bean
    PublishedDialogueProjection publishedDialogueProjection(JdbcClient jdbc) {
        return new PublishedDialogueProjection(jdbc);
    }

    @Bean
    PartyInboxProjection partyInboxProjection(JdbcClient jdbc) {
        return new PartyInboxProjection(jdbc);
    }

    @Bean
    SlaFactsProjection slaFactsProjection(JdbcClient jdbc, WorkingDayCalendar calendar) {
        return new SlaFactsProjection(jdbc, calendar);
    }
}
