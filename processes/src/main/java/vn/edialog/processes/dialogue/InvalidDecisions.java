package vn.edialog.processes.dialogue;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Makes an {@link InvalidDecision} a client error. Camunda wraps whatever a task listener throws into a plain {@link
 * ProcessEngineException}, which its REST API (and the Tasklist's) answers with a 500; an outermost command
 * interceptor turns it into a {@link FormFieldValidationException}, which both answer with a 400 and the decision's
 * message. The command's transaction is rolled back either way.
 */
public final class InvalidDecisions extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptors.prepend(configuration, new Interceptor());
    }

    static final class Interceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (FormFieldValidationException e) {
                throw e;
            } catch (ProcessEngineException e) {
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    if (cause instanceof InvalidDecision invalid) {
                        throw new FormFieldValidationException("decision", invalid.getMessage(), invalid);
                    }
                }
                throw e;
            }
        }
    }
}
