/**
 * The {@code Dialogue} aggregate: decides who may do what in which state and records it as events, each linked into
 * the dialogue's evidence chain. Package-private; the outside world speaks through {@code dialogue.api}.
 */
package vn.edialog.command.dialogue;
