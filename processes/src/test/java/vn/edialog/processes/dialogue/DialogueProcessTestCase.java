package vn.edialog.processes.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import vn.edialog.command.calendar.WorkingDayCalendar;

/**
 * The real engine on PostgreSQL, the real models, the bridge fed with event records, and a movable clock.
 * camunda-bpm-assert ({@link BpmnAwareTests}) is bound to the engine for each test: assert on
 * {@link #dialogueProcess()}.
 */
abstract class DialogueProcessTestCase {

    /** Thursday 5 June 2025, 10:00 in Vietnam: the weekend comes after one working day. */
    static final Instant THURSDAY_MORNING = vn(2025, 6, 5, 10, 0);

    static final String MODERATOR = "can-bo-ubnd";
    static final String OFFICER = "can-bo-skhdt";

    final RecordingDialogueActions actions = TestEngine.ACTIONS;
    final RecordingReminders reminders = TestEngine.REMINDERS;
    final WorkingDayCalendar calendar = TestEngine.CALENDAR;
    final UUID dialogue = UUID.randomUUID();

    ProcessEngine engine;
    RuntimeService runtime;
    TaskService tasks;
    ManagementService management;
    HistoryService history;
    IdentityService identity;
    DialogueProcessBridge bridge;
    private ProcessInstance seenRunning;

    @BeforeEach
    void startEngine() {
        engine = TestEngine.get();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        management = engine.getManagementService();
        history = engine.getHistoryService();
        identity = engine.getIdentityService();
        bridge = new DialogueProcessBridge(runtime, history);
        BpmnAwareTests.init(engine);
        at(THURSDAY_MORNING);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    static Instant vn(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute)
                .atZone(WorkingDayCalendar.VIETNAM)
                .toInstant();
    }

    void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Moves the clock and executes every job due by then, as the job executor would. */
    void advanceTo(Instant instant) {
        at(instant);
        executeDueJobs();
    }

    void executeDueJobs() {
        for (int round = 0; round < 20; round++) {
            ProcessInstance process = process();
            if (process == null) {
                return;
            }
            List<Job> due = management
                    .createJobQuery()
                    .processInstanceId(process.getId())
                    .executable()
                    .list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
            }
        }
        throw new AssertionError("jobs keep becoming due; a timer loops");
    }

    /** The dialogue is asked now, due for triage in two working days as the write side records it. */
    void ask() {
        bridge.on(Events.asked(dialogue, now(), calendar.dueAt(now(), 2)));
        process();
    }

    /** The dialogue's running process instance, or null. */
    ProcessInstance process() {
        ProcessInstance running = runtime.createProcessInstanceQuery()
                .processDefinitionKey(DialogueProcess.PROCESS_KEY)
                .processInstanceBusinessKey(dialogue.toString())
                .singleResult();
        if (running != null) {
            seenRunning = running;
        }
        return running;
    }

    /**
     * The dialogue's process instance for bpm-assert's {@code assertThat}, running or ended. Fails unless exactly one
     * DialogueProcess was ever started for the dialogue, so that assertions on this instance say as much as queries by
     * the dialogue's business key.
     */
    ProcessInstance dialogueProcess() {
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey(DialogueProcess.PROCESS_KEY)
                        .processInstanceBusinessKey(dialogue.toString())
                        .count())
                .as("DialogueProcess instances started for the dialogue")
                .isEqualTo(1);
        process();
        assertThat(seenRunning).as("the dialogue's process, seen while it ran").isNotNull();
        return seenRunning;
    }

    List<String> waitingAt() {
        ProcessInstance process = process();
        return process == null ? List.of() : runtime.getActiveActivityIds(process.getId());
    }

    Task task(String taskKey) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(dialogue.toString())
                .taskDefinitionKey(taskKey)
                .singleResult();
    }

    Object variable(String name) {
        return runtime.getVariable(process().getId(), name);
    }

    /** Completes the task as the given official would in the Tasklist. */
    void complete(String taskKey, String userId, Map<String, Object> form) {
        Task task = task(taskKey);
        assertThat(task).as("open task " + taskKey).isNotNull();
        identity.setAuthenticatedUserId(userId);
        try {
            tasks.complete(task.getId(), form);
        } finally {
            identity.clearAuthentication();
        }
    }

    List<RecordingDialogueActions.Call> calls(String action) {
        return actions.calls(dialogue, action);
    }

    /** Triage done by forwarding to skhdt now, as the write side records it. */
    Instant forwardNow() {
        complete(
                DialogueProcess.TASK_TRIAGE,
                MODERATOR,
                Map.of("decision", "forward", "forwardTo", "skhdt", "note", "Đề nghị Sở trả lời"));
        Instant dueAt = (Instant) calls("forward").get(0).fields().get(2);
        bridge.on(Events.forwarded(dialogue, 1, "skhdt", dueAt, now()));
        return dueAt;
    }
}
