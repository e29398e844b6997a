package vn.edialog.query.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Calls a projection's own {@code @EventHandler} methods with recorded events, passing the sequence number where a
 * handler asks for it with {@code @SequenceNumber}, and its {@code @ResetHandler}: the test drives exactly the code a
 * tracking processor would call, without the processor.
 */
public final class Projector {

    private Projector() {}

    /** Applies each event in order; an event the projection does not handle is skipped, as Axon does. */
    public static void apply(Object projection, List<Recorded> events) {
        events.forEach(event -> apply(projection, event));
    }

    public static void apply(Object projection, Recorded recorded) {
        handlerFor(projection.getClass(), recorded.event().getClass()).ifPresent(method -> {
            Object[] arguments = Arrays.stream(method.getParameters())
                    .map(parameter -> argument(parameter, recorded))
                    .toArray();
            invoke(projection, method, arguments);
        });
    }

    /**
     * Applies the events in batches of {@code batchSize}, each inside one unit of work committed at its end, as a
     * tracking processor does (so that {@link vn.edialog.query.BatchedWrites} collects the batch's writes).
     */
    public static void applyInBatches(Object projection, List<Recorded> events, int batchSize) {
        for (int from = 0; from < events.size(); from += batchSize) {
            UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
            events.subList(from, Math.min(events.size(), from + batchSize)).forEach(event -> apply(projection, event));
            batch.commit();
        }
    }

    /** Invokes the projection's reset handler, as Axon does before a replay. */
    public static void reset(Object projection) {
        Method reset = Arrays.stream(projection.getClass().getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(ResetHandler.class))
                .findFirst()
                .orElseThrow(() -> new AssertionError(projection.getClass() + " has no @ResetHandler"));
        invoke(projection, reset, new Object[0]);
    }

    /** Reset, then every event again in order: what a replay of the processing group does. */
    public static void rebuild(Object projection, List<Recorded> events) {
        reset(projection);
        apply(projection, events);
    }

    private static Optional<Method> handlerFor(Class<?> projection, Class<?> eventType) {
        List<Method> handlers = Arrays.stream(projection.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventHandler.class))
                .filter(method ->
                        method.getParameterCount() > 0 && method.getParameterTypes()[0].isAssignableFrom(eventType))
                .toList();
        if (handlers.size() > 1) {
            throw new AssertionError("several handlers for " + eventType + " in " + projection);
        }
        return handlers.stream().findFirst();
    }

    private static Object argument(Parameter parameter, Recorded recorded) {
        if (parameter.isAnnotationPresent(SequenceNumber.class)) {
            return recorded.sequence();
        }
        if (parameter.getType().isInstance(recorded.event())) {
            return recorded.event();
        }
        throw new AssertionError("cannot resolve handler parameter " + parameter);
    }

    private static void invoke(Object target, Method method, Object[] arguments) {
        try {
            method.setAccessible(true);
            method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
