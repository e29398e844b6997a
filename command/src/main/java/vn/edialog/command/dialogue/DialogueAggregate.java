package vn.edialog.command.dialogue;

/**
 * The aggregate type for Axon's configuration (the class itself stays package-private so that nothing else can call
 * it): {@code AggregateConfigurer.defaultConfiguration(DialogueAggregate.type())}.
 */
public final class DialogueAggregate {

    private DialogueAggregate() {}

    /** The event-sourced aggregate class handling every dialogue command. */
    public static Class<?> type() {
        return Dialogue.class;
    }
}
