package vn.edialog.app.operations.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway must migrate our schema before Camunda creates its tables: Flyway refuses a non-empty schema without its
 * history table, and whichever bean first asks for a Camunda service would otherwise decide the order.
 */
@Configuration(proxyBeanMethods = false)
class CamundaAfterFlyway {

    private static final List<String> CAMUNDA_BEANS =
            List.of("processEngineConfigurationImpl", "processEngineFactoryBean");
    private static final String FLYWAY = "flywayInitializer";

    @Bean
    static BeanFactoryPostProcessor camundaDependsOnFlyway() {
        return CamundaAfterFlyway::addDependency;
    }

    private static void addDependency(ConfigurableListableBeanFactory factory) {
        if (!factory.containsBeanDefinition(FLYWAY)) {
            return;
        }
        for (String name : CAMUNDA_BEANS) {
            if (factory.containsBeanDefinition(name)) {
                BeanDefinition definition = factory.getBeanDefinition(name);
                List<String> dependsOn = new ArrayList<>(
                        definition.getDependsOn() == null ? List.of() : Arrays.asList(definition.getDependsOn()));
                if (!dependsOn.contains(FLYWAY)) {
                    dependsOn.add(FLYWAY);
                    definition.setDependsOn(dependsOn.toArray(String[]::new));
                }
            }
        }
    }
}
