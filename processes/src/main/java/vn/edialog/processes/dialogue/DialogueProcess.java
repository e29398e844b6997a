package vn.edialog.processes.dialogue;

import java.util.List;
import vn.edialog.command.dialogue.api.EscalationStep;

/** Names shared by {@code bpmn/dialogue.bpmn} and its Java glue: keys, steps, variables. */
public final class DialogueProcess {

    public static final String PROCESS_KEY = "DialogueProcess";
    /** Every model of the edialog-bpmn module, as classpath resources, for a deployment. */
    public static final List<String> MODEL_RESOURCES = List.of(
            "bpmn/dialogue.bpmn",
            "bpmn/routing.dmn",
            "bpmn/deadlines.dmn",
            "bpmn/triage-dialogue.form",
            "bpmn/answer-forward.form",
            "bpmn/decide-extension.form",
            "bpmn/publication.bpmn",
            "bpmn/publish-answer.form");

    /** The Camunda group of an agency's leaders, who receive its escalations (candidate groups follow the same form). */
    public static String leadersGroup(String tenant, String agency) {
        return tenant + "-" + agency + "-leaders";
    }

    public static final String SUGGEST_DEPARTMENT_DECISION = "SuggestDepartment";
    public static final String DEADLINES_DECISION = "Deadlines";

    /** The steps whose deadlines are reminded and escalated; the process variable {@code step} holds their names. */
    public static final EscalationStep STEP_TRIAGE = EscalationStep.TRIAGE;

    public static final EscalationStep STEP_ANSWER = EscalationStep.ANSWER;

    public static final String TASK_TRIAGE = "Task_TriageDialogue";
    public static final String TASK_ANSWER_FORWARD = "Task_AnswerForward";
    public static final String TASK_DECIDE_EXTENSION = "Task_DecideExtension";

    /** {@code bpmn/publication.bpmn}: one instance per publishable answer, beside the dialogue's own process. */
    public static final String PUBLICATION_PROCESS_KEY = "PublicationProcess";

    public static final String TASK_PUBLISH_ANSWER = "Task_PublishAnswer";

    /** Priority of a task once its reminder fired (tasks start at 50). */
    public static final int REMINDED_PRIORITY = 80;

    // Facts of the dialogue, set from its events by the bridge.
    public static final String DIALOGUE_ID = "dialogueId";
    public static final String TENANT = "tenant";
    public static final String TRACKING_CODE = "trackingCode";
    public static final String TOPIC = "topic";
    public static final String SUBJECT = "subject";
    public static final String ASKER_NAME = "askerName";
    public static final String CONFIDENTIAL = "confidential";
    public static final String MODERATOR_AGENCY = "moderatorAgency";
    public static final String DEPARTMENT = "department";
    public static final String FORWARD_NUMBER = "forwardNumber";
    public static final String FORWARD_NOTE = "forwardNote";
    public static final String REQUESTED_DUE_AT = "requestedDueAt";
    public static final String REQUESTED_DUE_DATE = "requestedDueDate";
    public static final String REQUESTED_EXTENSION_REASON = "requestedExtensionReason";
    public static final String CLARIFICATION_DUE_AT = "clarificationDueAt";
    public static final String ANSWERED_AT = "answeredAt";
    public static final String REOPENABLE_UNTIL = "reopenableUntil";
    /** The asker's signed choice (DialogueAsked); absent on instances started before it existed, meaning "agrees". */
    public static final String PUBLICATION_CONSENT = "publicationConsent";
    /** The question's text as a process variable (shortened to {@link #DISPLAY_TEXT_MAX}), for the publication form. */
    public static final String QUESTION = "question";

    // Publication (bpmn/publication.bpmn): facts of the answer, set by the bridge, and the form's display texts.
    public static final String ANSWER_TEXT = "answerText";
    public static final String ANSWERING_AGENCY = "answeringAgency";
    public static final String ASKED_AT = "askedAt";
    public static final String ANSWER_SEQUENCE = "answerSequence";
    public static final String PUBLICATION_DUE_AT = "publicationDueAt";
    public static final String PUBLIC_SUBJECT = "publicSubject";
    public static final String PUBLIC_QUESTION = "publicQuestion";
    public static final String PUBLIC_ANSWER = "publicAnswer";
    public static final String ANSWERING_AGENCY_NAME = "answeringAgencyName";
    public static final String ASKED_AT_TEXT = "askedAtText";
    public static final String ANSWERED_AT_TEXT = "answeredAtText";

    /**
     * Camunda keeps a string variable in a 4000-character column: longer texts are shortened for display (the case
     * page shows them whole), and the command always uses the dialogue's own texts, never these.
     */
    public static final int DISPLAY_TEXT_MAX = 3900;

    // Time: set by the bridge (starts, recorded due dates) and by planDeadlines (reminders, escalations, windows).
    public static final String TRIAGE_STARTED_AT = "triageStartedAt";
    public static final String TRIAGE_DUE_AT = "triageDueAt";
    public static final String TRIAGE_REMINDER_AT = "triageReminderAt";
    public static final String TRIAGE_ESCALATION_AT = "triageEscalationAt";
    public static final String TRIAGE_ESCALATION_LEVEL = "triageEscalationLevel";
    public static final String TRIAGE_REMINDED_FOR = "triageRemindedFor";
    public static final String ANSWER_STARTED_AT = "answerStartedAt";
    public static final String ANSWER_DUE_AT = "answerDueAt";
    public static final String ANSWER_REMINDER_AT = "answerReminderAt";
    public static final String ANSWER_ESCALATION_AT = "answerEscalationAt";
    public static final String ANSWER_ESCALATION_LEVEL = "answerEscalationLevel";
    public static final String ANSWER_REMINDED_FOR = "answerRemindedFor";
    public static final String RATING_WINDOW_ENDS_AT = "ratingWindowEndsAt";

    /** Task-local variable: the leaders' group an overdue task was escalated to (Tasklist filter "escalated to me"). */
    public static final String ESCALATED_TO = "escalatedTo";

    // Form fields (Camunda Forms keys); removed again once their command went through.
    public static final String DECISION = "decision";
    public static final String FORWARD_TO = "forwardTo";
    public static final String NOTE = "note";
    public static final String ANSWER = "answer";
    public static final String CLARIFICATION_REQUEST = "clarificationRequest";
    public static final String REJECTION_CODE = "rejectionCode";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String RETURN_REASON = "returnReason";
    public static final String REQUESTED_DUE_DATE_FIELD = "requestedDueDate";
    public static final String EXTENSION_REASON = "extensionReason";
    public static final String NEW_DUE_DATE = "newDueDate";
    public static final String REFUSAL_REASON = "refusalReason";
    public static final String REDACTED_SUBJECT = "redactedSubject";
    public static final String REDACTED_BODY = "redactedBody";
    public static final String REDACTED_ANSWER = "redactedAnswer";
    public static final String KEEP_PRIVATE_REASON = "keepPrivateReason";

    private DialogueProcess() {}
}
