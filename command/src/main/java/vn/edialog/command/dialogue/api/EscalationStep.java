package vn.edialog.command.dialogue.api;

/** The open step whose deadline passed: the moderator's triage, or the answer the department holding a forward owes. */
public enum EscalationStep {
    TRIAGE,
    ANSWER;

    /** The step named {@code name} (its constant's name), as a signed payload or a process variable carries it. */
    public static EscalationStep parse(String name) {
        for (EscalationStep step : values()) {
            if (step.name().equals(name)) {
                return step;
            }
        }
        throw new InvalidCommand("step", "expected TRIAGE or ANSWER, not " + name);
    }
}
