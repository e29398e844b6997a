package vn.edialog.command.dialogue.lifecycle;

import static vn.edialog.command.dialogue.lifecycle.Action.*;
import static vn.edialog.command.dialogue.lifecycle.Stage.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import vn.edialog.command.dialogue.api.AnswerKeptPrivate;
import vn.edialog.command.dialogue.api.AnswerPublished;
import vn.edialog.command.dialogue.api.ClarificationProvided;
import vn.edialog.command.dialogue.api.ClarificationRequested;
import vn.edialog.command.dialogue.api.CloseReason;
import vn.edialog.command.dialogue.api.DeadlineExtended;
import vn.edialog.command.dialogue.api.DeadlineExtensionRefused;
import vn.edialog.command.dialogue.api.DeadlineExtensionRequested;
import vn.edialog.command.dialogue.api.DialogueAnswered;
import vn.edialog.command.dialogue.api.DialogueAsked;
import vn.edialog.command.dialogue.api.DialogueClosed;
import vn.edialog.command.dialogue.api.DialogueEscalated;
import vn.edialog.command.dialogue.api.DialogueForwarded;
import vn.edialog.command.dialogue.api.DialogueRejected;
import vn.edialog.command.dialogue.api.DialogueReopened;
import vn.edialog.command.dialogue.api.EscalationStep;
import vn.edialog.command.dialogue.api.ForwardAcknowledged;
import vn.edialog.command.dialogue.api.ForwardReturned;
import vn.edialog.command.dialogue.api.PersonalDataErased;
import vn.edialog.command.dialogue.api.PublicationWithdrawn;
import vn.edialog.command.dialogue.api.SatisfactionRated;

/**
 * The one transition table of a dialogue: stage × action → the stage after it. An action missing from a stage's row is
 * not allowed there. Who may act (asker, moderator, the department holding the forward, the system) and the inputs are
 * the aggregate's checks; this table is only where in the lifecycle.
 */
public final class DialogueLifecycle {

    private static final Map<Stage, Map<Action, Stage>> TABLE = new EnumMap<>(Stage.class);

    /** What the department holding a forward, and the moderator deciding its extension, may do to it. */
    private static final Action[] HOLDING_THE_FORWARD = {
        ACKNOWLEDGE_FORWARD, REQUEST_EXTENSION, EXTEND_DEADLINE, REFUSE_EXTENSION, ESCALATE_ANSWER
    };

    static {
        define(TRIAGE)
                .to(REQUEST_CLARIFICATION, CLARIFICATION_IN_TRIAGE)
                .to(FORWARD, FORWARDED)
                .to(ANSWER, ANSWERED)
                .to(REJECT, REJECTED)
                .stay(ESCALATE_TRIAGE, DECIDE_PUBLICATION, WITHDRAW_PUBLICATION);
        define(CLARIFICATION_IN_TRIAGE)
                .to(PROVIDE_CLARIFICATION, TRIAGE)
                .to(CLOSE_FOR_CLARIFICATION_TIMEOUT, CLOSED)
                .stay(ESCALATE_TRIAGE, DECIDE_PUBLICATION, WITHDRAW_PUBLICATION);
        define(FORWARDED)
                .to(REQUEST_CLARIFICATION, CLARIFICATION_IN_FORWARD)
                .to(RETURN_FORWARD, TRIAGE)
                .to(ANSWER, ANSWERED)
                .stay(HOLDING_THE_FORWARD)
                .stay(DECIDE_PUBLICATION, WITHDRAW_PUBLICATION);
        // The department still holds the forward while it waits for the asker: it may acknowledge it and ask for
        // more time, the moderator may decide on that request, and the forward's deadline may be escalated.
        define(CLARIFICATION_IN_FORWARD)
                .to(PROVIDE_CLARIFICATION, FORWARDED)
                .to(CLOSE_FOR_CLARIFICATION_TIMEOUT, CLOSED)
                .stay(HOLDING_THE_FORWARD)
                .stay(DECIDE_PUBLICATION, WITHDRAW_PUBLICATION);
        define(ANSWERED).to(CLOSE, CLOSED).stay(RATE, DECIDE_PUBLICATION, WITHDRAW_PUBLICATION);
        // Publication decides on the latest answer whatever the lifecycle did since: a closed dialogue can still be
        // published; only a rejection is final, though an answer published before it can be taken down.
        define(CLOSED).to(REOPEN, TRIAGE).stay(ERASE_PERSONAL_DATA, DECIDE_PUBLICATION, WITHDRAW_PUBLICATION);
        define(REJECTED).stay(ERASE_PERSONAL_DATA, WITHDRAW_PUBLICATION);
    }

