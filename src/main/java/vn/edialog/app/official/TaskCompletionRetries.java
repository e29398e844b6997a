package vn.edialog.app.official;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.edialog.processes.dialogue.CommandInterceptors;

/**
 * An official's completed task is tried again when it collided with the process bridge moving the same process
 * instance at that instant (Camunda's optimistic locking; on PostgreSQL the whole transaction was rolled back, the
 * signed event with it): up to {@link #ATTEMPTS} times, each in a transaction of its own, and only for a completion
 * that runs in no outer transaction (the Tasklist's and the REST API's), so nothing half done is ever repeated. Without
 * it the official got a 500 and had to submit again.
 */
final class TaskCompletionRetries extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(TaskCompletionRetries.class);

    static final int ATTEMPTS = 3;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptors.prepend(configuration, new Interceptor());
    }

    static final class Interceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            boolean retryable = (command instanceof SubmitTaskFormCmd || command instanceof CompleteTaskCmd)
                    && Context.getCommandContext() == null
                    && !TransactionSynchronizationManager.isActualTransactionActive();
            for (int attempt = 1; ; attempt++) {
                try {
                    return next.execute(command);
                } catch (OptimisticLockingException e) {
                    if (!retryable || attempt >= ATTEMPTS) {
                        throw e;
                    }
                    log.info(
                            "Task completion collided with a concurrent change of its process (attempt {} of {}): {}",
                            attempt,
                            ATTEMPTS,
                            e.getMessage());
                    try {
                        Thread.sleep(50L * attempt);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        }
    }
}
