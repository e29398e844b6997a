package vn.edialog.app.operations.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One PostgreSQL for everything (event store, tokens, Camunda, read models): external when {@code edialog.db.url} is
 * set, otherwise an embedded server whose data lives under {@code ${edialog.data-dir}/postgres}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DataSourceConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnExpression("'${edialog.db.url:}'.isBlank()")
    EmbeddedDatabase embeddedDatabase(@Value("${edialog.data-dir:./data}") Path dataDir) {
        return EmbeddedDatabase.start(dataDir.resolve("postgres"));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("edialog");
        config.setMaximumPoolSize(properties.poolSizeOrDefault());
        if (properties.connectionTimeout() != null) {
            config.setConnectionTimeout(properties.connectionTimeout().toMillis());
        }
        if (properties.embedded()) {
            EmbeddedDatabase database = embedded.getObject();
            config.setJdbcUrl(database.jdbcUrl(EmbeddedDatabase.DATABASE));
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
        }
        return new HikariDataSource(config);
    }
}
