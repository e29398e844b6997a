package vn.edialog.app.access;

import java.util.Locale;

/** What an official does for an agency; each role is a Camunda group {@code <tenant>-<agency>-<role>}. */
public enum OfficialRole {
    /** Triage for the People's Committee: answers, forwards, asks for clarification, rejects, decides extensions. */
    MODERATORS,
    /** Handles the cases forwarded to the department. */
    OFFICERS,
    /** Receives escalations and reads the agency's reports. */
    LEADERS;

    public String suffix() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Camunda group id of this role in an agency of a tenant. */
    public String groupId(String tenant, String agency) {
        return tenant + "-" + agency + "-" + suffix();
    }
}
