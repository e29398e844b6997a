package vn.edialog.app;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.command.dialogue.DialogueAggregate;
import vn.edialog.command.serialization.EventJson;

/** Wires the write side (kept free of Spring) into the application. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AppConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Vietnamese working days: weekends, the decreed public holidays, day swaps and make-up Saturdays (bundled data,
     * extended or corrected by {@code edialog.calendar.schedule-file}), with the rules of the Labor Code for years
     * not decreed yet.
     */
    @Bean
    WorkingDayCalendar workingDayCalendar(@Value("${edialog.calendar.schedule-file:}") String scheduleFile) {
        return WorkingDayCalendar.vietnam(scheduleFile.isBlank() ? null : Path.of(scheduleFile));
    }

    /**
     * Recognises PostgreSQL's unique violation (SQLState 23505) anywhere in the cause chain, including the next
     * exception of a failed batch. Axon then reports a lost race on an aggregate's sequence number as a {@code
     * ConcurrencyException} (answered 409) instead of a generic event store failure.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql) {
                    for (SQLException next = sql; next != null; next = next.getNextException()) {
                        if ("23505".equals(next.getSQLState())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        };
    }

    /** Events are written with the event store's own, fixed JSON mapping (see {@link EventJson}). */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    }

    /** Commands and queries too, so that a command's payload reads like the event it becomes. */
    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    }

    /**
     * An event handler that throws makes its processor roll the batch back and handle it again (Axon's back-off:
     * one second, doubling up to a minute) instead of logging the failure and moving past the event, which is Axon's
     * default. A read model, a process or the mail outbox must never miss an event silently; an event that keeps
     * failing is parked with its dialogue in the processor's dead-letter queue ({@code app.deadletters}, ADR 011).
     */
    @Bean
    ConfigurerModule handlerFailuresAreRetried() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultListenerInvocationErrorHandler(axon -> PropagatingErrorHandler.instance()));
    }

    /** The Dialogue aggregate, event-sourced from the JDBC event store; its class stays package-private. */
    @Bean
    ConfigurerModule dialogueAggregate() {
        return configurer -> configurer.configureAggregate(configure(DialogueAggregate.type()));
    }

    private static <A> AggregateConfigurer<A> configure(Class<A> type) {
        return AggregateConfigurer.defaultConfiguration(type);
    }
}
