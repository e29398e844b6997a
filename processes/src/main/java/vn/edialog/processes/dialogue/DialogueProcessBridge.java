package vn.edialog.processes.dialogue;

import static vn.edialog.processes.dialogue.DialogueProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.command.dialogue.api.AnswerPublished;
import vn.edialog.command.dialogue.api.ClarificationProvided;
import vn.edialog.command.dialogue.api.ClarificationRequested;
import vn.edialog.command.dialogue.api.DeadlineExtended;
import vn.edialog.command.dialogue.api.DeadlineExtensionRefused;
import vn.edialog.command.dialogue.api.DeadlineExtensionRequested;
import vn.edialog.command.dialogue.api.DialogueAnswered;
import vn.edialog.command.dialogue.api.DialogueAsked;
import vn.edialog.command.dialogue.api.DialogueClosed;
import vn.edialog.command.dialogue.api.DialogueEscalated;
import vn.edialog.command.dialogue.api.DialogueForwarded;
import vn.edialog.command.dialogue.api.DialogueRejected;
import vn.edialog.command.dialogue.api.DialogueReopened;
import vn.edialog.command.dialogue.api.ForwardAcknowledged;
import vn.edialog.command.dialogue.api.ForwardReturned;
import vn.edialog.command.dialogue.api.SatisfactionRated;

/**
 * Events in: starts {@code DialogueProcess} on {@link DialogueAsked} and correlates every other dialogue event by
 * business key (the dialogue id) with the event's class name as message name, handing the event's facts over as
 * variables (strings shortened to fit Camunda's column, {@link FittingTexts}). An event no process waits for is logged at debug and dropped: redelivery after a crash therefore
 * changes nothing, and a start is skipped when the dialogue already has a process (running or in history).
 *
 * <p>Runs in the tracking processor's transaction, so the token update and the process change commit together. The
 * processing group is not replayed: a process is a state of its own, not a read model rebuilt from the events.
 */
@ProcessingGroup(DialogueProcessBridge.PROCESSING_GROUP)
@DisallowReplay
public class DialogueProcessBridge {

    public static final String PROCESSING_GROUP = "dialogue-process";

    private static final Logger log = LoggerFactory.getLogger(DialogueProcessBridge.class);

    private final RuntimeService runtime;
    private final HistoryService history;

    public DialogueProcessBridge(RuntimeService runtime, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
    }

    /** What a task shows for a confidential dialogue's subject: its content is read on the case page only. */
    static final String CONFIDENTIAL_SUBJECT = "Đối thoại bảo mật (confidential dialogue)";

    /** A confidential dialogue's free text is never a process variable: the forms link to the case page instead. */
    static final String CONFIDENTIAL_TEXT =
            "Nội dung bảo mật: xem trên trang hồ sơ (confidential: read it on the case page)";

    /** {@code text}, or the confidential placeholder when the event keeps it sealed (null). */
    private static String shown(String text) {
        return text == null ? CONFIDENTIAL_TEXT : text;
    }

    @EventHandler
    public void on(DialogueAsked event) {
        String businessKey = event.dialogueId().toString();
        if (hasProcess(businessKey)) {
            log.debug("Dialogue {} already has a {}; DialogueAsked starts nothing", businessKey, PROCESS_KEY);
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(DIALOGUE_ID, businessKey);
        variables.put(TENANT, event.tenant());
        variables.put(TRACKING_CODE, event.trackingCode());
        variables.put(TOPIC, event.topic());
        variables.put(SUBJECT, event.subject() == null ? CONFIDENTIAL_SUBJECT : event.subject());
        variables.put(ASKER_NAME, event.actor().name());
        variables.put("askerKind", event.actor().kind().name());
        variables.put(CONFIDENTIAL, event.confidential());
        variables.put(PUBLICATION_CONSENT, event.agreesToPublication());
        variables.put(QUESTION, PreparePublication.display(shown(event.body())));
        variables.put(MODERATOR_AGENCY, event.moderatorAgency());
        variables.put("askedAt", Values.date(event.at()));
        variables.put(TRIAGE_STARTED_AT, Values.date(event.at()));
        variables.put(TRIAGE_DUE_AT, Values.date(event.triageDueAt()));
        variables.put(TRIAGE_ESCALATION_LEVEL, 0);
        variables.put(ANSWER_ESCALATION_LEVEL, 0);
        runtime.createMessageCorrelation(DialogueAsked.class.getSimpleName())
                .processInstanceBusinessKey(businessKey)
                .setVariables(FittingTexts.variables(variables))
                .correlateStartMessage();
    }

    @EventHandler
    public void on(ClarificationRequested event) {
        correlate(
                event,
                event.dialogueId(),
                Map.of(
                        CLARIFICATION_DUE_AT,
                        Values.date(event.dueAt()),
                        "clarificationRequested",
                        shown(event.request()),
                        "clarificationRequestedBy",
                        event.requestedBy()));
    }

    @EventHandler
    public void on(ClarificationProvided event) {
        correlate(event, event.dialogueId(), Map.of("clarificationProvidedAt", Values.date(event.at())));
    }

    @EventHandler
    public void on(DialogueForwarded event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DEPARTMENT, event.department());
        variables.put(FORWARD_NUMBER, event.forwardNumber());
        variables.put(FORWARD_NOTE, shown(event.note()));
        variables.put(ANSWER_STARTED_AT, Values.date(event.at()));
        variables.put(ANSWER_DUE_AT, Values.date(event.dueAt()));
        // A new forward starts its escalation afresh, as the aggregate does.
        variables.put(ANSWER_ESCALATION_LEVEL, 0);
        variables.put(ANSWER_REMINDED_FOR, null);
        correlate(event, event.dialogueId(), variables);
    }

