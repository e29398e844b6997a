package vn.edialog.app.official;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.edialog.processes.dialogue.DialogueProcess;

/**
 * The officials' queues: saved Tasklist filters, shared by everyone and evaluated for the logged-in user's groups
 * (Vietnamese names, English in the description). Created at start-up when missing; an administrator's edits of an
 * existing filter are kept.
 */
@Component
class TasklistFilters {

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);
    private static final String MY_GROUPS = "${currentUserGroups()}";

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    private record Queue(String name, String description, int priority, String color, TaskQuery query) {}

    List<Queue> queues() {
        return List.of(
                new Queue(
                        "Chờ phân loại",
                        "Awaiting triage: new and returned dialogues for the People's Committee",
                        -10,
                        "#1f6feb",
                        mine().taskDefinitionKey(DialogueProcess.TASK_TRIAGE)),
                new Queue(
                        "Chuyển đến đơn vị tôi",
                        "Forwarded to my department",
                        -9,
                        "#2da44e",
                        mine().taskDefinitionKey(DialogueProcess.TASK_ANSWER_FORWARD)),
                new Queue(
                        "Đề nghị gia hạn",
                        "Extension requests to decide",
                        -8,
                        "#8250df",
                        mine().taskDefinitionKey(DialogueProcess.TASK_DECIDE_EXTENSION)),
                new Queue(
                        "Sắp đến hạn",
                        "Due within two days",
                        -7,
                        "#d29922",
                        mine().dueAfterExpression("${now()}")
                                .dueBeforeExpression("${dateTime().plusDays(2).toDate()}")),
                new Queue("Quá hạn", "Overdue", -6, "#cf222e", mine().dueBeforeExpression("${now()}")),
                new Queue(
                        "Chuyển lên tôi",
                        "Escalated to me: overdue tasks raised to my agency's or the province's leaders",
                        -5,
                        "#bf3989",
                        mine().taskVariableValueLike(DialogueProcess.ESCALATED_TO, "%")),
                new Queue(
                        "Chờ công bố",
                        "Answers awaiting the publication decision",
                        -4,
                        "#0969da",
                        mine().taskDefinitionKey(DialogueProcess.TASK_PUBLISH_ANSWER)));
    }

    private TaskQuery mine() {
        return tasks.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks();
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        for (Queue queue : queues()) {
            if (filters.createFilterQuery().filterName(queue.name()).count() > 0) {
                continue;
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("description", queue.description());
            properties.put("priority", queue.priority());
            properties.put("color", queue.color());
            properties.put("refresh", true);
            Filter filter = filters.newTaskFilter(queue.name())
                    .setOwner(null)
                    .setProperties(properties)
                    .setQuery(queue.query());
            filters.saveFilter(filter);
            log.info("Created the Tasklist filter '{}'", queue.name());
        }
    }
}
