package vn.edialog.command.tenant;

/** The People's Committee that moderates (exactly one per tenant), or a department it forwards to. */
public enum AgencyKind {
    MODERATOR,
    DEPARTMENT
}
