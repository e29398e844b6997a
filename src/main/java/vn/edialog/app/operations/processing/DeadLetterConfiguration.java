package vn.edialog.app.operations.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.edialog.processes.dialogue.DialogueProcessBridge;

/**
 * A sequenced dead-letter queue in the application's database (table {@code deadletterentry}, Flyway V9) for every
 * event processor, the policy that decides when an event is parked, the savepoints that let a batch park one event, and
 * the {@code edialog_dead_letters} gauge (parked dialogues per processing group).
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    /** The mail outbox's processing group ({@code NotificationPolicy}, package-private there). */
    private static final String MAIL_OUTBOX = "notifications";

    @Bean
    EventSavepoints eventSavepoints(PlatformTransactionManager transactions) {
        return new EventSavepoints(transactions);
    }

    @Bean
    ConfigurerModule deadLetterQueues(
            ConnectionProvider connections,
            @Value("${edialog.processing.dead-letter.max-attempts:3}") int maxAttempts,
            @Value("${edialog.processing.dead-letter.max-sequences:100000}") int maxSequences,
            @Value("${edialog.processing.dead-letter.max-sequence-size:10000}") int maxSequenceSize) {
        ParkingPolicy policy = new ParkingPolicy(maxAttempts);
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing(processing -> {
                    processing
                            .registerDeadLetterQueueProvider(
                                    group -> axon -> queue(group, axon, connections, maxSequences, maxSequenceSize))
                            .registerDefaultDeadLetterPolicy(axon -> policy);
                    // Each segment remembers which of its dialogues are parked instead of asking the table for every
                    // event (that lookup cost a read model's rebuild up to a third of its rate).
                    for (String group : List.of(DialogueProcessBridge.PROCESSING_GROUP, MAIL_OUTBOX)) {
                        processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                                group, (axon, invoker) -> invoker.enableSequenceIdentifierCache());
                    }
                    // A rebuild replays every event into the read model: its parked letters are cleared with it.
                    for (String group : ProjectionRebuilder.PROJECTIONS) {
                        processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                                group,
                                (axon, invoker) -> invoker.allowReset(true).enableSequenceIdentifierCache());
                    }
                });
            }

            /** After Axon's own module, whose provider covers only groups with {@code dlq.enabled}. */
            @Override
            public int order() {
                return Integer.MAX_VALUE;
            }
        };
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> queue(
            String group,
            org.axonframework.config.Configuration axon,
            ConnectionProvider connections,
            int maxSequences,
            int maxSequenceSize) {
        return JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(group)
                .connectionProvider(connections)
                .transactionManager(axon.getComponent(TransactionManager.class))
                .schema(DeadLetterSchema.defaultSchema())
                .genericSerializer(axon.serializer())
                .eventSerializer(axon.eventSerializer())
                .maxSequences(maxSequences)
                .maxSequenceSize(maxSequenceSize)
                .build();
    }

    @Bean
    DeadLetters deadLetters(JdbcClient jdbc, EventProcessingConfiguration processing) {
        return new DeadLetters(jdbc, processing);
    }

    /** Only where the processors have their side effects (not in a command line's rebuild). */
    @Bean
    @ConditionalOnProperty(name = "edialog.side-effects", havingValue = "true", matchIfMissing = true)
    DeadLetterRetries deadLetterRetries(
            JdbcClient jdbc, PlatformTransactionManager transactions, DeadLetters deadLetters) {
        return new DeadLetterRetries(jdbc, new TransactionTemplate(transactions), deadLetters);
    }

    /** One gauge per processor: its parked dialogues, counted in the table at each scrape. */
    @EventListener(ApplicationReadyEvent.class)
    void registerGauges(ApplicationReadyEvent ready) {
        MeterRegistry registry = ready.getApplicationContext().getBean(MeterRegistry.class);
        DeadLetters letters = ready.getApplicationContext().getBean(DeadLetters.class);
        EventProcessingConfiguration processing =
                ready.getApplicationContext().getBean(EventProcessingConfiguration.class);
        for (String group : processing.eventProcessors().keySet()) {
            Gauge.builder("edialog_dead_letters", letters, found -> found.parkedSequences(group))
                    .description("Dialogues whose events are parked in the processing group's dead-letter queue")
                    .tag("processing_group", group)
                    .register(registry);
        }
    }
}
