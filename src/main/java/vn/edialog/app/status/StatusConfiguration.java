package vn.edialog.app.status;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.query.summary.DialogueSummaryProjection;

/** Registers the read side's projections (the query module stays free of Spring's component scanning). */
@Configuration(proxyBeanMethods = false)
class StatusConfiguration {

    @Bean
    DialogueSummaryProjection dialogueSummaryProjection(JdbcClient jdbc) {
        return new DialogueSummaryProjection(jdbc);
    }
}
