package vn.edialog.processes.dialogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import vn.edialog.command.text.Fit;

/**
 * Makes the texts the engine writes fit Camunda's columns, whatever a model or an event puts in them: the name of
 * every user task of every deployed model ({@code ACT_RU_TASK.NAME_}, {@code ACT_HI_TASKINST.NAME_}) and its
 * description, shortened with "…" when their expressions are evaluated; and, through {@link #variables}, the string
 * process variables ({@code ACT_RU_VARIABLE.TEXT_}, on PostgreSQL a {@code varchar(4000)}). A model added later (a
 * task named "Công bố: ${subject}") is covered without remembering it.
 */
public final class FittingTexts extends AbstractProcessEnginePlugin {

    /** {@code ACT_RU_TASK.NAME_} and {@code ACT_HI_TASKINST.NAME_}. */
    public static final int TASK_NAME_MAX = 255;
    /** {@code ACT_RU_TASK.DESCRIPTION_} and {@code ACT_HI_TASKINST.DESCRIPTION_}. */
    public static final int TASK_DESCRIPTION_MAX = 4000;
    /** {@code ACT_RU_VARIABLE.TEXT_} (and its history): a longer string variable fails on PostgreSQL. */
    public static final int VARIABLE_TEXT_MAX = 4000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    TaskDefinition task = userTask.getTaskDefinition();
                    if (task.getNameExpression() != null) {
                        task.setNameExpression(new Shortened(task.getNameExpression(), TASK_NAME_MAX));
                    }
                    if (task.getDescriptionExpression() != null) {
                        task.setDescriptionExpression(
                                new Shortened(task.getDescriptionExpression(), TASK_DESCRIPTION_MAX));
                    }
                }
            }
        });
    }

    /** The variables with every string shortened to {@link #VARIABLE_TEXT_MAX} (a new map; nulls kept). */
    public static Map<String, Object> variables(Map<String, ?> variables) {
        Map<String, Object> fitting = new HashMap<>();
        variables.forEach((name, value) ->
                fitting.put(name, value instanceof String text ? Fit.shorten(text, VARIABLE_TEXT_MAX) : value));
        return fitting;
    }

    /** An expression whose text value is shortened to a limit. */
    private record Shortened(Expression expression, int max) implements Expression {

        @Override
        public Object getValue(VariableScope variableScope) {
            Object value = expression.getValue(variableScope);
            return value == null ? null : Fit.shorten(value.toString(), max);
        }

        @Override
        public void setValue(Object value, VariableScope variableScope) {
            expression.setValue(value, variableScope);
        }

        @Override
        public String getExpressionText() {
            return expression.getExpressionText();
        }

        @Override
        public boolean isLiteralText() {
            return expression.isLiteralText();
        }
    }
}
