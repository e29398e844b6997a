package vn.edialog.query;

import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import vn.edialog.command.dialogue.lifecycle.Action;
import vn.edialog.command.dialogue.lifecycle.DialogueLifecycle;
import vn.edialog.command.dialogue.lifecycle.Due;
import vn.edialog.command.dialogue.lifecycle.Stage;

/**
 * The lifecycle's table as SQL, for read models that keep a dialogue's {@code stage}, {@code status}, its recorded
 * deadlines ({@code triage_due_at}, {@code forward_due_at}, {@code clarification_due_at}) and {@code due_at}: one
 * update per event moves the stage, the status and the due date exactly as the aggregate moves them, without reading
 * the row first (so the writes stay batched). The SQL is built from enum constants only.
 */
public final class LifecycleColumns {

    private static final Map<Due, String> COLUMNS = new EnumMap<>(Map.of(
            Due.TRIAGE, "triage_due_at", Due.FORWARD, "forward_due_at", Due.CLARIFICATION, "clarification_due_at"));

    private LifecycleColumns() {}

    /** Assignments moving the lifecycle columns by {@code action}, nothing recorded anew. */
    public static String after(Action action) {
        return after(action, Map.of());
    }

    /**
     * Assignments moving the lifecycle columns by {@code action}; {@code recorded} gives, for each deadline the event
     * records, the SQL expression of its new value (a parameter such as {@code :due}).
     */
    public static String after(Action action, Map<Due, String> recorded) {
        Map<Stage, Stage> transitions = DialogueLifecycle.transitions(action);
        StringJoiner set = new StringJoiner(", ");
        set.add("stage = " + byStage(transitions, to -> "'" + to.name() + "'", "stage"));
        set.add("status = " + byStage(transitions, to -> "'" + to.status().name() + "'", "status"));
        set.add("due_at = " + byStage(transitions, to -> deadline(to.due(), recorded), "due_at"));
        recorded.forEach((due, value) -> set.add(COLUMNS.get(due) + " = " + value));
        return set.toString();
    }

    private static String deadline(Due due, Map<Due, String> recorded) {
        if (due == Due.NONE) {
            return "null";
        }
        return recorded.getOrDefault(due, COLUMNS.get(due));
    }

    /** A CASE over the row's current stage; a stage the action is not allowed in keeps {@code otherwise}. */
    private static String byStage(
            Map<Stage, Stage> transitions, java.util.function.Function<Stage, String> value, String otherwise) {
        StringBuilder sql = new StringBuilder("case stage");
        transitions.forEach((from, to) ->
                sql.append(" when '").append(from.name()).append("' then ").append(value.apply(to)));
        return sql.append(" else ").append(otherwise).append(" end").toString();
    }
}
