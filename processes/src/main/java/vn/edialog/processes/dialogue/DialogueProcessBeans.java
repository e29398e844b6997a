package vn.edialog.processes.dialogue;

/**
 * The beans {@code bpmn/dialogue.bpmn} names in {@code camunda:delegateExpression}. The application registers each
 * under its name (Spring: one {@code @Bean} per constant); the model lint test checks
 * that every delegate expression names one of these constants.
 */
public final class DialogueProcessBeans {

    public static final String PLAN_DEADLINES = "planDeadlines";
    public static final String REMIND_DIALOGUE = "remindDialogue";
    public static final String ESCALATE_DIALOGUE = "escalateDialogue";
    public static final String CLOSE_DIALOGUE = "closeDialogue";
    public static final String TRIAGE_DECISION = "triageDecision";
    public static final String DEPARTMENT_DECISION = "departmentDecision";
    public static final String EXTENSION_DECISION = "extensionDecision";
    public static final String PREPARE_PUBLICATION = "preparePublication";
    public static final String PUBLICATION_DECISION = "publicationDecision";

    private DialogueProcessBeans() {}
}
