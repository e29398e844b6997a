package vn.edialog.app;

import java.time.Clock;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.command.dialogue.DialogueAggregate;

/** Wires the write side (kept free of Spring) into the application. */
@Configuration(proxyBeanMethods = false)
class AppConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    WorkingDayCalendar workingDayCalendar() {
        return WorkingDayCalendar.weekendsOnly();
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
