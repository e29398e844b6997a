package vn.edialog.query.inbox;

/** Why a dialogue is in a party's inbox: the party asked it, moderates it, or was forwarded it. */
public enum InboxRole {
    ASKER,
    MODERATOR,
    DEPARTMENT
}