    @EventHandler
    public void on(ForwardAcknowledged event) {
        correlate(event, event.dialogueId(), Map.of("acknowledgedAt", Values.date(event.at())));
    }

    @EventHandler
    public void on(ForwardReturned event) {
        Map<String, Object> variables = new HashMap<>(Map.of(
                TRIAGE_STARTED_AT,
                Values.date(event.at()),
                "returnedBy",
                event.department(),
                "returnedReason",
                shown(event.reason())));
        if (event.triageDueAt() != null) {
            // The moderator's recorded deadline, which the triage stage's plan never shortens (revision 1: unchanged).
            variables.put(TRIAGE_DUE_AT, Values.date(event.triageDueAt()));
        }
        correlate(event, event.dialogueId(), variables);
    }

    @EventHandler
    public void on(DeadlineExtensionRequested event) {
        correlate(
                event,
                event.dialogueId(),
                Map.of(
                        REQUESTED_DUE_AT, Values.date(event.requestedDueAt()),
                        REQUESTED_DUE_DATE,
                                event.requestedDueAt()
                                        .atZone(WorkingDayCalendar.VIETNAM)
                                        .toLocalDate()
                                        .toString(),
                        REQUESTED_EXTENSION_REASON, shown(event.reason())));
    }

    @EventHandler
    public void on(DeadlineExtended event) {
        correlate(
                event,
                event.dialogueId(),
                Map.of(ANSWER_DUE_AT, Values.date(event.newDueAt()), ANSWER_STARTED_AT, Values.date(event.at())));
    }

    @EventHandler
    public void on(DeadlineExtensionRefused event) {
        correlate(event, event.dialogueId(), Map.of("extensionRefusedReason", shown(event.reason())));
    }

    @EventHandler
    public void on(DialogueAnswered event, @SequenceNumber long sequence) {
        if (hasPublication(event.dialogueId().toString(), sequence)) {
            // Redelivered: the first delivery moved both processes in the same transaction; its message would now end
            // the very decision it started.
            log.debug("Answer {} of dialogue {} was already delivered; ignored", sequence, event.dialogueId());
            return;
        }
        // Also ends a pending publication decision on an earlier answer (its boundary message) before a new one starts.
        correlate(
                event,
                event.dialogueId(),
                Map.of(
                        ANSWERED_AT,
                        Values.date(event.at()),
                        "answeringAgency",
                        event.answeringAgency(),
                        "answeredOnTime",
                        event.onTime()));
        startPublication(event, sequence);
    }

