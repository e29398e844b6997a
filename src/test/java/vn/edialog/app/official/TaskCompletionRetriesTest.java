package vn.edialog.app.official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A task completion that collided is tried again in a fresh transaction; anything else is not. */
class TaskCompletionRetriesTest {

    /** The rest of the chain: fails with optimistic locking {@code collisions} times, then answers. */
    private static TaskCompletionRetries.Interceptor chain(int collisions, AtomicInteger calls) {
        TaskCompletionRetries.Interceptor interceptor = new TaskCompletionRetries.Interceptor();
        interceptor.setNext(new CommandInterceptor() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T execute(Command<T> command) {
                if (calls.incrementAndGet() <= collisions) {
                    throw new OptimisticLockingException("Entity was updated by another transaction concurrently");
                }
                return (T) "done";
            }
        });
        return interceptor;
    }

    private static SubmitTaskFormCmd submit() {
        return new SubmitTaskFormCmd("task-1", Map.of(), false, false);
    }

    @Test
    void aSubmittedFormThatCollidedOnceIsTriedAgainAndGoesThrough() {
        AtomicInteger calls = new AtomicInteger();
        Object result = chain(2, calls).execute(submit());
        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(3);
    }

    @Test
    void itGivesUpAfterThreeAttempts() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> chain(5, calls).execute(submit())).isInstanceOf(OptimisticLockingException.class);
        assertThat(calls).hasValue(TaskCompletionRetries.ATTEMPTS);
    }

    @Test
    void otherCommandsAndCompletionsInsideATransactionAreNotRepeated() {
        AtomicInteger reads = new AtomicInteger();
        assertThatThrownBy(() -> chain(1, reads).execute(new GetTaskFormCmd("task-1")))
                .isInstanceOf(OptimisticLockingException.class);
        assertThat(reads).hasValue(1);

        AtomicInteger inside = new AtomicInteger();
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> chain(1, inside).execute(submit())).isInstanceOf(OptimisticLockingException.class);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(inside).hasValue(1);
    }
}
