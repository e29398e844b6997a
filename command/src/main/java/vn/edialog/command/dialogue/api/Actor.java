package vn.edialog.command.dialogue.api;

/**
 * Who acted. BUSINESS: id "MST:&lt;digits&gt;"; CITIZEN: id "CCCD:&lt;12 digits&gt;" or "CMND:&lt;9|12 digits&gt;";
 * OFFICIAL: id = the official's user id, agency = agency code acted for; SYSTEM: id "system", agency = null.
 */
public record Actor(ActorKind kind, String id, String name, String agency) {}
