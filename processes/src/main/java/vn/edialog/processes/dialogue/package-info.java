/**
 * The dialogue process: {@link vn.edialog.processes.dialogue.DialogueProcessBridge} turns the dialogue's events into
 * process starts and message correlations (business key = dialogue id, message name = event class name); the
 * delegates and task listeners of {@code bpmn/dialogue.bpmn} turn timers and Tasklist decisions into calls of the
 * {@link vn.edialog.processes.dialogue.DialogueActions} port, which the application implements with signed commands.
 * Due dates come from the {@code Deadlines} decision and the working-day calendar; BPMN alone owns time.
 */
package vn.edialog.processes.dialogue;
