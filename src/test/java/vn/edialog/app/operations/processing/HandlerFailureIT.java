package vn.edialog.app.operations.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.command.dialogue.api.DialogueAsked;
import vn.edialog.command.pki.TestPki;

/**
 * An event handler that throws does not lose the event: its processor rolls the batch back and handles the event
 * again (Axon's default would log the failure and go on); one failure is far below the attempts after which the
 * dialogue would be parked ({@code DeadLetterIT}).
 */
@EDialogIntegrationTest
@Import(HandlerFailureIT.FailingOnce.class)
class HandlerFailureIT {

    @LocalServerPort
    int port;

    @Autowired
    Flaky flaky;

    @Test
    void anEventWhoseHandlerFailsIsHandledAgainInsteadOfSkipped() {
        UUID id = UUID.randomUUID();

        Api.Response asked = new Api(port)
                .post("/api/v1/dialogues", Envelopes.signed(TestPki.shared().business(), Envelopes.ask(id)));

        assertThat(asked.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> flaky.handled.contains(id));
        assertThat(flaky.attempts.get(id)).hasValue(2);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FailingOnce {
        @Bean
        Flaky flaky() {
            return new Flaky();
        }
    }

    /** Fails the first time it sees each dialogue's ask, as a handler would on a transient database error. */
    @ProcessingGroup("test-flaky")
    static class Flaky {

        final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final Set<UUID> handled = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(DialogueAsked event) {
            if (attempts.computeIfAbsent(event.dialogueId(), id -> new AtomicInteger())
                            .incrementAndGet()
                    == 1) {
                throw new IllegalStateException("transient failure of " + event.dialogueId());
            }
            handled.add(event.dialogueId());
        }
    }
}
