package vn.edialog.processes.dialogue;

/**
 * Settings of the dialogue process that are no legal deadline (those live in {@code deadlines.dmn}).
 *
 * @param reminderShare the share of a step's period after which its reminder fires, in (0, 1); 0.75 reminds after
 *     three quarters of the working days
 */
public record ProcessSettings(double reminderShare) {

    public ProcessSettings {
        if (!(reminderShare > 0 && reminderShare < 1)) {
            throw new IllegalArgumentException("reminderShare must be between 0 and 1, got " + reminderShare);
        }
    }

    public static ProcessSettings defaults() {
        return new ProcessSettings(0.75);
    }
}
