package vn.edialog.processes.dialogue;

/**
 * The official who completed a Tasklist task, and for whom: the application signs the resulting command with the
 * agency's key and records the official, after checking that the user belongs to that agency of that tenant.
 *
 * @param userId the Camunda user id (the authenticated user, else the task's assignee)
 * @param tenant the province of the dialogue
 * @param agency the agency the task was offered to (the moderator, or the department holding the forward)
 */
public record ActingOfficial(String userId, String tenant, String agency) {}
