package vn.edialog.processes.dialogue;

/**
 * One row of the {@code Deadlines} decision: a period in working days or in calendar days, and where it comes from.
 */
public record DeadlineRule(DeadlineStep step, Integer workingDays, Integer calendarDays, String legalSource) {

    public DeadlineRule {
        if ((workingDays == null) == (calendarDays == null)) {
            throw new IllegalStateException(
                    "Deadlines row for " + step + " must give either workingDays or calendarDays");
        }
    }
}
