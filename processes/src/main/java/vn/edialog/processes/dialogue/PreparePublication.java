package vn.edialog.processes.dialogue;

import static vn.edialog.processes.dialogue.DialogueProcess.*;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.command.tenant.Agency;
import vn.edialog.command.tenant.TenantCatalog;

/**
 * Bean {@value DialogueProcessBeans#PREPARE_PUBLICATION}: before {@code Task_PublishAnswer}, sets what its form shows
 * (the texts as the portal would show them, the answering agency's name, local times {@code dd/MM/yyyy HH:mm}) and
 * starts the redaction fields from the original texts, so the moderator edits rather than retypes.
 */
public class PreparePublication implements JavaDelegate {

    static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(WorkingDayCalendar.VIETNAM);

    private final TenantCatalog tenants;

    public PreparePublication(TenantCatalog tenants) {
        this.tenants = tenants;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String tenant = Values.requiredString(execution, TENANT);
        String subject = Values.string(execution, SUBJECT);
        String question = Values.string(execution, QUESTION);
        String answer = Values.string(execution, ANSWER_TEXT);
        String agency = Values.string(execution, ANSWERING_AGENCY);
        execution.setVariable(PUBLIC_SUBJECT, subject);
        execution.setVariable(PUBLIC_QUESTION, question);
        execution.setVariable(PUBLIC_ANSWER, answer);
        execution.setVariable(
                ANSWERING_AGENCY_NAME,
                agency == null
                        ? null
                        : tenants.agency(tenant, agency).map(Agency::nameVi).orElse(agency));
        execution.setVariable(ASKED_AT_TEXT, local(Values.instant(execution, ASKED_AT)));
        execution.setVariable(ANSWERED_AT_TEXT, local(Values.instant(execution, ANSWERED_AT)));
        execution.setVariable(REDACTED_SUBJECT, subject);
        execution.setVariable(REDACTED_BODY, question);
        execution.setVariable(REDACTED_ANSWER, answer);
    }

    private static String local(Instant instant) {
        return instant == null ? null : LOCAL_TIME.format(instant);
    }

    /** A text shortened to what a Camunda string variable holds, marked as shortened. */
    static String display(String text) {
        if (text == null || text.length() <= DISPLAY_TEXT_MAX) {
            return text;
        }
        return text.substring(0, DISPLAY_TEXT_MAX) + " […]";
    }
}