    /**
     * Starts {@code PublicationProcess} for this answer when the dialogue is not confidential and its asker agreed;
     * once per answer event (its sequence number), so redelivery starts nothing new.
     */
    private void startPublication(DialogueAnswered event, long sequence) {
        String businessKey = event.dialogueId().toString();
        ProcessInstance dialogue = runtime.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(businessKey)
                .singleResult();
        if (dialogue == null) {
            log.debug("No running {} for dialogue {}; no publication decision", PROCESS_KEY, businessKey);
            return;
        }
        Map<String, Object> facts = runtime.getVariables(
                dialogue.getId(),
                List.of(
                        TENANT,
                        TOPIC,
                        SUBJECT,
                        TRACKING_CODE,
                        MODERATOR_AGENCY,
                        CONFIDENTIAL,
                        PUBLICATION_CONSENT,
                        QUESTION,
                        "askedAt"));
        boolean confidential = Boolean.TRUE.equals(facts.get(CONFIDENTIAL));
        boolean consent = !Boolean.FALSE.equals(facts.get(PUBLICATION_CONSENT));
        if (confidential || !consent) {
            log.debug("Dialogue {} is confidential or its asker did not agree; no publication decision", businessKey);
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(DIALOGUE_ID, businessKey);
        variables.put(TENANT, facts.get(TENANT));
        variables.put(TOPIC, facts.get(TOPIC));
        variables.put(SUBJECT, facts.get(SUBJECT));
        variables.put(TRACKING_CODE, facts.get(TRACKING_CODE));
        variables.put(MODERATOR_AGENCY, facts.get(MODERATOR_AGENCY));
        variables.put(QUESTION, facts.get(QUESTION));
        variables.put(ASKED_AT, facts.get("askedAt"));
        variables.put(ANSWER_TEXT, PreparePublication.display(event.answer()));
        variables.put(ANSWERING_AGENCY, event.answeringAgency());
        variables.put(ANSWERED_AT, Values.date(event.at()));
        variables.put(ANSWER_SEQUENCE, sequence);
        runtime.startProcessInstanceByKey(PUBLICATION_PROCESS_KEY, businessKey, variables);
    }

    @EventHandler
    public void on(DialogueRejected event) {
        correlate(event, event.dialogueId(), Map.of("rejectedAs", event.code().name()));
    }

    @EventHandler
    public void on(DialogueClosed event) {
        correlate(
                event,
                event.dialogueId(),
                Map.of("closeReason", event.reason().name(), REOPENABLE_UNTIL, Values.date(event.reopenableUntil())));
    }

    @EventHandler
    public void on(DialogueReopened event) {
        correlate(
                event,
                event.dialogueId(),
                Map.of(
                        TRIAGE_STARTED_AT,
                        Values.date(event.at()),
                        TRIAGE_DUE_AT,
                        Values.date(event.triageDueAt()),
                        // A reopened dialogue starts its triage escalation afresh, as the aggregate does.
                        TRIAGE_ESCALATION_LEVEL,
                        0,
                        "reopenedReason",
                        shown(event.reason())));
    }

    @EventHandler
    public void on(SatisfactionRated event) {
        record(event, event.dialogueId(), Map.of("rating", event.rating()));
    }

    @EventHandler
    public void on(AnswerPublished event) {
        record(event, event.dialogueId(), Map.of("answerPublishedAt", Values.date(event.at())));
    }

    @EventHandler
    public void on(DialogueEscalated event) {
        record(
                event,
                event.dialogueId(),
                Map.of("lastEscalation", event.step() + "/" + event.level() + "/" + event.escalatedTo()));
    }

    private void correlate(Object event, UUID dialogueId, Map<String, Object> variables) {
        String message = event.getClass().getSimpleName();
        List<MessageCorrelationResult> results = runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(dialogueId.toString())
                .setVariables(FittingTexts.variables(variables))
                .correlateAllWithResult();
        if (results.isEmpty()) {
            log.debug("No {} of dialogue {} waits for {}; ignored", PROCESS_KEY, dialogueId, message);
        }
    }

    /** Facts that move no token: kept on the running process for the Tasklist and Cockpit. */
    private void record(Object event, UUID dialogueId, Map<String, Object> variables) {
        List<ProcessInstance> running = runtime.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(dialogueId.toString())
                .list();
        if (running.isEmpty()) {
            log.debug(
                    "No running {} for dialogue {}; {} not recorded",
                    PROCESS_KEY,
                    dialogueId,
                    event.getClass().getSimpleName());
        }
        for (ProcessInstance instance : running) {
            runtime.setVariables(instance.getId(), FittingTexts.variables(variables));
        }
    }

    /** Whether a publication decision (running or finished) exists for this answer event. */
    private boolean hasPublication(String businessKey, long sequence) {
        return runtime.createProcessInstanceQuery()
                                .processDefinitionKey(PUBLICATION_PROCESS_KEY)
                                .processInstanceBusinessKey(businessKey)
                                .variableValueEquals(ANSWER_SEQUENCE, sequence)
                                .count()
                        > 0
                || history.createHistoricProcessInstanceQuery()
                                .processDefinitionKey(PUBLICATION_PROCESS_KEY)
                                .processInstanceBusinessKey(businessKey)
                                .variableValueEquals(ANSWER_SEQUENCE, sequence)
                                .count()
                        > 0;
    }

    private boolean hasProcess(String businessKey) {
        return runtime.createProcessInstanceQuery()
                                .processDefinitionKey(PROCESS_KEY)
                                .processInstanceBusinessKey(businessKey)
                                .count()
                        > 0
                || history.createHistoricProcessInstanceQuery()
                                .processDefinitionKey(PROCESS_KEY)
                                .processInstanceBusinessKey(businessKey)
                                .count()
                        > 0;
    }
}
