package vn.edialog.app.operations.processing;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.edialog.query.BatchedWrites;

/**
 * Makes an event's failure that event's own, so that the dead-letter queue can park it while its batch-mates commit.
 *
 * <p>An event handled <em>alone</em> runs in a savepoint of the processor's transaction, and the read models' batched
 * writes are sent before the savepoint is released: a failing statement (PostgreSQL then refuses every later one of the
 * transaction) or a Camunda command that marks the transaction rollback-only is rolled back to the savepoint, and the
 * transaction stays usable for the dead letter and the other events. An event is handled alone when its unit of work
 * holds only it (the process bridge, the mail outbox, a retry of parked events) or when the last batch of its
 * processing group rolled back (isolation).
 *
 * <p>The savepoint is one handler's: every processing group of the product has one handler class, so it is one
 * event's. (In a group of several classes, a class that handled the event before another failed would keep its effect
 * and handle the event again on retry.)
 *
 * <p>In a batch of many events (the read models, up to 1,000) events are handled as before, with their writes sent at
 * commit: a failure there is not attributed ({@link NotIsolated}), the batch rolls back and is retried with Axon's
 * back-off, event by event this time, until it commits; then the group goes back to batches.
 */
final class EventSavepoints implements HandlerEnhancerDefinition {

    /** The unit of work's resource naming the processing group whose handler runs (for {@link ParkingPolicy}). */
    static final String GROUP = EventSavepoints.class.getName() + ".group";

    private final TransactionTemplate savepoint;
    private final Set<String> isolating = ConcurrentHashMap.newKeySet();

    EventSavepoints(PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(org.axonframework.eventhandling.EventMessage.class)) {
            return original;
        }
        Class<?> declaring = original.declaringClass();
        ProcessingGroup annotation = declaring.getAnnotation(ProcessingGroup.class);
        String group = annotation != null ? annotation.value() : declaring.getPackageName();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!CurrentUnitOfWork.isStarted()) {
                    return super.handle(message, target);
                }
                UnitOfWork<?> unit = CurrentUnitOfWork.get().root();
                String worker = watch(unit, group);
                boolean alone = isolating.contains(worker)
                        || !(unit instanceof BatchingUnitOfWork<?> batch
                                && batch.getMessages().size() > 1);
                if (!alone) {
                    try {
                        return super.handle(message, target);
                    } catch (Exception e) {
                        throw new NotIsolated(e);
                    }
                }
                try {
                    return savepoint.execute(status -> {
                        try {
                            Object result = super.handle(message, target);
                            BatchedWrites.flushAll();
                            return result;
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new Checked(e);
                        }
                    });
                } catch (Checked e) {
                    throw (Exception) e.getCause();
                }
            }
        };
    }

    /**
     * Once per unit of work and group: a rollback isolates the next attempt of the same segment, a commit of that
     * segment ends it (the other segments of the group go on in batches).
     */
    private String watch(UnitOfWork<?> unit, String group) {
        String worker = group + "#" + segment(unit);
        unit.getOrComputeResource(GROUP + "." + worker, key -> {
            unit.onRollback(u -> isolating.add(worker));
            unit.afterCommit(u -> isolating.remove(worker));
            return Boolean.TRUE;
        });
        unit.resources().put(GROUP, group);
        return worker;
    }

    /** The segment a tracking processor's unit of work handles (resource "Processor[name]/SegmentId"), if any. */
    private static Object segment(UnitOfWork<?> unit) {
        for (Map.Entry<String, Object> resource : unit.resources().entrySet()) {
            if (resource.getKey().startsWith("Processor[") && resource.getKey().endsWith("]/SegmentId")) {
                return resource.getValue();
            }
        }
        return "";
    }

    /** A failure inside a batch of many events: retried event by event before anything is parked. */
    static final class NotIsolated extends RuntimeException {
        NotIsolated(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final class Checked extends RuntimeException {
        Checked(Exception cause) {
            super(cause);
        }
    }
}