    private DialogueLifecycle() {}

    /** The stage of a dialogue just asked. */
    public static Stage start() {
        return TRIAGE;
    }

    /** The stage {@code action} leads to from {@code from}; empty when the action is not allowed there. */
    public static Optional<Stage> next(Stage from, Action action) {
        return Optional.ofNullable(TABLE.get(from).get(action));
    }

    public static boolean allows(Stage from, Action action) {
        return TABLE.get(from).containsKey(action);
    }

    /** The stage after a recorded event's action: recorded events were allowed when they were decided. */
    public static Stage after(Stage from, Action action) {
        return next(from, action)
                .orElseThrow(() -> new IllegalStateException(
                        "The lifecycle has no transition " + from + " × " + action + " for a recorded event"));
    }

    /** Every stage in which {@code action} is allowed, with the stage it leads to (for readers keeping the stage). */
    public static Map<Stage, Stage> transitions(Action action) {
        Map<Stage, Stage> found = new EnumMap<>(Stage.class);
        TABLE.forEach((from, row) -> {
            if (row.containsKey(action)) {
                found.put(from, row.get(action));
            }
        });
        return Collections.unmodifiableMap(found);
    }

    /** The row of {@code from}: each allowed action with the stage it leads to. */
    public static Map<Action, Stage> row(Stage from) {
        return Collections.unmodifiableMap(TABLE.get(from));
    }

    /** The action an event records; empty for a type that is not a dialogue event. */
    public static Optional<Action> actionOf(Object event) {
        Action action = null;
        if (event instanceof DialogueAsked) {
            action = ASK;
        } else if (event instanceof ClarificationRequested) {
            action = REQUEST_CLARIFICATION;
        } else if (event instanceof ClarificationProvided) {
            action = PROVIDE_CLARIFICATION;
        } else if (event instanceof DialogueForwarded) {
            action = FORWARD;
        } else if (event instanceof ForwardAcknowledged) {
            action = ACKNOWLEDGE_FORWARD;
        } else if (event instanceof ForwardReturned) {
            action = RETURN_FORWARD;
        } else if (event instanceof DeadlineExtensionRequested) {
            action = REQUEST_EXTENSION;
        } else if (event instanceof DeadlineExtended) {
            action = EXTEND_DEADLINE;
        } else if (event instanceof DeadlineExtensionRefused) {
            action = REFUSE_EXTENSION;
        } else if (event instanceof DialogueAnswered) {
            action = ANSWER;
        } else if (event instanceof DialogueRejected) {
            action = REJECT;
        } else if (event instanceof DialogueEscalated escalated) {
            action = escalated.step() == EscalationStep.TRIAGE ? ESCALATE_TRIAGE : ESCALATE_ANSWER;
        } else if (event instanceof SatisfactionRated) {
            action = RATE;
        } else if (event instanceof DialogueClosed closed) {
            action = closed.reason() == CloseReason.CLARIFICATION_TIMEOUT ? CLOSE_FOR_CLARIFICATION_TIMEOUT : CLOSE;
        } else if (event instanceof DialogueReopened) {
            action = REOPEN;
        } else if (event instanceof AnswerPublished || event instanceof AnswerKeptPrivate) {
            action = DECIDE_PUBLICATION;
        } else if (event instanceof PublicationWithdrawn) {
            action = WITHDRAW_PUBLICATION;
        } else if (event instanceof PersonalDataErased) {
            action = ERASE_PERSONAL_DATA;
        }
        return Optional.ofNullable(action);
    }

    private static Row define(Stage from) {
        Map<Action, Stage> row = new EnumMap<>(Action.class);
        TABLE.put(from, row);
        return new Row(from, row);
    }

    private record Row(Stage from, Map<Action, Stage> actions) {
        Row to(Action action, Stage to) {
            actions.put(action, to);
            return this;
        }

        Row stay(Action... stays) {
            for (Action action : stays) {
                actions.put(action, from);
            }
            return this;
        }
    }
}
