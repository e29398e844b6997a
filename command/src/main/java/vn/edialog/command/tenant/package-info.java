/**
 * Reference data of the tenants (provinces): their agencies, the moderator among them, and the dialogue forms
 * (topics) they issue. Loaded once from JSON and validated; immutable afterwards.
 */
package vn.edialog.command.tenant;
