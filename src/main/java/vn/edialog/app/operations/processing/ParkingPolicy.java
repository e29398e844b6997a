package vn.edialog.app.operations.processing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.edialog.command.text.Fit;

/**
 * When a handler fails: a transient failure, or a failure inside a batch of many events, is thrown on (the processor
 * rolls back and retries with back-off); any other failure is retried until the event has failed {@code maxAttempts}
 * times, then its dialogue's sequence is parked, with one WARN line. A parked event that fails again when retried stays
 * parked with its new cause; nothing is ever evicted but by an operator.
 */
final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ParkingPolicy.class);

    private final int maxAttempts;
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    ParkingPolicy(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("edialog.processing.dead-letter.max-attempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (letter instanceof JdbcDeadLetter<?>) {
            return Decisions.requeue(cause);
        }
        if (cause instanceof EventSavepoints.NotIsolated || Transience.isTransient(cause)) {
            throw rethrown(cause);
        }
        String group = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getResource(EventSavepoints.GROUP)
                : null;
        String key = group + "/" + letter.message().getIdentifier();
        int failed = attempts.merge(key, 1, Integer::sum);
        if (failed < maxAttempts) {
            throw rethrown(cause);
        }
        attempts.remove(key);
        log.warn(
                "Parked dialogue {} in processing group {}: {} failed {} times: {}",
                dialogue(letter.message()),
                group,
                letter.message().getPayloadType().getSimpleName(),
                failed,
                Fit.shorten(String.valueOf(rootCause(cause).getMessage()), 500));
        return Decisions.enqueue(cause);
    }

    static String dialogue(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier()
                : message.getIdentifier();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure instanceof EventSavepoints.NotIsolated ? failure.getCause() : failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static RuntimeException rethrown(Throwable cause) {
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
}
