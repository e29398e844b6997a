package vn.edialog.app.official;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.command.tenant.TenantCatalog;
import vn.edialog.processes.dialogue.CloseDialogue;
import vn.edialog.processes.dialogue.Deadlines;
import vn.edialog.processes.dialogue.DepartmentDecision;
import vn.edialog.processes.dialogue.DialogueActions;
import vn.edialog.processes.dialogue.DialogueProcessBeans;
import vn.edialog.processes.dialogue.DialogueProcessBridge;
import vn.edialog.processes.dialogue.DialogueReminders;
import vn.edialog.processes.dialogue.EscalateDialogue;
import vn.edialog.processes.dialogue.ExtensionDecision;
import vn.edialog.processes.dialogue.FittingTexts;
import vn.edialog.processes.dialogue.InvalidDecisions;
import vn.edialog.processes.dialogue.LongStrings;
import vn.edialog.processes.dialogue.PlanDeadlines;
import vn.edialog.processes.dialogue.PreparePublication;
import vn.edialog.processes.dialogue.ProcessSettings;
import vn.edialog.processes.dialogue.PublicationDecision;
import vn.edialog.processes.dialogue.RemindDialogue;
import vn.edialog.processes.dialogue.TextsOutOfHistory;
import vn.edialog.processes.dialogue.TriageDecision;

/**
 * The beans {@code dialogue.bpmn} names in its delegate expressions (one per constant of {@link
 * DialogueProcessBeans}), and the bridge that moves processes with the dialogue's events in its own tracking
 * processor, whose token commits with the process start or correlation.
 */
@Configuration(proxyBeanMethods = false)
class ProcessConfiguration {

    /** A Tasklist form completed with an invalid decision is a 400 with its message, not a 500. */
    @Bean
    InvalidDecisions invalidDecisions() {
        return new InvalidDecisions();
    }

    @Bean
    ProcessSettings processSettings(@Value("${edialog.processes.reminder-share:0.75}") double reminderShare) {
        return new ProcessSettings(reminderShare);
    }

    @Bean
    Deadlines deadlines(WorkingDayCalendar calendar, ProcessSettings settings) {
        return new Deadlines(calendar, settings);
    }

    @Bean
    TenantCatalog tenantCatalog(Tenants tenants) {
        return TenantCatalog.of(tenants.all());
    }

    /** Off while read models are rebuilt from the command line: processes are not a read model. */
    @Bean
    @ConditionalOnProperty(name = "edialog.side-effects", havingValue = "true", matchIfMissing = true)
    DialogueProcessBridge dialogueProcessBridge(RuntimeService runtime, HistoryService history) {
        return new DialogueProcessBridge(runtime, history);
    }

    /** Task names and descriptions of every model fit Camunda's columns (the starter applies every plugin bean). */
    @Bean
    FittingTexts fittingTexts() {
        return new FittingTexts();
    }

    /** String variables longer than Camunda's text column (an answer typed in Tasklist) are stored whole, as bytes. */
    @Bean
    LongStrings longStrings() {
        return new LongStrings();
    }

    /** An official's task completion that collided with the bridge moving the same process is tried again. */
    @Bean
    TaskCompletionRetries taskCompletionRetries() {
        return new TaskCompletionRetries();
    }

    @Bean
    TextsOutOfHistory textsOutOfHistory() {
        return new TextsOutOfHistory();
    }

    @Bean(DialogueProcessBeans.PLAN_DEADLINES)
    PlanDeadlines planDeadlines(Deadlines deadlines, TenantCatalog tenants) {
        return new PlanDeadlines(deadlines, tenants);
    }

    @Bean(DialogueProcessBeans.REMIND_DIALOGUE)
    RemindDialogue remindDialogue(DialogueReminders reminders) {
        return new RemindDialogue(reminders);
    }

    @Bean(DialogueProcessBeans.ESCALATE_DIALOGUE)
    EscalateDialogue escalateDialogue(DialogueActions actions) {
        return new EscalateDialogue(actions);
    }

    @Bean(DialogueProcessBeans.CLOSE_DIALOGUE)
    CloseDialogue closeDialogue(DialogueActions actions, Deadlines deadlines) {
        return new CloseDialogue(actions, deadlines);
    }

    @Bean(DialogueProcessBeans.TRIAGE_DECISION)
    TriageDecision triageDecision(DialogueActions actions, Deadlines deadlines, TenantCatalog tenants) {
        return new TriageDecision(actions, deadlines, tenants);
    }

    @Bean(DialogueProcessBeans.DEPARTMENT_DECISION)
    DepartmentDecision departmentDecision(DialogueActions actions, Deadlines deadlines) {
        return new DepartmentDecision(actions, deadlines);
    }

    @Bean(DialogueProcessBeans.EXTENSION_DECISION)
    ExtensionDecision extensionDecision(DialogueActions actions, Deadlines deadlines) {
        return new ExtensionDecision(actions, deadlines);
    }

    @Bean(DialogueProcessBeans.PREPARE_PUBLICATION)
    PreparePublication preparePublication(TenantCatalog tenants) {
        return new PreparePublication(tenants);
    }

    @Bean(DialogueProcessBeans.PUBLICATION_DECISION)
    PublicationDecision publicationDecision(DialogueActions actions) {
        return new PublicationDecision(actions);
    }
}
