/**
 * The dialogue's lifecycle, written once: which action is allowed in which stage, the stage it leads to, and which
 * recorded deadline is the dialogue's due date in each stage. The aggregate decides with it; the read models derive
 * status and due date with it; {@code LifecycleDiagramTest} prints it as the state diagram of the architecture.
 */
package vn.edialog.command.dialogue.lifecycle;
