package vn.edialog.command.dialogue.api;

/** The kind of party that acted: an asker (business or citizen), a government official, or the system itself. */
public enum ActorKind {
    BUSINESS,
    CITIZEN,
    OFFICIAL,
    SYSTEM
}
